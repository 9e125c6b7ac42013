// Spark events (`-N`, par/pseq). Layouts: ghc-events Binary.hs `standardParsers`;
// writer: rts/eventlog/EventLog.c `postSparkCountersEvent`.
import { EventId } from '../format.js';
import { payloadless, type PayloadLayout } from './layout.js';

export const sparkLayouts: PayloadLayout[] = [
  {
    typeId: EventId.CREATE_SPARK_THREAD,
    sizeBytes: 4,
    decode: (r) => ({ kind: 'createSparkThread', sparkThread: r.u32() }),
  },
  // Seven u64 counters in the order created, dud, overflowed, converted, gcd, fizzled, remaining
  // (ghc-events warns that gcd and fizzled are easy to swap).
  {
    typeId: EventId.SPARK_COUNTERS,
    sizeBytes: 56,
    decode: (r) => {
      const created = r.u64();
      const dud = r.u64();
      const overflowed = r.u64();
      const converted = r.u64();
      const gcd = r.u64();
      const fizzled = r.u64();
      const remaining = r.u64();
      return { kind: 'sparkCounters', created, dud, overflowed, converted, gcd, fizzled, remaining };
    },
  },
  payloadless(EventId.SPARK_CREATE, { kind: 'sparkCreate' }),
  payloadless(EventId.SPARK_DUD, { kind: 'sparkDud' }),
  payloadless(EventId.SPARK_OVERFLOW, { kind: 'sparkOverflow' }),
  payloadless(EventId.SPARK_RUN, { kind: 'sparkRun' }),
  { typeId: EventId.SPARK_STEAL, sizeBytes: 2, decode: (r) => ({ kind: 'sparkSteal', victimCap: r.u16() }) },
  payloadless(EventId.SPARK_FIZZLE, { kind: 'sparkFizzle' }),
  payloadless(EventId.SPARK_GC, { kind: 'sparkGC' }),
];
