// Garbage-collection phases and heap statistics. Layouts: ghc-events Binary.hs
// `standardParsers`; writers: rts/eventlog/EventLog.c (`postEventGcStats`, `postEventHeapInfo`,
// `postHeapEvent`, `postMemReturn`).
import { EventId } from '../format.js';
import { absent, u16, u32, u64 } from './codecs.js';
import { layout } from './layout.js';

/** GC_STATS_GHC up to GHC 8.2 (50 bytes); 8.4 appended the bytes copied in balanced parallel GC (58). */
const GC_STATS = {
  heapCapset: u32,
  generation: u16,
  copiedBytes: u64,
  slopBytes: u64,
  fragmentationBytes: u64,
  parallelThreads: u32,
  parallelMaxCopiedBytes: u64,
  parallelTotalCopiedBytes: u64,
};

export const gcLayouts = [
  layout(EventId.REQUEST_SEQ_GC, 'requestSeqGC', {}),
  layout(EventId.REQUEST_PAR_GC, 'requestParGC', {}),
  layout(EventId.GC_START, 'gcStart', {}),
  layout(EventId.GC_WORK, 'gcWork', {}),
  layout(EventId.GC_IDLE, 'gcIdle', {}),
  layout(EventId.GC_DONE, 'gcDone', {}),
  layout(EventId.GC_END, 'gcEnd', {}),
  layout(EventId.GC_GLOBAL_SYNC, 'gcGlobalSync', {}),
  layout(EventId.GC_STATS_GHC, 'gcStats', { ...GC_STATS, parallelBalancedCopiedBytes: absent(null) }),
  layout(EventId.GC_STATS_GHC, 'gcStats', { ...GC_STATS, parallelBalancedCopiedBytes: u64 }),
  // GHC 9.2: mblocks currently allocated, needed, returned to the OS.
  layout(EventId.MEM_RETURN, 'memReturn', { heapCapset: u32, currentMblocks: u32, neededMblocks: u32, returnedMblocks: u32 }),
  layout(EventId.HEAP_ALLOCATED, 'heapAllocated', { heapCapset: u32, allocatedBytes: u64 }),
  layout(EventId.HEAP_SIZE, 'heapSize', { heapCapset: u32, sizeBytes: u64 }),
  // GHC 9.2: bytes in allocated blocks, as opposed to HEAP_SIZE's mblocks.
  layout(EventId.BLOCKS_SIZE, 'blocksSize', { heapCapset: u32, blocksSizeBytes: u64 }),
  layout(EventId.HEAP_LIVE, 'heapLive', { heapCapset: u32, liveBytes: u64 }),
  layout(EventId.HEAP_INFO_GHC, 'heapInfo', {
    heapCapset: u32,
    generations: u16,
    maxHeapSizeBytes: u64,
    allocAreaSizeBytes: u64,
    mblockSizeBytes: u64,
    blockSizeBytes: u64,
  }),
];
