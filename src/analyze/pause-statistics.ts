// Distribution figures for a list of durations (GC pauses), via simple-statistics.
import { quantileSorted, quickselect, sum } from 'simple-statistics';

export interface PauseStatistics {
  count: number;
  meanSecs: number;
  p50Secs: number;
  p95Secs: number;
  p99Secs: number;
  maxSecs: number;
  totalSecs: number;
}

/**
 * The figures of durations in any order. A big log has hundreds of thousands of pauses: they
 * stay in a typed array, and the quantiles are selected, not sorted for, which costs a few times
 * less. simple-statistics reads a typed array as it is (by index and length alone, though its
 * types ask for an array).
 */
export function pauseStatistics(secs: Float64Array): PauseStatistics {
  if (secs.length === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
  const values = secs as unknown as number[];
  const totalSecs = sum(values);
  // The maximum is the quantile 1: selected from the last hundredth, not found by another pass.
  const [p50Secs, p95Secs, p99Secs, maxSecs] = ascendingQuantiles(secs, [0.5, 0.95, 0.99, 1]) as [number, number, number, number];
  return {
    count: values.length,
    // simple-statistics' `mean`, without summing again.
    meanSecs: totalSecs / values.length,
    p50Secs,
    p95Secs,
    p99Secs,
    maxSecs,
    totalSecs,
  };
}

/**
 * simple-statistics' `quantile` of each of `ps` (ascending), from one copy of the values. Its
 * `quantileSorted` reads the value at ceil(n p) - 1, or that and the next: those two places are
 * selected (quickselect) for each p in turn, each search starting past the places already
 * settled. Not its `quantile(values, ps)`: in 7.8 that can misplace one of several (its issue
 * #704), and one call per p copies and searches the whole array each time.
 */
export function ascendingQuantiles(values: Float64Array, ps: readonly number[]): number[] {
  const copy = values.slice() as unknown as number[];
  const last = values.length - 1;
  let settled = 0;
  return ps.map((p) => {
    const at = Math.max(0, Math.ceil(values.length * p) - 1);
    for (const place of [at, at + 1]) {
      if (place < settled || place > last) continue;
      quickselect(copy, place, settled, last);
      settled = place + 1;
    }
    return quantileSorted(copy, p);
  });
}
