// Describes a sample of measurements (one value per run) with simple-statistics.
//
// The confidence interval is for the MEDIAN, from order statistics, as benchstat does: the
// interval [x(lo), x(hi)] of the sorted sample holds the true median with probability
// P(lo ≤ B < hi) for B ~ Binomial(n, 1/2). It assumes nothing about the distribution,
// which suits run-to-run noise. With few runs 95% cannot be reached; the interval is then
// [min, max] and `ciLevel` says what confidence it has.
import { binomialDistribution, max, mean, median, min, sampleStandardDeviation } from 'simple-statistics';

export interface SampleSummary {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1); 0 for one run. */
  stddev: number;
  /** Coefficient of variation: stddev / mean; 0 when the mean is 0. */
  cv: number;
  min: number;
  max: number;
  /** Confidence interval for the median (order statistics). */
  ciLow: number;
  ciHigh: number;
  /** Confidence the interval actually has (>= 0.95 where n allows, else the most available). */
  ciLevel: number;
}

const CONFIDENCE = 0.95;

/** Indices (0-based, into the sorted sample) of the narrowest symmetric order-statistic interval reaching `confidence`. */
export function medianIntervalIndices(n: number, confidence = CONFIDENCE): { lo: number; hi: number; level: number } {
  if (n < 2) return { lo: 0, hi: n - 1, level: 0 };
  const pmf = binomialDistribution(n, 0.5);
  // [x(k), x(n-1-k)] (0-based) covers the median when k < B <= n-1-k, where B counts the
  // values below it: probability 1 - 2·P(B <= k) by symmetry.
  let best = { lo: 0, hi: n - 1, level: 1 - 2 * pmf[0]! };
  let tail = 0;
  for (let k = 0; k < Math.floor(n / 2); k++) {
    tail += pmf[k]!;
    const level = 1 - 2 * tail;
    if (level < confidence) break;
    best = { lo: k, hi: n - 1 - k, level };
  }
  return best;
}

export function summariseSample(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) throw new Error('summariseSample needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const average = mean(sorted);
  const stddev = n > 1 ? sampleStandardDeviation(sorted) : 0;
  const interval = medianIntervalIndices(n);
  return {
    n,
    mean: average,
    median: median(sorted),
    stddev,
    cv: average !== 0 ? stddev / Math.abs(average) : 0,
    min: min(sorted),
    max: max(sorted),
    ciLow: sorted[interval.lo]!,
    ciHigh: sorted[interval.hi]!,
    ciLevel: interval.level,
  };
}
