// How a metric over runs is shown, in aggregate and compare tables alike: the median and
// the larger distance from it to a bound of its confidence interval (benchstat's `± x%`).

export interface MedianInterval {
  n: number;
  median: number;
  ciLow: number;
  ciHigh: number;
}

/** The larger distance from the median to a CI bound, in percent of the median; null when the median is 0. */
export function relativeSpreadPct(summary: MedianInterval): number | null {
  if (summary.median === 0) return null;
  return (Math.max(summary.median - summary.ciLow, summary.ciHigh - summary.median) / Math.abs(summary.median)) * 100;
}

/** `38.3 ms ± 3%`; a zero median shows its spread in the metric's own units (`0 B ± 4.0 KiB`). */
export function medianWithSpread(summary: MedianInterval, format: (value: number) => string): string {
  const centre = format(summary.median);
  if (summary.n < 2) return centre;
  const relative = relativeSpreadPct(summary);
  if (relative !== null) return `${centre} ± ${Math.round(relative)}%`;
  const spread = Math.max(summary.median - summary.ciLow, summary.ciHigh - summary.median);
  return spread === 0 ? `${centre} ± 0%` : `${centre} ± ${format(spread)}`;
}
