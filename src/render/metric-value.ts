// How a value of a metric is shown to people, the same in every table: seconds and bytes in
// readable units, counts with separators, shares with one decimal; `≈` before estimates.
import { METRICS, type MetricName, type MetricUnit } from '../model/metric.js';
import { formatBytes } from './bytes.js';
import { formatDuration } from './duration.js';
import { formatCount } from './numbers.js';

export function formatInUnit(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'seconds':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return Number.isInteger(value) || Math.abs(value) >= 100 ? formatCount(value) : value.toPrecision(3);
    case 'percent':
      return value.toFixed(1);
  }
}

export function formatMetricValue(name: MetricName, value: number): string {
  return formatInUnit(value, METRICS[name].unit);
}

/** Marks an estimate (ticks or bytes derived from `-p` percentages). */
export function estimateMark(estimated: boolean): string {
  return estimated ? '≈' : '';
}

/** A column title with its unit, `time` → `time`, shares as `%time`. */
export function metricTitle(name: MetricName): string {
  return METRICS[name].title;
}
