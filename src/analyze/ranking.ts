// Orders cost-centre totals by what the user asked for, largest first.
import { METRICS, type AmountMetric, type Quantity } from '../model/metric.js';
import type { CostCentreTotals } from './cost-centre-totals.js';

/** Ties are broken by the run's other costs, bytes then ticks (entries are no cost). */
const TIE_BREAKERS: readonly Quantity[] = ['bytes', 'ticks'];

/** Largest first; ties broken by the other costs, then by name, so output is stable. */
export function rankTotals(rows: readonly CostCentreTotals[], metric: AmountMetric): CostCentreTotals[] {
  const primary = METRICS[metric].quantity;
  const order = [primary, ...TIE_BREAKERS.filter((quantity) => quantity !== primary)];
  return [...rows].sort((a, b) => {
    for (const quantity of order) {
      const difference = b[quantity] - a[quantity];
      if (difference !== 0) return difference;
    }
    return a.key.localeCompare(b.key);
  });
}
