// Ticky-ticky counters (`-ticky` build, `+RTS -lT`). Layouts: ghc-events Binary.hs
// `tickyParsers`; writer: rts/eventlog/EventLog.c `postTickyCounterDef`, `postTickyCounterSamples`.
import { EventId } from '../format.js';
import { optional, u16, u64, u64Id, utf8Nul } from './codecs.js';
import { layout } from './layout.js';

export const tickyLayouts = [
  // The counter id is a pointer. Later GHCs append the info-table address (~9.4; 0 when absent)
  // and a JSON description (~9.6).
  layout(EventId.TICKY_COUNTER_DEF, 'tickyCounterDef', {
    counterId: u64Id,
    arity: u16,
    argKinds: utf8Nul,
    name: utf8Nul,
    infoTableAddress: optional(u64Id, 0n),
    jsonDescription: optional(utf8Nul, null),
  }),
  // Entries, allocations by the closure, and allocations of the closure since the previous
  // sample (counters that stayed zero are not sent).
  layout(EventId.TICKY_COUNTER_SAMPLE, 'tickyCounterSample', { counterId: u64Id, entryCount: u64, allocs: u64, allocd: u64 }),
  // Starts an atomic batch of samples.
  layout(EventId.TICKY_COUNTER_BEGIN_SAMPLE, 'tickyBeginSample', {}),
];
