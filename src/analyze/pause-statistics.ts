// Distribution figures for a list of durations (GC pauses), via simple-statistics.
import { max, mean, quantileSorted, sum } from 'simple-statistics';

export interface PauseStatistics {
  count: number;
  meanSecs: number;
  p50Secs: number;
  p95Secs: number;
  p99Secs: number;
  maxSecs: number;
  totalSecs: number;
}

export function pauseStatistics(durationsSecs: readonly number[]): PauseStatistics {
  if (durationsSecs.length === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
  // A typed array sorts numbers natively, several times faster than a comparator does: a big log
  // has hundreds of thousands of pauses.
  const sorted = Array.from(Float64Array.from(durationsSecs).sort());
  return {
    count: sorted.length,
    meanSecs: mean(sorted),
    p50Secs: quantileSorted(sorted, 0.5),
    p95Secs: quantileSorted(sorted, 0.95),
    p99Secs: quantileSorted(sorted, 0.99),
    maxSecs: max(sorted),
    totalSecs: sum(sorted),
  };
}
