// Ticky-ticky counters (`-ticky` build, `+RTS -lT`). Layouts: ghc-events Binary.hs
// `tickyParsers`; writer: rts/eventlog/EventLog.c `postTickyCounterDef`, `postTickyCounterSamples`.
import { EventId } from '../format.js';
import { payloadless, type PayloadLayout } from './layout.js';

export const tickyLayouts: PayloadLayout[] = [
  // u64 counter id (a pointer), u16 arity, argument kinds, name; later GHCs append a u64
  // info-table address (~9.4) and a JSON description (~9.6). Each trailing field is read only if
  // bytes remain (ghc-events `optionalGet`).
  {
    typeId: EventId.TICKY_COUNTER_DEF,
    sizeBytes: null,
    decode: (r) => {
      const counterId = r.u64Big();
      const arity = r.u16();
      const argKinds = r.textNul();
      const name = r.textNul();
      const infoTableAddress = r.remainingBytes > 0 ? r.u64Big() : 0n;
      const jsonDescription = r.remainingBytes > 0 ? r.textNul() : null;
      return { kind: 'tickyCounterDef', counterId, arity, argKinds, name, infoTableAddress, jsonDescription };
    },
  },
  // u64 counter id, then entries, allocations by the closure, and allocations of the closure since
  // the previous sample (counters that stayed zero are not sent).
  {
    typeId: EventId.TICKY_COUNTER_SAMPLE,
    sizeBytes: 32,
    decode: (r) => ({
      kind: 'tickyCounterSample',
      counterId: r.u64Big(),
      entryCount: r.u64(),
      allocs: r.u64(),
      allocd: r.u64(),
    }),
  },
  // Starts an atomic batch of samples.
  payloadless(EventId.TICKY_COUNTER_BEGIN_SAMPLE, { kind: 'tickyBeginSample' }),
];
