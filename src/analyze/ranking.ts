// Orders cost-centre totals by what the user asked for, largest first.
import type { CostCentreTotals } from './cost-centre-totals.js';
import type { Metric } from './metric.js';

function sortValue(row: CostCentreTotals, metric: Metric): number {
  switch (metric) {
    case 'time':
    case 'ticks':
      return row.ticks;
    case 'alloc':
    case 'bytes':
      return row.bytes;
    case 'entries':
      return row.entries;
  }
}

/** Largest first; ties broken by the other cost, then by name, so output is stable. */
export function rankTotals(rows: readonly CostCentreTotals[], metric: Metric): CostCentreTotals[] {
  const secondary: Metric = metric === 'alloc' || metric === 'bytes' ? 'time' : 'alloc';
  return [...rows].sort(
    (a, b) =>
      sortValue(b, metric) - sortValue(a, metric) ||
      sortValue(b, secondary) - sortValue(a, secondary) ||
      a.key.localeCompare(b.key),
  );
}
