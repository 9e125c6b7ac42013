// Where a heap series has no censuses for a while: between two censuses far further apart
// than the series' usual interval. The commonest is a `.hp` file's last census, written empty
// at exit: a program that stops sampling (or spends its last seconds outside the mutator)
// leaves seconds with no census before it. What the heap held there is unknown, so it is not
// drawn as a ramp between the censuses either side, nor counted in any band's area.
import type { HeapSample } from '../model/heap-series.js';

/** An interval this many times the median interval (or more) is a gap. */
const GAP_FACTOR = 4;
/** Fewer intervals than this give no usual interval to compare with. */
const MIN_INTERVALS = 3;

export interface HeapGap {
  /** The census before the gap. */
  fromSecs: number;
  /** The census after it. */
  toSecs: number;
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** For each sample after the first: true when a gap comes before it. */
export function gapsBefore(samples: readonly HeapSample[]): boolean[] {
  const intervals: number[] = [];
  for (let i = 1; i < samples.length; i++) intervals.push(samples[i]!.timeSecs - samples[i - 1]!.timeSecs);
  const gaps = [false];
  if (intervals.length < MIN_INTERVALS) return samples.map(() => false);
  const usual = median(intervals);
  for (const interval of intervals) gaps.push(usual > 0 && interval >= GAP_FACTOR * usual);
  return gaps;
}

/** The gaps as spans, from gapsBefore(samples). */
export function heapGaps(samples: readonly HeapSample[], before: readonly boolean[]): HeapGap[] {
  const gaps: HeapGap[] = [];
  for (let i = 1; i < samples.length; i++) if (before[i]) gaps.push({ fromSecs: samples[i - 1]!.timeSecs, toSecs: samples[i]!.timeSecs });
  return gaps;
}
