// The first of the two readings pause-statistics.ts makes of a log's GC pauses, made one pause at
// a time as the pauses settle (gc-pauses.ts): per group (all pauses, each generation's) the
// compensated total and the maximum of the lengths in seconds, and the histogram that tells the
// second reading which lengths to keep. Made while the log streams, when the code is hot, it
// saves reading millions of pauses once more at the end.
import { bucketOf, QuantileHistogram } from './bucketed-quantiles.js';
import { CompensatedSum } from './compensated-sum.js';

/** Pauses are nanoseconds in the log and seconds in the figures. */
export const NS_PER_SEC = 1e9;

/** One group's first reading. */
export class PauseTally {
  readonly total = new CompensatedSum();
  readonly histogram = new QuantileHistogram();
  maxSecs = -Infinity;

  add(lengthNs: number, bucket: number): void {
    const secs = lengthNs / NS_PER_SEC;
    this.total.add(secs);
    if (secs > this.maxSecs) this.maxSecs = secs;
    this.histogram.add(bucket);
  }
}

/** The first reading of all pauses and of each generation's, in time order. */
export class PauseTallies {
  readonly all = new PauseTally();
  /** By generation: a sparse array, as generations are small numbers. */
  readonly byGeneration: PauseTally[] = [];

  /** A pause of `lengthNs`; `generation` is -1 for one without GC_STATS, counted only in `all`. */
  add(lengthNs: number, generation: number): void {
    const bucket = bucketOf(lengthNs);
    this.all.add(lengthNs, bucket);
    if (generation >= 0) (this.byGeneration[generation] ??= new PauseTally()).add(lengthNs, bucket);
  }
}
