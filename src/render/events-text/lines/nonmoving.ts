// The non-moving collector (ghc-events Events.hs `buildEventInfo`).
import { line, type LineSpecs } from '../line-template.js';

export const nonmovingLines = {
  concMarkBegin: 'concurrent mark began',
  concMarkEnd: (f) => line`concurrent mark ended: marked ${f.markedObjectCount} objects`,
  concSyncBegin: 'post-mark synchronization began',
  concSyncEnd: 'post-mark synchronization ended',
  concSweepBegin: 'concurrent sweep began',
  concSweepEnd: 'concurrent sweep ended',
  concUpdRemSetFlush: (f) => line`update remembered set flushed by ${f.cap}`,
  nonmovingHeapCensus: (f) =>
    line`nonmoving heap census ${f.blockSizeBytes}: ${f.activeSegments} active segments, ${f.filledSegments} filled segments, ${f.liveBlocks} live blocks`,
  nonmovingPrunedSegments: (f) => line`nonmoving segments pruned: ${f.prunedSegments} pruned segments, ${f.freeSegments} free segments retained`,
} satisfies Partial<LineSpecs>;
