// Garbage collection and heap statistics (ghc-events Events.hs `buildEventInfo`).
import { line, optional, type LineSpecs } from '../line-template.js';

export const gcLines = {
  requestSeqGC: 'requesting sequential GC',
  requestParGC: 'requesting parallel GC',
  gcStart: 'starting GC',
  gcEnd: 'finished GC',
  gcWork: 'GC working',
  gcIdle: 'GC idle',
  gcDone: 'GC done',
  gcGlobalSync: 'all caps stopped for GC',
  gcStats: (f) =>
    line`GC stats for heap capset ${f.heapCapset}: generation ${f.generation}, ${f.copiedBytes} bytes copied, ${f.slopBytes} bytes slop, ${f.fragmentationBytes} bytes fragmentation, ${f.parallelThreads} par threads, ${f.parallelMaxCopiedBytes} bytes max par copied, ${f.parallelTotalCopiedBytes} bytes total par copied${optional(', ', f.parallelBalancedCopiedBytes, ' bytes balanced par copied')}`,
  memReturn: (f) => line`memory returned (mblocks): current(${f.currentMblocks}) needed(${f.neededMblocks}) returned(${f.returnedMblocks})`,
  heapAllocated: (f) => line`allocated on heap capset ${f.heapCapset}: ${f.allocatedBytes} total bytes till now`,
  heapSize: (f) => line`size of heap capset ${f.heapCapset}: ${f.sizeBytes} bytes`,
  blocksSize: (f) => line`blocks size of heap capset ${f.heapCapset}: ${f.blocksSizeBytes} bytes`,
  heapLive: (f) => line`live data in heap capset ${f.heapCapset}: ${f.liveBytes} bytes`,
  heapInfo: (f) =>
    line`heap stats for heap capset ${f.heapCapset}: generations ${f.generations}, ${f.maxHeapSizeBytes} bytes max heap size, ${f.allocAreaSizeBytes} bytes alloc area size, ${f.mblockSizeBytes} bytes mblock size, ${f.blockSizeBytes} bytes block size`,
} satisfies Partial<LineSpecs>;
