// The one metric vocabulary: what a user can rank, weigh, aggregate and compare by, how to
// read it off the model, its unit, title and precision. Every command and renderer takes
// its metrics from this table.
//
// Comparisons are of AMOUNTS (`time`, `alloc`, `entries`): a cost centre whose bytes did not
// change has not improved because the rest of the run grew. Shares of the run remain
// available as `time-share` and `alloc-share`, always labelled as shares.
import type { Measures, Provenance } from './profile.js';

export const METRIC_NAMES = ['time', 'alloc', 'entries', 'time-share', 'alloc-share'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The model quantities a metric is made of: a node's ticks, bytes and entries. */
export const QUANTITIES = ['ticks', 'bytes', 'entries'] as const;
export type Quantity = (typeof QUANTITIES)[number];

export type MetricUnit = 'seconds' | 'bytes' | 'count' | 'percent';

export interface MetricDefinition {
  name: MetricName;
  /** Column and axis title. */
  title: string;
  /** The word in menus and legends (a flamegraph's "size by"). */
  noun: string;
  /** What the metric means, for help texts and notes. */
  description: string;
  unit: MetricUnit;
  /** Decimals when printed as a plain number in its unit (text tables use `formatMetricValue`). */
  digits: number;
  quantity: Quantity;
  /** A share of the run's program total (percent) rather than an amount. */
  share: boolean;
}

export const METRICS: Readonly<Record<MetricName, MetricDefinition>> = {
  time: {
    name: 'time',
    title: 'time',
    noun: 'time',
    description: 'sampled time: ticks × the tick interval, in seconds (CPU time over all capabilities)',
    unit: 'seconds',
    digits: 3,
    quantity: 'ticks',
    share: false,
  },
  alloc: { name: 'alloc', title: 'alloc', noun: 'allocation', description: 'bytes allocated', unit: 'bytes', digits: 0, quantity: 'bytes', share: false },
  entries: { name: 'entries', title: 'entries', noun: 'entries', description: 'times the cost centre was entered', unit: 'count', digits: 0, quantity: 'entries', share: false },
  'time-share': {
    name: 'time-share',
    title: '%time',
    noun: 'share of time',
    description: "share of the run's program ticks (system centres such as GC left out), in percent",
    unit: 'percent',
    digits: 1,
    quantity: 'ticks',
    share: true,
  },
  'alloc-share': {
    name: 'alloc-share',
    title: '%alloc',
    noun: 'share of allocation',
    description: "share of the run's program bytes (system centres left out), in percent",
    unit: 'percent',
    digits: 1,
    quantity: 'bytes',
    share: true,
  },
};

/** The amounts: what reports rank by, flamegraphs and folded stacks weigh by, and compare tests by default. */
export const AMOUNT_METRICS = ['time', 'alloc', 'entries'] as const satisfies readonly MetricName[];
export type AmountMetric = (typeof AMOUNT_METRICS)[number];

/** The metrics compared and aggregated when the user names none. */
export const DEFAULT_METRICS: readonly MetricName[] = AMOUNT_METRICS;

/** The amount made of a quantity: `time` of ticks, `alloc` of bytes, `entries` of entries. */
export function amountMetric(quantity: Quantity): AmountMetric {
  return AMOUNT_METRICS.find((name) => METRICS[name].quantity === quantity)!;
}

/**
 * Whether a metric is ticks × the tick interval (seconds), so that a run which does not state
 * its interval cannot provide it (its shares it can).
 */
export function needsTickInterval(name: MetricName): boolean {
  return METRICS[name].quantity === 'ticks' && METRICS[name].unit === 'seconds';
}

/** How a profile obtained a metric's quantity: exact, estimated from percentages, or not at all. */
function metricProvenance(measures: Measures, name: MetricName): Provenance {
  return measures[METRICS[name].quantity];
}

/** What a profile lacks when it cannot provide a quantity: the end of "records no ...", "no run records ...". */
export function recordedQuantityPhrase(quantity: Quantity): string {
  return quantity === 'bytes'
    ? 'allocation (eventlog time samples carry only ticks)'
    : quantity === 'entries'
      ? 'entry counts (eventlog time samples carry only ticks)'
      : 'time samples';
}

/** Why a profile cannot provide a metric, or null if it can. */
export function metricUnavailableReason(measures: Measures, name: MetricName): string | null {
  if (metricProvenance(measures, name) !== 'absent') return null;
  return `records no ${recordedQuantityPhrase(METRICS[name].quantity)}`;
}
