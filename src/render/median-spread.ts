// How a metric over runs is shown, in aggregate and compare tables alike: the median and
// the larger distance from it to a bound of its confidence interval (benchstat's `± x%`).
import type { RunMetric } from '../analyze/aggregate.js';

export interface MedianInterval {
  n: number;
  median: number;
  ciLow: number;
  ciHigh: number;
}

export const METRIC_TITLES: Record<RunMetric, string> = { timePct: '%time', allocPct: '%alloc', entries: 'entries', ticks: 'ticks', bytes: 'bytes' };

/** Percentages get one decimal, counts none. */
export function metricDigits(metric: RunMetric): number {
  return metric === 'timePct' || metric === 'allocPct' ? 1 : 0;
}

/** The larger distance from the median to a CI bound, in percent of the median; null when the median is 0. */
export function relativeSpreadPct(summary: MedianInterval): number | null {
  if (summary.median === 0) return null;
  return (Math.max(summary.median - summary.ciLow, summary.ciHigh - summary.median) / Math.abs(summary.median)) * 100;
}

/** `38.3 ± 3%`; a zero median shows its spread in the metric's own units (`0.0 ± 0.4`). */
export function medianWithSpread(summary: MedianInterval, digits: number): string {
  const centre = summary.median.toFixed(digits);
  if (summary.n < 2) return centre;
  const relative = relativeSpreadPct(summary);
  if (relative !== null) return `${centre} ± ${Math.round(relative)}%`;
  const spread = Math.max(summary.median - summary.ciLow, summary.ciHigh - summary.median);
  return spread === 0 ? `${centre} ± 0%` : `${centre} ± ${spread.toFixed(digits)}`;
}
