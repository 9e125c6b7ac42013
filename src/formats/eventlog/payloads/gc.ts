// Garbage-collection phases and heap statistics. Layouts: ghc-events Binary.hs
// `standardParsers`; writers: rts/eventlog/EventLog.c (`postEventGcStats`, `postEventHeapInfo`,
// `postHeapEvent`, `postMemReturn`).
import { EventId } from '../format.js';
import type { EventInfo } from '../event-info.js';
import type { PayloadReader } from '../payload-reader.js';
import { payloadless, type PayloadLayout } from './layout.js';

/**
 * GC_STATS_GHC: u32 heap capset, u16 generation, u64 copied, u64 slop, u64 fragmentation,
 * u32 parallel GC threads, u64 max copied by one thread, u64 total copied; GHC 8.4 appended
 * u64 balanced copied (declared size 50 -> 58).
 */
function gcStats(r: PayloadReader, withBalanced: boolean): EventInfo {
  const heapCapset = r.u32();
  const generation = r.u16();
  const copiedBytes = r.u64();
  const slopBytes = r.u64();
  const fragmentationBytes = r.u64();
  const parallelThreads = r.u32();
  const parallelMaxCopiedBytes = r.u64();
  const parallelTotalCopiedBytes = r.u64();
  const parallelBalancedCopiedBytes = withBalanced ? r.u64() : null;
  return {
    kind: 'gcStats',
    heapCapset,
    generation,
    copiedBytes,
    slopBytes,
    fragmentationBytes,
    parallelThreads,
    parallelMaxCopiedBytes,
    parallelTotalCopiedBytes,
    parallelBalancedCopiedBytes,
  };
}

export const gcLayouts: PayloadLayout[] = [
  payloadless(EventId.REQUEST_SEQ_GC, { kind: 'requestSeqGC' }),
  payloadless(EventId.REQUEST_PAR_GC, { kind: 'requestParGC' }),
  payloadless(EventId.GC_START, { kind: 'gcStart' }),
  payloadless(EventId.GC_WORK, { kind: 'gcWork' }),
  payloadless(EventId.GC_IDLE, { kind: 'gcIdle' }),
  payloadless(EventId.GC_DONE, { kind: 'gcDone' }),
  payloadless(EventId.GC_END, { kind: 'gcEnd' }),
  payloadless(EventId.GC_GLOBAL_SYNC, { kind: 'gcGlobalSync' }),
  { typeId: EventId.GC_STATS_GHC, sizeBytes: 50, decode: (r) => gcStats(r, false) },
  { typeId: EventId.GC_STATS_GHC, sizeBytes: 58, decode: (r) => gcStats(r, true) },
  // MEM_RETURN (GHC 9.2): u32 capset, then mblocks currently allocated, needed, returned to the OS.
  {
    typeId: EventId.MEM_RETURN,
    sizeBytes: 16,
    decode: (r) => ({
      kind: 'memReturn',
      heapCapset: r.u32(),
      currentMblocks: r.u32(),
      neededMblocks: r.u32(),
      returnedMblocks: r.u32(),
    }),
  },
  {
    typeId: EventId.HEAP_ALLOCATED,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'heapAllocated', heapCapset: r.u32(), allocatedBytes: r.u64() }),
  },
  {
    typeId: EventId.HEAP_SIZE,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'heapSize', heapCapset: r.u32(), sizeBytes: r.u64() }),
  },
  // BLOCKS_SIZE (GHC 9.2): bytes in allocated blocks, as opposed to HEAP_SIZE's mblocks.
  {
    typeId: EventId.BLOCKS_SIZE,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'blocksSize', heapCapset: r.u32(), blocksSizeBytes: r.u64() }),
  },
  {
    typeId: EventId.HEAP_LIVE,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'heapLive', heapCapset: r.u32(), liveBytes: r.u64() }),
  },
  // HEAP_INFO_GHC: u32 capset, u16 generations, then max heap, allocation area, mblock and block sizes.
  {
    typeId: EventId.HEAP_INFO_GHC,
    sizeBytes: 38,
    decode: (r) => ({
      kind: 'heapInfo',
      heapCapset: r.u32(),
      generations: r.u16(),
      maxHeapSizeBytes: r.u64(),
      allocAreaSizeBytes: r.u64(),
      mblockSizeBytes: r.u64(),
      blockSizeBytes: r.u64(),
    }),
  },
];
