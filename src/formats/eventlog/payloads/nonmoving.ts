// Non-moving (concurrent mark-and-sweep) GC events (`--nonmoving-gc`, GHC 8.10+). Layouts:
// ghc-events Binary.hs `standardParsers`; writers: rts/eventlog/EventLog.c `postConcMarkEnd`,
// `postNonmovingHeapCensus`, `postNonmovingPrunedSegments`.
import { EventId } from '../format.js';
import { payloadless, type PayloadLayout } from './layout.js';

export const nonmovingLayouts: PayloadLayout[] = [
  payloadless(EventId.CONC_MARK_BEGIN, { kind: 'concMarkBegin' }),
  // The user guide lists no field, but the RTS writes the u32 number of objects marked.
  { typeId: EventId.CONC_MARK_END, sizeBytes: 4, decode: (r) => ({ kind: 'concMarkEnd', markedObjectCount: r.u32() }) },
  payloadless(EventId.CONC_SYNC_BEGIN, { kind: 'concSyncBegin' }),
  payloadless(EventId.CONC_SYNC_END, { kind: 'concSyncEnd' }),
  payloadless(EventId.CONC_SWEEP_BEGIN, { kind: 'concSweepBegin' }),
  payloadless(EventId.CONC_SWEEP_END, { kind: 'concSweepEnd' }),
  { typeId: EventId.CONC_UPD_REM_SET_FLUSH, sizeBytes: 2, decode: (r) => ({ kind: 'concUpdRemSetFlush', cap: r.u16() }) },
  // Census per allocator size class. Up to GHC 9.8 (13 bytes) the first field is a u8 base-2
  // logarithm of the block size; from 9.10 (14 bytes) it is the u16 block size itself, which need
  // not be a power of two (GHC #23340; ghc-events Note [Encoding of NonmovingHeapCensus]).
  {
    typeId: EventId.NONMOVING_HEAP_CENSUS,
    sizeBytes: 13,
    decode: (r) => ({
      kind: 'nonmovingHeapCensus',
      blockSizeBytes: 2 ** r.u8(),
      activeSegments: r.u32(),
      filledSegments: r.u32(),
      liveBlocks: r.u32(),
    }),
  },
  {
    typeId: EventId.NONMOVING_HEAP_CENSUS,
    sizeBytes: 14,
    decode: (r) => ({
      kind: 'nonmovingHeapCensus',
      blockSizeBytes: r.u16(),
      activeSegments: r.u32(),
      filledSegments: r.u32(),
      liveBlocks: r.u32(),
    }),
  },
  // GHC 9.12: u32 segments pruned, u32 free segments retained.
  {
    typeId: EventId.NONMOVING_PRUNED_SEGMENTS,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'nonmovingPrunedSegments', prunedSegments: r.u32(), freeSegments: r.u32() }),
  },
];
