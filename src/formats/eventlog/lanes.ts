// Splits the events of a log, in file order, into a few "lanes": subsequences whose times never
// decrease. Merging the lanes by (time, file position) then gives exactly ghc-events' order (a
// stable sort on time: equal times keep file order), without sorting every event.
//
// Why lanes rather than runs of consecutive events: a log is nearly sorted but not in runs. Each
// capability flushes its own blocks, so a block can start before the end of the block written
// before it (a few hundred long runs), and the RTS posts GC_END with the time the GC really ended,
// taken a little before other events already in the buffer (rts/Trace.h `traceEventGcEndAtT`):
// samples/big/gc-heavy.eventlog has 154 285 runs of about 22 events, but only a handful of lanes.
//
// Greedy assignment: an event joins the lane with the largest last time not above its own, or
// opens a new lane. Lane lasts then stay strictly decreasing by lane index (an event joining lane
// i has a time below lane i-1's last and at least lane i's), so the choice is a binary search, and
// the common case, the previous event's lane still fitting, is two comparisons. The number of lanes
// is the length of the longest strictly decreasing subsequence of times: the fewest possible.

export class LaneAssigner {
  /** Last time of each lane, strictly decreasing by index. */
  private lasts = new Float64Array(8);
  private count = 0;
  private previous = -1;

  get laneCount(): number {
    return this.count;
  }

  /** The lane of the next event in file order. */
  assign(timeNs: number): number {
    const lasts = this.lasts;
    const previous = this.previous;
    if (previous >= 0 && timeNs >= lasts[previous]! && (previous === 0 || lasts[previous - 1]! > timeNs)) {
      lasts[previous] = timeNs;
      return previous;
    }
    // The first lane whose last is not above `timeNs`, or a new lane after all of them.
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (lasts[middle]! <= timeNs) high = middle;
      else low = middle + 1;
    }
    if (low === this.count) this.openLane();
    this.lasts[low] = timeNs;
    this.previous = low;
    return low;
  }

  private openLane(): void {
    if (this.count === this.lasts.length) {
      const grown = new Float64Array(this.lasts.length * 2);
      grown.set(this.lasts);
      this.lasts = grown;
    }
    this.count++;
  }
}
