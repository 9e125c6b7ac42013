// Statistics per aggregated row and per run total, and the runs that stand out.
import { METRIC_NAMES, type MetricName, type MetricUnit } from '../model/metric.js';
import type { RunRecord } from '../model/run-record.js';
import { PROGRAM_TOTALS, rtsStatisticValue, runStatistic, type RunStatistic, type WorseDirection } from '../model/run-statistic.js';
import type { AggregateRow, RunAggregator } from './aggregate.js';
import { findOutliers } from './outliers.js';
import { summariseSample, type SampleSummary } from './sample-statistics.js';

export interface AggregatedRow {
  key: string;
  label: string;
  module: string;
  src: string | null;
  metrics: Partial<Record<MetricName, SampleSummary>>;
}

/** The metrics these runs can provide (each from the runs that record it). */
export function availableMetrics(aggregator: RunAggregator): MetricName[] {
  return METRIC_NAMES.filter((name) => aggregator.unavailableReason(name) === null);
}

export function summariseRows(aggregator: RunAggregator, rows: readonly AggregateRow[], metrics: readonly MetricName[] = availableMetrics(aggregator)): AggregatedRow[] {
  return rows.map((row) => {
    const summaries: Partial<Record<MetricName, SampleSummary>> = {};
    for (const name of metrics) summaries[name] = summariseSample(aggregator.metricValues(row.values, name));
    return { key: row.key, label: row.label, module: row.module, src: row.src, metrics: summaries };
  });
}

/**
 * A figure of each whole run: the program's total time and allocation, then every numeric
 * RTS statistic in order of first appearance; what each is comes from the run-statistic table.
 */
export interface RunTotalSeries {
  /** `time`, `alloc`, or the `.stats` key as the file spells it (`GC_cpu_seconds`, `max_bytes_used`, ...). */
  metric: string;
  title: string;
  unit: MetricUnit;
  worse: WorseDirection;
  headline: boolean;
  /** One value per run in `unit`, null where the run lacks the figure. */
  values: Array<number | null>;
}

function seriesOf(metric: string, statistic: RunStatistic, values: Array<number | null>): RunTotalSeries {
  const { title, unit, worse, headline } = statistic;
  return { metric, title, unit, worse, headline, values };
}

export function runTotalSeries(runs: readonly RunRecord[]): RunTotalSeries[] {
  const series = PROGRAM_TOTALS.map((total) => seriesOf(total.key, total, runs.map((run) => total.value(run))));
  const statKeys: string[] = [];
  for (const run of runs) for (const key of Object.keys(run.stats)) if (!statKeys.includes(key)) statKeys.push(key);
  for (const key of statKeys) series.push(seriesOf(key, runStatistic(key), runs.map((run) => rtsStatisticValue(run, key))));
  return series.filter((entry) => entry.values.some((value) => value !== null));
}

export interface RunMetricSummary {
  name: string;
  title: string;
  unit: MetricUnit;
  headline: boolean;
  summary: SampleSummary;
}

export function summariseRunMetrics(runs: readonly RunRecord[]): RunMetricSummary[] {
  return runTotalSeries(runs).map((entry) => ({
    name: entry.metric,
    title: entry.title,
    unit: entry.unit,
    headline: entry.headline,
    summary: summariseSample(entry.values.filter((value): value is number => value !== null)),
  }));
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
 * Judged on the program's ticks and bytes, exact in every format (the header's counts).
 */
export function findRunOutliers(runs: readonly RunRecord[]): RunOutlier[] {
  const outliers: RunOutlier[] = [];
  const judged: Array<[string, Array<number | null>]> = [
    ['total ticks', runs.map((run) => run.totals.ticks)],
    ['total alloc (bytes)', runs.map((run) => run.totals.allocBytes)],
  ];
  for (const [metric, list] of judged) {
    if (list.some((value) => value === null)) continue;
    for (const verdict of findOutliers(list as number[])) {
      outliers.push({ run: verdict.index, source: runs[verdict.index]!.source, metric, value: verdict.value, median: verdict.median, robustZ: verdict.robustZ });
    }
  }
  return outliers;
}
