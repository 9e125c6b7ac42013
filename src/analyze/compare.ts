// Compares two builds the way benchstat compares benchmarks: per matched row and metric,
// each side's median with its confidence interval, the change in percent, a two-sided
// Mann–Whitney U test, and significance after a correction for testing many rows at once.
import type { AggregateRow, RunAggregator, RunMetric } from './aggregate.js';
import { availableMetrics } from './aggregate-summary.js';
import { geomeanRatio } from './geomean.js';
import { mannWhitneyU, minimumRunsForSignificance } from './mann-whitney.js';
import { adjustPValues, type PValueAdjustment } from './multiple-comparisons.js';
import { matchRows } from './row-matching.js';
import { summariseSample, type SampleSummary } from './sample-statistics.js';

export type CompareGrouping = 'cost-centre' | 'module' | 'stack';

export interface CompareOptions {
  grouping: CompareGrouping;
  metrics: RunMetric[];
  alpha: number;
  correction: PValueAdjustment;
  /** Rows whose mean %time and %alloc are below this in both builds are not tested. */
  minPct: number;
}

export interface SideSummary {
  n: number;
  median: number;
  ciLow: number;
  ciHigh: number;
  mean: number;
}

export interface CompareRow {
  key: string;
  module: string;
  label: string;
  src: string | null;
  /** SRC in the base build when it differs (lines moved). */
  baseSrc: string | null;
  metric: RunMetric;
  base: SideSummary;
  next: SideSummary;
  /** (new − base) / base in percent; null when the base is 0. */
  deltaPct: number | null;
  /** Two-sided Mann–Whitney U p-value, null when a side has a single run. */
  p: number | null;
  /** After the multiple-comparison correction. */
  pAdjusted: number | null;
  significant: boolean;
}

export interface OneSidedRow {
  key: string;
  module: string;
  label: string;
  src: string | null;
  /** Mean %time and %alloc in the build that has it. */
  timePct: number;
  allocPct: number;
}

export interface Comparison {
  options: CompareOptions;
  metrics: RunMetric[];
  runs: { base: number; next: number };
  rows: CompareRow[];
  added: OneSidedRow[];
  removed: OneSidedRow[];
  /** Geometric mean of new/base medians per metric, over rows where both are positive. */
  geomean: Partial<Record<RunMetric, number | null>>;
  /** Set when a side has too few runs for any significance: how many per side are needed. */
  runsNeededForSignificance: number | null;
  tested: number;
}

function side(summary: SampleSummary): SideSummary {
  return { n: summary.n, median: summary.median, ciLow: summary.ciLow, ciHigh: summary.ciHigh, mean: summary.mean };
}

function rowsOf(aggregator: RunAggregator, grouping: CompareGrouping): AggregateRow[] {
  if (grouping !== 'stack') return aggregator.rows(grouping);
  // Stack paths name frames by module and label only; merge the rare duplicates.
  const merged = new Map<string, AggregateRow>();
  for (const row of aggregator.stackRows()) {
    const existing = merged.get(row.key);
    if (existing === undefined) merged.set(row.key, { ...row, values: Float64Array.from(row.values) });
    else existing.values.forEach((_, i) => (existing.values[i]! += row.values[i]!));
  }
  return [...merged.values()];
}

export function compareBuilds(base: RunAggregator, next: RunAggregator, options: CompareOptions): Comparison {
  const both = availableMetrics(base).filter((metric) => availableMetrics(next).includes(metric));
  const metrics = options.metrics.filter((metric) => both.includes(metric));
  const matches = matchRows(rowsOf(base, options.grouping), rowsOf(next, options.grouping), options.grouping === 'stack');
  const meanOf = (aggregator: RunAggregator, row: AggregateRow, metric: RunMetric): number => {
    const values = aggregator.metricValues(row.values, metric);
    return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  };
  const big = (aggregator: RunAggregator, row: AggregateRow): boolean =>
    meanOf(aggregator, row, 'timePct') >= options.minPct || meanOf(aggregator, row, 'allocPct') >= options.minPct;

  const rows: CompareRow[] = [];
  const added: OneSidedRow[] = [];
  const removed: OneSidedRow[] = [];
  const oneSided = (aggregator: RunAggregator, row: AggregateRow): OneSidedRow => ({
    key: row.key,
    module: row.module,
    label: row.label,
    src: row.src,
    timePct: meanOf(aggregator, row, 'timePct'),
    allocPct: meanOf(aggregator, row, 'allocPct'),
  });
  for (const match of matches) {
    if (match.base === null) {
      if (big(next, match.next!)) added.push(oneSided(next, match.next!));
      continue;
    }
    if (match.next === null) {
      if (big(base, match.base)) removed.push(oneSided(base, match.base));
      continue;
    }
    if (!big(base, match.base) && !big(next, match.next)) continue;
    for (const metric of metrics) {
      const baseValues = base.metricValues(match.base.values, metric);
      const nextValues = next.metricValues(match.next.values, metric);
      // Nothing to test where both builds measured zero every time.
      if (baseValues.every((value) => value === 0) && nextValues.every((value) => value === 0)) continue;
      const baseSummary = summariseSample(baseValues);
      const nextSummary = summariseSample(nextValues);
      const testable = baseValues.length >= 2 && nextValues.length >= 2;
      rows.push({
        key: match.next.key,
        module: match.next.module,
        label: match.next.label,
        src: match.next.src,
        baseSrc: match.base.src !== match.next.src ? match.base.src : null,
        metric,
        base: side(baseSummary),
        next: side(nextSummary),
        deltaPct: baseSummary.median !== 0 ? ((nextSummary.median - baseSummary.median) / Math.abs(baseSummary.median)) * 100 : null,
        p: testable ? mannWhitneyU(baseValues, nextValues).p : null,
        pAdjusted: null,
        significant: false,
      });
    }
  }
  // One correction over every test made, across rows and metrics.
  const tested = rows.filter((row) => row.p !== null);
  const adjusted = adjustPValues(tested.map((row) => row.p!), options.correction);
  tested.forEach((row, i) => {
    row.pAdjusted = adjusted[i]!;
    row.significant = adjusted[i]! < options.alpha;
  });
  const geomean: Partial<Record<RunMetric, number | null>> = {};
  for (const metric of metrics) {
    geomean[metric] = geomeanRatio(rows.filter((row) => row.metric === metric).map((row) => [row.base.median, row.next.median] as [number, number]));
  }
  const fewRuns = Math.min(base.runs.length, next.runs.length) < minimumRunsForSignificance(options.alpha);
  return {
    options,
    metrics,
    runs: { base: base.runs.length, next: next.runs.length },
    rows,
    added,
    removed,
    geomean,
    runsNeededForSignificance: fewRuns ? minimumRunsForSignificance(options.alpha) : null,
    tested: tested.length,
  };
}

/** Rows that got worse by more than `thresholdPct` with significance (costs only grow in a regression). */
export function significantRegressions(comparison: Comparison, thresholdPct: number): CompareRow[] {
  return comparison.rows.filter((row) => row.significant && row.deltaPct !== null && row.deltaPct > thresholdPct);
}
