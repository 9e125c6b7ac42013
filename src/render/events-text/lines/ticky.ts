// Ticky-ticky counters (ghc-events Events.hs `buildEventInfo`).
import { hex, line, type LineSpecs } from '../line-template.js';

export const tickyLines = {
  tickyCounterDef: (f) => line`ticky counter definition ${f.counterId}, arity: ${f.arity}, def kinds: ${f.argKinds}, name: ${f.name}, itbl: ${hex(f.infoTableAddress)}`,
  tickyCounterSample: (f) => line`ticky counter sample ${f.counterId}: entry count: ${f.entryCount}, ${f.allocs} allocs, ${f.allocd} allocd`,
  tickyBeginSample: 'ticky begin counter sample',
} satisfies Partial<LineSpecs>;
