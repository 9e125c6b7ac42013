// Time profiling (ghc-events Events.hs `buildEventInfo`).
import { line, list, type LineSpecs } from '../line-template.js';

export const timeProfileLines = {
  profSampleCostCentre: (f) => line`cap no ${f.capability}, prof sample ${f.ticks}, cost centre stack ${list(f.stack)}`,
  profBegin: (f) => line`start time profiling, tick interval ${f.tickIntervalNs} (ns)`,
} satisfies Partial<LineSpecs>;
