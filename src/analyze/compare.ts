// Compares two builds the way benchstat compares benchmarks: per run total and per matched
// row and metric, each side's median with its confidence interval, the change, a two-sided
// Mann–Whitney U test, and significance after a correction for testing many rows at once.
//
// Everything is compared on AMOUNTS by default (seconds, bytes, entries): a cost centre whose
// bytes did not change has not improved because the rest of the run grew. Shares are
// compared only when asked for (`time-share`, `alloc-share`).
import { METRICS, type MetricName } from '../model/metric.js';
import type { ProfileKind } from '../model/profile-kind.js';
import type { AggregateRow, RunAggregator } from './aggregate.js';
import { runTotalSeries, type RunTotalSeries } from './aggregate-summary.js';
import { geomeanRatio } from './geomean.js';
import { mannWhitneyU, minimumRunsForSignificance } from './mann-whitney.js';
import { adjustPValues, type PValueAdjustment } from './multiple-comparisons.js';
import { matchRows } from './row-matching.js';
import { summariseSample, type SampleSummary } from './sample-statistics.js';

export type CompareGrouping = 'cost-centre' | 'module' | 'stack';

export interface CompareOptions {
  grouping: CompareGrouping;
  metrics: MetricName[];
  alpha: number;
  correction: PValueAdjustment;
  /** Rows whose median time share and alloc share are below this (percent) in both builds are not tested. */
  minPct: number;
}

export interface SideSummary {
  n: number;
  median: number;
  ciLow: number;
  ciHigh: number;
  mean: number;
}

/** What every compared figure has, rows and run totals alike. */
export interface ComparedFigure {
  base: SideSummary;
  next: SideSummary;
  /** new median − base median, in the metric's unit. */
  change: number;
  /** (new − base) / base in percent; null when the base is 0. */
  deltaPct: number | null;
  /** Two-sided Mann–Whitney U p-value; null when a side has fewer than two runs (untested). */
  p: number | null;
  /** After the multiple-comparison correction. */
  pAdjusted: number | null;
  significant: boolean;
  /** Some run's values are estimates (ticks or bytes from `-p` percentages). */
  estimated: boolean;
  /**
   * The change is no larger than the rounding of GHC's one-decimal percentages can make it
   * (estimates only): not called significant, whatever the test says.
   */
  withinPrintPrecision: boolean;
}

export interface CompareRow extends ComparedFigure {
  key: string;
  module: string;
  label: string;
  src: string | null;
  /** SRC in the base build when it differs (lines moved). */
  baseSrc: string | null;
  metric: MetricName;
}

export interface CompareTotal extends ComparedFigure {
  /** `time`, `alloc`, or an RTS statistic's key. */
  metric: string;
  title: string;
  unit: RunTotalSeries['unit'];
  /** Which way is a regression; null: neither (the total is compared, never a regression). */
  worse: RunTotalSeries['worse'];
}

export interface OneSidedRow {
  key: string;
  module: string;
  label: string;
  src: string | null;
  /** Median time (seconds) and allocation (bytes) in the build that has it; null where not recorded. */
  time: number | null;
  alloc: number | null;
  timeShare: number;
  allocShare: number;
  /** The amounts are estimates (from `-p` percentages). */
  estimated: boolean;
}

export interface Comparison {
  options: CompareOptions;
  metrics: MetricName[];
  runs: { base: number; next: number };
  totals: CompareTotal[];
  rows: CompareRow[];
  added: OneSidedRow[];
  removed: OneSidedRow[];
  /** Geometric mean of new/base medians per amount metric, over rows where both are positive. */
  geomean: Partial<Record<MetricName, number | null>>;
  /** Set when a side has too few runs for any significance: how many per side are needed. */
  runsNeededForSignificance: number | null;
  /** Tests made over rows, and over run totals (each its own correction family). */
  tested: number;
  testedTotals: number;
  /** How the runs were made (GHC outputs per side), when they differ: compared like with like. */
  formatNote: string | null;
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

/** Summaries, change and (when both sides have two runs or more) the raw p-value of one figure. */
function compareSamples(baseValues: number[], nextValues: number[], estimated: boolean): ComparedFigure {
  const base = summariseSample(baseValues);
  const next = summariseSample(nextValues);
  const testable = baseValues.length >= 2 && nextValues.length >= 2;
  return {
    base: side(base),
    next: side(next),
    change: next.median - base.median,
    deltaPct: base.median !== 0 ? ((next.median - base.median) / Math.abs(base.median)) * 100 : null,
    p: testable ? mannWhitneyU(baseValues, nextValues).p : null,
    pAdjusted: null,
    significant: false,
    estimated,
    withinPrintPrecision: false,
  };
}

/**
 * How far a `-p` estimate can sit from the true amount: GHC prints each share to one decimal,
 * so a cost centre's estimate (pinned to the flat table's percentage) is good to ±0.05% of the
 * run's program total. Below 1000 ticks every tick is more than 0.1% of the run, so the
 * printed percentages fix each node's ticks exactly and time has no such error. Exact runs
 * (`-P`, `-pa`, `-pj`) contribute nothing. The median over runs, in the metric's unit.
 */
export function printPrecision(aggregator: RunAggregator, name: MetricName): number {
  const quantity = METRICS[name].quantity;
  if (quantity === 'entries') return 0;
  const errors = aggregator.runs.map((run) => {
    if (run.measures[quantity] !== 'approximate') return 0;
    if (METRICS[name].share) return 0.05;
    if (quantity === 'bytes') return 0.0005 * (run.totals.allocBytes ?? 0);
    const ticks = run.totals.ticks ?? 0;
    return ticks < 1000 ? 0 : 0.0005 * ticks * (run.totals.secondsPerTick ?? 0);
  });
  return errors.length === 0 ? 0 : summariseSample(errors).median;
}

/** One correction over a family of tests; sets `pAdjusted` and `significant`. */
function correct(figures: ComparedFigure[], options: CompareOptions): number {
  const tested = figures.filter((figure) => figure.p !== null);
  const adjusted = adjustPValues(
    tested.map((figure) => figure.p!),
    options.correction,
  );
  tested.forEach((figure, i) => {
    figure.pAdjusted = adjusted[i]!;
    figure.significant = adjusted[i]! < options.alpha && !figure.withinPrintPrecision;
  });
  return tested.length;
}

/** Rows that matter first: significant ones, then by the size of the change in the metric's unit. */
function byImportance<T extends ComparedFigure & { key?: string }>(a: T, b: T): number {
  return Number(b.significant) - Number(a.significant) || Math.abs(b.change) - Math.abs(a.change) || (a.key ?? '').localeCompare(b.key ?? '');
}

function compareTotals(base: RunAggregator, next: RunAggregator): CompareTotal[] {
  const baseSeries = runTotalSeries(base.runs);
  const nextSeries = new Map(runTotalSeries(next.runs).map((entry) => [entry.metric, entry]));
  const totals: CompareTotal[] = [];
  for (const entry of baseSeries) {
    const other = nextSeries.get(entry.metric);
    if (other === undefined) continue;
    const present = (values: Array<number | null>): number[] => values.filter((value): value is number => value !== null);
    const [baseValues, nextValues] = [present(entry.values), present(other.values)];
    if (baseValues.length === 0 || nextValues.length === 0) continue;
    // Header totals are exact counts in every format.
    const { metric, title, unit, worse } = entry;
    totals.push({ metric, title, unit, worse, ...compareSamples(baseValues, nextValues, false) });
  }
  return totals;
}

function describeKinds(kinds: ReadonlyMap<ProfileKind, number>): string {
  return [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/**
 * GHC's outputs count costs differently (`-pa`, `-pj` and eventlogs include the system cost
 * centres in their totals; `-p` prints only percentages). The readers put every format on
 * one footing, program costs only, and this note says that the sets were mixed.
 */
function formatNote(base: RunAggregator, next: RunAggregator): string | null {
  const kinds = new Set([...base.kinds.keys(), ...next.kinds.keys()]);
  if (kinds.size <= 1) return null;
  const estimated = kinds.has('-p') ? '; -p ticks and bytes are estimates from its percentages (≈)' : '';
  return `formats differ (base: ${describeKinds(base.kinds)}; new: ${describeKinds(next.kinds)}): compared like with like, program costs only (GC, OVERHEAD_of, IDLE, DONT_CARE and SYSTEM left out where -pa, -pj and eventlogs count them)${estimated}`;
}

export function compareBuilds(base: RunAggregator, next: RunAggregator, options: CompareOptions): Comparison {
  const metrics = options.metrics.filter((name) => base.unavailableReason(name) === null && next.unavailableReason(name) === null);
  const matches = matchRows(rowsOf(base, options.grouping), rowsOf(next, options.grouping), options.grouping === 'stack');
  const medianOf = (aggregator: RunAggregator, row: AggregateRow, name: MetricName): number | null => {
    const values = aggregator.metricValues(row.values, name);
    return values.length === 0 ? null : summariseSample(values).median;
  };
  const big = (aggregator: RunAggregator, row: AggregateRow): boolean =>
    (medianOf(aggregator, row, 'time-share') ?? 0) >= options.minPct || (medianOf(aggregator, row, 'alloc-share') ?? 0) >= options.minPct;

  const rows: CompareRow[] = [];
  const added: OneSidedRow[] = [];
  const removed: OneSidedRow[] = [];
  const oneSided = (aggregator: RunAggregator, row: AggregateRow): OneSidedRow => ({
    key: row.key,
    module: row.module,
    label: row.label,
    src: row.src,
    time: medianOf(aggregator, row, 'time'),
    alloc: medianOf(aggregator, row, 'alloc'),
    timeShare: medianOf(aggregator, row, 'time-share') ?? 0,
    allocShare: medianOf(aggregator, row, 'alloc-share') ?? 0,
    estimated: aggregator.isEstimated('time') || aggregator.isEstimated('alloc'),
  });
  const precision = new Map(metrics.map((name) => [name, printPrecision(base, name) + printPrecision(next, name)]));
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
    for (const name of metrics) {
      const baseValues = base.metricValues(match.base.values, name);
      const nextValues = next.metricValues(match.next.values, name);
      // Nothing to test where both builds measured zero every time.
      if (baseValues.every((value) => value === 0) && nextValues.every((value) => value === 0)) continue;
      const figure = compareSamples(baseValues, nextValues, base.isEstimated(name) || next.isEstimated(name));
      figure.withinPrintPrecision = figure.estimated && Math.abs(figure.change) <= precision.get(name)!;
      rows.push({
        key: match.next.key,
        module: match.next.module,
        label: match.next.label,
        src: match.next.src,
        baseSrc: match.base.src !== match.next.src ? match.base.src : null,
        metric: name,
        ...figure,
      });
    }
  }
  const totals = compareTotals(base, next);
  // One correction over every row test (rows × metrics); the run totals are a family of their own.
  const tested = correct(rows, options);
  const testedTotals = correct(totals, options);
  rows.sort((a, b) => metrics.indexOf(a.metric) - metrics.indexOf(b.metric) || byImportance(a, b));
  const geomean: Partial<Record<MetricName, number | null>> = {};
  for (const name of metrics) {
    if (METRICS[name].share) continue;
    geomean[name] = geomeanRatio(rows.filter((row) => row.metric === name).map((row) => [row.base.median, row.next.median] as [number, number]));
  }
  const fewRuns = Math.min(base.runs.length, next.runs.length) < minimumRunsForSignificance(options.alpha);
  return {
    options,
    metrics,
    runs: { base: base.runs.length, next: next.runs.length },
    totals,
    rows,
    added,
    removed,
    geomean,
    runsNeededForSignificance: fewRuns ? minimumRunsForSignificance(options.alpha) : null,
    tested,
    testedTotals,
    formatNote: formatNote(base, next),
  };
}

/**
 * Figures that got worse by more than `thresholdPct` with significance, run totals first:
 * costs (every row) only grow in a regression, productivity only shrinks, and a total that
 * is worse neither way (alloc_rate) is none.
 */
/**
 * What a change means, for whoever shows it: `worse` or `better` when significant (a row's
 * cost is worse higher; a total says which way), `unchanged` when tested and not significant
 * (or within -p's print precision), null when untested or a total that is neither.
 */
export function changeMeaning(figure: ComparedFigure, worse: CompareTotal['worse']): 'worse' | 'better' | 'unchanged' | null {
  if (figure.p === null) return null;
  if (!figure.significant || figure.withinPrintPrecision || figure.change === 0) return 'unchanged';
  if (worse === null) return null;
  return (worse === 'higher') === figure.change > 0 ? 'worse' : 'better';
}

export function significantRegressions(comparison: Comparison, thresholdPct: number): Array<CompareTotal | CompareRow> {
  const worse = (figure: ComparedFigure, direction: CompareTotal['worse']): boolean => {
    if (direction === null || !figure.significant || figure.deltaPct === null) return false;
    return (direction === 'lower' ? -figure.deltaPct : figure.deltaPct) > thresholdPct;
  };
  return [...comparison.totals.filter((total) => worse(total, total.worse)), ...comparison.rows.filter((row) => worse(row, 'higher'))];
}
