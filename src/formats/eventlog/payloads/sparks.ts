// Spark events (`-N`, par/pseq). Layouts: ghc-events Binary.hs `standardParsers`;
// writer: rts/eventlog/EventLog.c `postSparkCountersEvent`.
import { EventId } from '../format.js';
import { u16, u32, u64 } from './codecs.js';
import { layout } from './layout.js';

export const sparkLayouts = [
  layout(EventId.CREATE_SPARK_THREAD, 'createSparkThread', { sparkThread: u32 }),
  // ghc-events warns that gcd and fizzled are easy to swap.
  layout(EventId.SPARK_COUNTERS, 'sparkCounters', {
    created: u64,
    dud: u64,
    overflowed: u64,
    converted: u64,
    gcd: u64,
    fizzled: u64,
    remaining: u64,
  }),
  layout(EventId.SPARK_CREATE, 'sparkCreate', {}),
  layout(EventId.SPARK_DUD, 'sparkDud', {}),
  layout(EventId.SPARK_OVERFLOW, 'sparkOverflow', {}),
  layout(EventId.SPARK_RUN, 'sparkRun', {}),
  layout(EventId.SPARK_STEAL, 'sparkSteal', { victimCap: u16 }),
  layout(EventId.SPARK_FIZZLE, 'sparkFizzle', {}),
  layout(EventId.SPARK_GC, 'sparkGC', {}),
];
