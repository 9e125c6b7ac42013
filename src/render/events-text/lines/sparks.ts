// Sparks (ghc-events Events.hs `buildEventInfo`).
import { line, type LineSpecs } from '../line-template.js';

export const sparkLines = {
  createSparkThread: (f) => line`creating spark thread ${f.sparkThread}`,
  sparkCounters: (f) =>
    line`spark stats: ${f.created} created, ${f.converted} converted, ${f.remaining} remaining (${f.overflowed} overflowed, ${f.dud} dud, ${f.gcd} GC'd, ${f.fizzled} fizzled)`,
  sparkCreate: 'spark created',
  sparkDud: 'dud spark discarded',
  sparkOverflow: 'overflowed spark discarded',
  sparkRun: 'running a local spark',
  sparkSteal: (f) => line`stealing a spark from cap ${f.victimCap}`,
  sparkFizzle: 'spark fizzled',
  sparkGC: 'spark GCed',
} satisfies Partial<LineSpecs>;
