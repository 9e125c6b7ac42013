// Non-moving (concurrent mark-and-sweep) GC events (`--nonmoving-gc`, GHC 8.10+). Layouts:
// ghc-events Binary.hs `standardParsers`; writers: rts/eventlog/EventLog.c `postConcMarkEnd`,
// `postNonmovingHeapCensus`, `postNonmovingPrunedSegments`.
import { EventId } from '../format.js';
import { u16, u32, u8Log2 } from './codecs.js';
import { layout } from './layout.js';

const CENSUS_COUNTS = { activeSegments: u32, filledSegments: u32, liveBlocks: u32 };

export const nonmovingLayouts = [
  layout(EventId.CONC_MARK_BEGIN, 'concMarkBegin', {}),
  // The user guide lists no field, but the RTS writes the u32 number of objects marked.
  layout(EventId.CONC_MARK_END, 'concMarkEnd', { markedObjectCount: u32 }),
  layout(EventId.CONC_SYNC_BEGIN, 'concSyncBegin', {}),
  layout(EventId.CONC_SYNC_END, 'concSyncEnd', {}),
  layout(EventId.CONC_SWEEP_BEGIN, 'concSweepBegin', {}),
  layout(EventId.CONC_SWEEP_END, 'concSweepEnd', {}),
  layout(EventId.CONC_UPD_REM_SET_FLUSH, 'concUpdRemSetFlush', { cap: u16 }),
  // Census per allocator size class. Up to GHC 9.8 (13 bytes) the first field is a u8 base-2
  // logarithm of the block size; from 9.10 (14 bytes) it is the u16 block size itself, which need
  // not be a power of two (GHC #23340; ghc-events Note [Encoding of NonmovingHeapCensus]).
  layout(EventId.NONMOVING_HEAP_CENSUS, 'nonmovingHeapCensus', { blockSizeBytes: u8Log2, ...CENSUS_COUNTS }),
  layout(EventId.NONMOVING_HEAP_CENSUS, 'nonmovingHeapCensus', { blockSizeBytes: u16, ...CENSUS_COUNTS }),
  // GHC 9.12.
  layout(EventId.NONMOVING_PRUNED_SEGMENTS, 'nonmovingPrunedSegments', { prunedSegments: u32, freeSegments: u32 }),
];
