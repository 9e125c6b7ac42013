// Statistics per aggregated row and per run-level metric, and the runs that stand out.
import type { RunRecord } from '../model/run-set.js';
import { RUN_METRICS, type AggregateRow, type RunAggregator, type RunMetric } from './aggregate.js';
import { findOutliers } from './outliers.js';
import { summariseSample, type SampleSummary } from './sample-statistics.js';

export interface AggregatedRow {
  key: string;
  label: string;
  module: string;
  src: string | null;
  metrics: Partial<Record<RunMetric, SampleSummary>>;
}

/** The metrics every run measured: ticks/bytes only when exact in all, alloc/entries when present in all. */
export function availableMetrics(aggregator: RunAggregator): RunMetric[] {
  return RUN_METRICS.filter((metric) => {
    if (metric === 'ticks') return aggregator.exactTicks;
    if (metric === 'bytes') return aggregator.exactBytes;
    if (metric === 'allocPct') return aggregator.hasAlloc;
    if (metric === 'entries') return aggregator.hasEntries;
    return true;
  });
}

export function summariseRows(aggregator: RunAggregator, rows: readonly AggregateRow[]): AggregatedRow[] {
  const metrics = availableMetrics(aggregator);
  return rows.map((row) => {
    const summaries: Partial<Record<RunMetric, SampleSummary>> = {};
    for (const metric of metrics) summaries[metric] = summariseSample(aggregator.metricValues(row.values, metric));
    return { key: row.key, label: row.label, module: row.module, src: row.src, metrics: summaries };
  });
}

export interface RunMetricSummary {
  name: string;
  summary: SampleSummary;
}

/** Run-level figures: the profile totals, then every numeric RTS statistic the runs share. */
export function runLevelValues(runs: readonly RunRecord[]): Map<string, Array<number | null>> {
  const values = new Map<string, Array<number | null>>();
  const put = (name: string, run: number, value: number | null): void => {
    let list = values.get(name);
    if (list === undefined) {
      list = new Array<number | null>(runs.length).fill(null);
      values.set(name, list);
    }
    list[run] = value;
  };
  runs.forEach((run, index) => {
    put('total time (s)', index, run.totals.timeSecs);
    put('total ticks', index, run.totals.ticks);
    put('total alloc (bytes)', index, run.totals.allocBytes);
    for (const [key, value] of Object.entries(run.stats)) put(key, index, value);
  });
  return values;
}

export function summariseRunMetrics(runs: readonly RunRecord[]): RunMetricSummary[] {
  const summaries: RunMetricSummary[] = [];
  for (const [name, values] of runLevelValues(runs)) {
    const present = values.filter((value): value is number => value !== null);
    if (present.length > 0) summaries.push({ name, summary: summariseSample(present) });
  }
  return summaries;
}

export interface RunOutlier {
  run: number;
  source: string;
  metric: string;
  value: number;
  median: number;
  robustZ: number;
}

/**
 * Runs whose totals stand apart from the others (3 scaled MADs); reported, never dropped.
 * Judged on exact counts, ticks and bytes; the printed seconds (two decimals) only when a
 * run has no ticks, as their rounding makes the MAD of short runs meaningless.
 */
export function findRunOutliers(runs: readonly RunRecord[]): RunOutlier[] {
  const outliers: RunOutlier[] = [];
  const values = runLevelValues(runs);
  const haveTicks = runs.every((run) => run.totals.ticks !== null);
  for (const metric of ['total ticks', 'total alloc (bytes)', ...(haveTicks ? [] : ['total time (s)'])]) {
    const list = values.get(metric);
    if (list === undefined || list.some((value) => value === null)) continue;
    for (const verdict of findOutliers(list as number[])) {
      outliers.push({ run: verdict.index, source: runs[verdict.index]!.source, metric, value: verdict.value, median: verdict.median, robustZ: verdict.robustZ });
    }
  }
  return outliers;
}
