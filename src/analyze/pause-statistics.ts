// Distribution figures for a list of durations (GC pauses), via simple-statistics.
import { max, quantileSorted, sum } from 'simple-statistics';

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
 * The figures of durations sorted ascending. A big log has hundreds of thousands of pauses: they
 * stay in a typed array, which sorts natively, and simple-statistics reads them from it as they
 * are (it reads its input by index and length alone, though its types ask for an array).
 */
export function pauseStatistics(sortedSecs: Float64Array): PauseStatistics {
  if (sortedSecs.length === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
  const sorted = sortedSecs as unknown as number[];
  const totalSecs = sum(sorted);
  return {
    count: sorted.length,
    // simple-statistics' `mean`, without summing again.
    meanSecs: totalSecs / sorted.length,
    p50Secs: quantileSorted(sorted, 0.5),
    p95Secs: quantileSorted(sorted, 0.95),
    p99Secs: quantileSorted(sorted, 0.99),
    maxSecs: max(sorted),
    totalSecs,
  };
}
