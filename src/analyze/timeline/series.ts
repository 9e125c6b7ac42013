// The series of a timeline: one per cost centre (or module, or call stack) and one for the
// run totals, each with, per metric and per build, the values of that build's runs and their
// median with its confidence interval.
//
// Cost centres are matched across builds by module + label, as compare does (row-
// matching.ts): line numbers shift between builds (one added line moves every SRC below it).
// Stacks likewise by their path of `Module.label` frames. Several centres (or stacks) of one
// name are told apart by source order. A centre a build does not have is MISSING there (not
// zero): its series skips that build, and the appearance or disappearance is reported on its
// own (timeline.ts).
import { METRICS, type MetricName, type MetricUnit } from '../../model/metric.js';
import type { WorseDirection } from '../../model/run-statistic.js';
import { srcLine } from '../../model/src-position.js';
import type { AggregateRow, RunAggregator } from '../aggregate.js';
import { runTotalSeries } from '../aggregate-summary.js';
import { printPrecision } from '../compare.js';
import { summariseSample } from '../sample-statistics.js';

export type TimelineGrouping = 'cost-centre' | 'module' | 'stack';
export type SeriesKind = TimelineGrouping | 'run-total';

/** One build's runs of one metric of one series. */
export interface BuildPoint {
  /** The runs' values, in run order. */
  values: number[];
  n: number;
  median: number;
  ciLow: number;
  ciHigh: number;
  /** The confidence the [ciLow, ciHigh] interval actually has (below 0.95 with fewer than 6 runs). */
  ciLevel: number;
}

export interface MetricSeries {
  /** A metric name (`time`, `alloc`, ...) or, for run totals, `time`, `alloc` or an RTS statistic's key. */
  metric: string;
  title: string;
  unit: MetricUnit;
  /** Which way is worse (productivity: lower); null for a figure that is neither in itself (alloc_rate), which gets no change points. */
  worse: WorseDirection;
  /** Some build's values are estimates (from `-p` percentages). */
  estimated: boolean;
  /** Per build in timeline order; null where the series has no runs of this metric. */
  points: (BuildPoint | null)[];
  /** What counts as a step: no change this small is a change point (rounding of -p's percentages). */
  minimumChange: number;
}

export interface TimelineSeries {
  kind: SeriesKind;
  /** Identity across builds. */
  key: string;
  /** Null for the run totals; of a stack, its leaf's. */
  module: string | null;
  label: string | null;
  /** SRC in the newest build that has the centre. */
  src: string | null;
  /** Of a stack series, its path of `Module.label` frames joined by `;` (as `aggregate --by stack` keys it); else null. */
  stack: string | null;
  /** Per build: the build has this cost centre (always true for run totals). */
  present: boolean[];
  /** Per build, the median share of the run's time and of its alloc (percent); null where missing, and for run totals. */
  timeShares: (number | null)[];
  allocShares: (number | null)[];
  metrics: MetricSeries[];
}

function point(values: number[]): BuildPoint | null {
  if (values.length === 0) return null;
  const summary = summariseSample(values);
  return { values, n: summary.n, median: summary.median, ciLow: summary.ciLow, ciHigh: summary.ciHigh, ciLevel: summary.ciLevel };
}

/** A row's name across builds: module + label for a cost centre, the module, or a stack's path. */
function rowName(row: AggregateRow, grouping: TimelineGrouping): string {
  if (grouping === 'cost-centre') return `${row.module}\u0000${row.label}`;
  return grouping === 'module' ? row.module : row.key;
}

/** Keys of one build's rows across builds: their names, with `#2`, `#3` for rows of one name in source order. */
function keyedRows(aggregator: RunAggregator, grouping: TimelineGrouping): Map<string, AggregateRow> {
  const rows = grouping === 'stack' ? aggregator.stackRows() : aggregator.rows(grouping);
  const byName = new Map<string, AggregateRow[]>();
  for (const row of rows) {
    const name = rowName(row, grouping);
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [row]);
    else list.push(row);
  }
  const keyed = new Map<string, AggregateRow>();
  for (const [name, list] of byName) {
    list.sort((a, b) => (srcLine(a.src) ?? Number.MAX_SAFE_INTEGER) - (srcLine(b.src) ?? Number.MAX_SAFE_INTEGER) || (a.src ?? '').localeCompare(b.src ?? ''));
    list.forEach((row, i) => keyed.set(i === 0 ? name : `${name}\u0000#${i + 1}`, row));
  }
  return keyed;
}

/**
 * The leaf cost centre's label of a stack row (whose label is the whole path): what follows
 * the last frame's `Module.`, found by the leaf's module, which the row knows (a label from
 * an SCC pragma may hold a `;`).
 */
function leafLabel(row: AggregateRow): string {
  const frame = `${row.module}.`;
  const last = row.key.lastIndexOf(`;${frame}`);
  return row.key.slice(last < 0 ? frame.length : last + 1 + frame.length);
}

function medianOf(aggregator: RunAggregator, row: AggregateRow, name: MetricName): number | null {
  const values = aggregator.metricValues(row.values, name);
  return values.length === 0 ? null : summariseSample(values).median;
}

/**
 * How far a `-p` estimate can sit from the true amount, one run (see compare.ts's
 * printPrecision): ±0.05% of the run's program total for bytes, and for ticks from 1000 ticks
 * on. Both sides of a step can be off by that, so a step must exceed twice the largest of the
 * builds' precisions.
 */
function minimumChangeOf(aggregators: readonly RunAggregator[], name: MetricName): number {
  return 2 * Math.max(0, ...aggregators.map((aggregator) => (aggregator.runs.length === 0 ? 0 : printPrecision(aggregator, name))));
}

export interface SeriesOptions {
  grouping: TimelineGrouping;
  metrics: readonly MetricName[];
  /** Cost centres whose median time share and alloc share stay below this (percent) in every build are left out. */
  minPct: number;
  runTotals: boolean;
}

export function timelineSeries(aggregators: readonly RunAggregator[], options: SeriesOptions): TimelineSeries[] {
  const series: TimelineSeries[] = [];
  if (options.runTotals) {
    const totals = runTotalsSeries(aggregators);
    if (totals !== null) series.push(totals);
  }
  const keyed = aggregators.map((aggregator) => keyedRows(aggregator, options.grouping));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const rows of keyed) {
    for (const key of rows.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const minimumChange = new Map(options.metrics.map((name) => [name, minimumChangeOf(aggregators, name)]));
  const usable = (aggregator: RunAggregator, name: MetricName): boolean => aggregator.runs.length > 0 && aggregator.unavailableReason(name) === null;
  for (const key of keys) {
    const rows = keyed.map((rowsOfBuild) => rowsOfBuild.get(key) ?? null);
    const timeShares = rows.map((row, b) => (row === null ? null : medianOf(aggregators[b]!, row, 'time-share')));
    const allocShares = rows.map((row, b) => (row === null ? null : medianOf(aggregators[b]!, row, 'alloc-share')));
    const peak = (shares: (number | null)[]): number => Math.max(0, ...shares.map((share) => share ?? 0));
    if (peak(timeShares) < options.minPct && peak(allocShares) < options.minPct) continue;
    const newest = [...rows].reverse().find((row) => row !== null)!;
    series.push({
      kind: options.grouping,
      key,
      module: newest.module,
      label: options.grouping === 'module' ? null : options.grouping === 'stack' ? leafLabel(newest) : newest.label,
      src: options.grouping === 'module' ? null : newest.src,
      stack: options.grouping === 'stack' ? newest.key : null,
      present: rows.map((row) => row !== null),
      timeShares,
      allocShares,
      metrics: options.metrics.map((name) => ({
        metric: name,
        title: METRICS[name].title,
        unit: METRICS[name].unit,
        worse: 'higher',
        estimated: aggregators.some((aggregator) => usable(aggregator, name) && aggregator.isEstimated(name)),
        points: rows.map((row, b) => (row === null || !usable(aggregators[b]!, name) ? null : point(aggregators[b]!.metricValues(row.values, name)))),
        minimumChange: minimumChange.get(name)!,
      })),
    });
  }
  return series;
}

/** The whole run's figures: program time and alloc, then every numeric RTS statistic, in order of first appearance. */
function runTotalsSeries(aggregators: readonly RunAggregator[]): TimelineSeries | null {
  const perBuild = aggregators.map((aggregator) => new Map(runTotalSeries(aggregator.runs).map((entry) => [entry.metric, entry])));
  const metrics: MetricSeries[] = [];
  const seen = new Set<string>();
  for (const build of perBuild) {
    for (const entry of build.values()) {
      if (seen.has(entry.metric)) continue;
      seen.add(entry.metric);
      metrics.push({
        metric: entry.metric,
        title: entry.title,
        unit: entry.unit,
        worse: entry.worse,
        // Header totals are exact counts in every format.
        estimated: false,
        points: perBuild.map((totals) => point((totals.get(entry.metric)?.values ?? []).filter((value): value is number => value !== null))),
        minimumChange: 0,
      });
    }
  }
  if (metrics.length === 0) return null;
  return { kind: 'run-total', key: '', module: null, label: null, src: null, stack: null, present: aggregators.map(() => true), timeShares: aggregators.map(() => null), allocShares: aggregators.map(() => null), metrics };
}
