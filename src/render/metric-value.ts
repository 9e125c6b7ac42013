// How numbers are shown to people, the same in every output: text tables, the SVG
// flamegraph, the HTML viewer (esbuild bundles this module into its page) and the trend
// charts. Amounts in their unit (seconds and bytes in readable units, counts with
// separators, percentages with one decimal), changes with their sign, shares of a whole;
// `≈` before estimates. No DOM and no `node:` imports: the viewer's page runs this too.
import { METRICS, type MetricName, type MetricUnit, type Quantity } from '../model/metric.js';
import { percent } from '../model/percent.js';
import { formatBytes } from './bytes.js';
import { formatDuration } from './duration.js';
import { formatCount, formatPct } from './numbers.js';

/** An amount in a metric's unit, as table cells show it (percentages without the sign: their columns say `%time`). */
export function formatInUnit(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'seconds':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return Number.isInteger(value) || Math.abs(value) >= 100 ? formatCount(value) : value.toPrecision(3);
    case 'percent':
      return formatPct(value);
  }
}

export function formatMetricValue(name: MetricName, value: number): string {
  return formatInUnit(value, METRICS[name].unit);
}

/**
 * An amount of a model quantity, named, as flamegraphs show a frame's value: `240 ticks`,
 * `2,206,633 entries`, `512 B`, `1.05 GiB (1,131,600,104 bytes)` (the exact count beside
 * the binary unit, where the two differ).
 */
export function formatQuantity(value: number, quantity: Quantity): string {
  if (quantity !== 'bytes') return `${formatInUnit(value, 'count')} ${quantity}`;
  const readable = formatInUnit(value, 'bytes');
  return Math.abs(value) < 1024 ? readable : `${readable} (${formatCount(value)} bytes)`;
}

/** A percentage in running text: `12.3%`. */
export function formatPercent(pct: number): string {
  return `${formatInUnit(pct, 'percent')}%`;
}

/** An amount standing alone (a tooltip, a sentence), not in a column titled with its unit: percentages keep their `%`. */
export function formatAmount(value: number, unit: MetricUnit): string {
  return unit === 'percent' ? formatPercent(value) : formatInUnit(value, unit);
}

/** A change in percent with its sign: `+12.3%`, `-4.0%`, `+0.0%`. */
export function formatSignedPct(deltaPct: number): string {
  return `${deltaPct >= 0 ? '+' : ''}${formatPercent(deltaPct)}`;
}

/**
 * `part` as a share of `whole`: `33.33%`. Two decimals, as flamegraph frames are often
 * well under a percent; a dash when there is no whole to share.
 */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${percent(part, whole).toFixed(2)}%` : '–';
}

/** Marks an estimate (ticks or bytes derived from `-p` percentages). */
export function estimateMark(estimated: boolean): string {
  return estimated ? '≈' : '';
}

/** A column title with its unit, `time` → `time`, shares as `%time`. */
export function metricTitle(name: MetricName): string {
  return METRICS[name].title;
}
