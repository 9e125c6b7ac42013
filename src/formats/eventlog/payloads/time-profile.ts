// Time-profile events (`+RTS -p -l`, GHC 8.10+). On every profiler tick the RTS posts one
// sample per capability with the global tick count and that capability's current cost-centre
// stack (rts/Proftimer.c `handleProfTick`, rts/eventlog/EventLog.c `postProfSampleCostCentre`).
// Layouts: ghc-events Binary.hs `timeProfParsers`.
import { EventId } from '../format.js';
import { costCentreStack } from './cost-centre-stack.js';
import type { PayloadLayout } from './layout.js';

export const timeProfileLayouts: PayloadLayout[] = [
  // u64 tick interval in nanoseconds.
  { typeId: EventId.PROF_BEGIN, sizeBytes: 8, decode: (r) => ({ kind: 'profBegin', tickIntervalNs: r.u64() }) },
  // u32 capability, u64 tick count, then the cost-centre stack. ghc-events reads the capability
  // as an Int32 and narrows it to a u16 capability number (ghc-events #84, #108).
  {
    typeId: EventId.PROF_SAMPLE_COST_CENTRE,
    sizeBytes: null,
    decode: (r) => ({
      kind: 'profSampleCostCentre',
      capability: r.i32() & 0xffff,
      ticks: r.u64(),
      stack: costCentreStack(r),
    }),
  },
];
