// Capabilities, capability sets and process information (ghc-events Events.hs `buildEventInfo`).
import { showHaskellStringList } from '../haskell-show.js';
import { line, via, type LineSpecs } from '../line-template.js';

export const capabilityLines = {
  capCreate: (f) => line`created cap ${f.cap}`,
  capDelete: (f) => line`deleted cap ${f.cap}`,
  capDisable: (f) => line`disabled cap ${f.cap}`,
  capEnable: (f) => line`enabled cap ${f.cap}`,
  capsetCreate: (f) => line`created capset ${f.capset} of type ${f.capsetType}`,
  capsetDelete: (f) => line`deleted capset ${f.capset}`,
  capsetAssignCap: (f) => line`assigned cap ${f.cap} to capset ${f.capset}`,
  capsetRemoveCap: (f) => line`removed cap ${f.cap} from capset ${f.capset}`,
  rtsIdentifier: (f) => line`capset ${f.capset}: RTS version "${f.identifier}"`,
  programArgs: (f) => line`capset ${f.capset}: args: ${via(f.args, showHaskellStringList)}`,
  programEnv: (f) => line`capset ${f.capset}: env: ${via(f.env, showHaskellStringList)}`,
  osProcessPid: (f) => line`capset ${f.capset}: pid ${f.pid}`,
  osProcessParentPid: (f) => line`capset ${f.capset}: parent pid ${f.parentPid}`,
  wallClockTime: (f) => line`capset ${f.capset}: wall clock time ${f.seconds}s ${f.nanoseconds}ns (unix epoch)`,
} satisfies Partial<LineSpecs>;
