// Orders cost-centre totals by what the user asked for, largest first.
import { METRICS, type AmountMetric } from '../model/metric.js';
import type { CostCentreTotals } from './cost-centre-totals.js';

function sortValue(row: CostCentreTotals, metric: AmountMetric): number {
  return row[METRICS[metric].quantity];
}

/** Largest first; ties broken by the other cost, then by name, so output is stable. */
export function rankTotals(rows: readonly CostCentreTotals[], metric: AmountMetric): CostCentreTotals[] {
  const secondary: AmountMetric = metric === 'alloc' ? 'time' : 'alloc';
  return [...rows].sort((a, b) => sortValue(b, metric) - sortValue(a, metric) || sortValue(b, secondary) - sortValue(a, secondary) || a.key.localeCompare(b.key));
}
