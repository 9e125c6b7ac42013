// A timeline of builds: per cost centre (or module, or call stack) and per run total, each
// build's median with its CI, and the change points: the builds at which a series steps to a
// new level and stays there, with the manifest components that changed there (the suspects).
//
// Input: builds in timeline order, each with an aggregator of its runs ({ build, aggregator },
// built from files by src/runs/builds.ts, or by any other source of aggregators).
//
// Method (change-points.ts): for each series and metric, binary segmentation over ALL runs
// with a permutation/Bonferroni rank test and the build-level check against machine load,
// every test of every series adjusted as one family (Benjamini–Hochberg by default, or Holm).
// `-p` estimates are good to ±0.05% of a run (compare.ts's printPrecision): a step must be
// larger than that on both sides to count. Significant steps of one series at the same pair
// of builds (time and alloc of one cost centre, say) are ONE change point with all of its
// metrics. A cost centre that a build gains or loses is reported as appearing or
// disappearing there, not as a step: its series is missing in the builds without it.
import type { RunAggregator } from './aggregate.js';
import { controlFalseDiscoveries, detectChangePoints, type ChangePointCandidate, type ChangePointOptions } from './change-points.js';
import { manifestDiff } from './manifest-diff.js';
import type { PValueAdjustment } from './multiple-comparisons.js';
import { NODE_COMPONENT, type BuildInfo } from './timeline/builds.js';
import { timelineSeries, type SeriesKind, type TimelineGrouping, type TimelineSeries } from './timeline/series.js';
import type { MetricName, MetricUnit } from '../model/metric.js';
import type { ManifestEntry } from '../model/run-meta.js';

export type { BuildInfo } from './timeline/builds.js';
export type { BuildPoint, MetricSeries, SeriesKind, TimelineGrouping, TimelineSeries } from './timeline/series.js';

/** One build of a timeline and the aggregate of its runs. */
export interface TimelineBuild {
  build: BuildInfo;
  aggregator: RunAggregator;
}

export interface TimelineOptions {
  grouping: TimelineGrouping;
  /** Metrics per cost centre, each used where the builds record it. */
  metrics: readonly MetricName[];
  alpha: number;
  correction: PValueAdjustment;
  /** Cost centres whose median time share and alloc share stay below this (percent) in every build are left out. */
  minPct: number;
  /** Series of the run totals (time, alloc, RTS statistics) too. Default true. */
  runTotals?: boolean;
  /** Settings of the detector (change-points.ts); its defaults otherwise. */
  detector?: Pick<ChangePointOptions, 'minSegmentBuilds' | 'permutations' | 'splitThreshold' | 'buildLevelCheck' | 'seed'>;
}

export type StepDirection = 'regression' | 'improvement';

/** A manifest component that changed between two builds. */
export interface Suspect {
  component: string;
  /** The version before, or the full commit when only the commit changed; null when the component is new. */
  from: string | null;
  to: string | null;
  change: 'version' | 'commit' | 'version+commit' | 'added' | 'removed';
}

/** One metric's step at a change point. */
export interface MetricStep {
  metric: string;
  title: string;
  unit: MetricUnit;
  /** Which way is worse (never null: unjudged figures have no steps). */
  worse: 'higher' | 'lower';
  estimated: boolean;
  /** Medians of all runs of the segments either side of the step. */
  beforeMedian: number;
  afterMedian: number;
  /** afterMedian − beforeMedian, in the metric's unit. */
  change: number;
  /** 100 · change / |beforeMedian|; null when beforeMedian is 0. */
  deltaPct: number | null;
  p: number;
  pAdjusted: number;
  direction: StepDirection;
  /** Original indices of the first and last build of the segments either side (the step's context). */
  segmentStart: number;
  segmentEnd: number;
}

export interface TimelineChangePoint {
  /** Index into `series`. */
  series: number;
  kind: SeriesKind;
  module: string | null;
  label: string | null;
  src: string | null;
  /** The stack's path, for a stack series (TimelineSeries.stack). */
  stack: string | null;
  /** Index of the last build before the step and of the first after it (builds missing the series skipped). */
  beforeIndex: number;
  afterIndex: number;
  /** The lead metric (the first of the series' metrics that stepped here) and its figures. */
  metric: string;
  deltaPct: number | null;
  p: number;
  pAdjusted: number;
  direction: StepDirection;
  /** Every metric of the series that stepped here, in the series' metric order. */
  metrics: MetricStep[];
  suspects: Suspect[];
}

export interface TimelineAppearance {
  series: number;
  kind: SeriesKind;
  change: 'appeared' | 'disappeared';
  module: string | null;
  label: string | null;
  src: string | null;
  stack: string | null;
  beforeIndex: number;
  afterIndex: number;
  /** Median shares (percent) in the build that has the centre: the one after for an appearance, before for a disappearance. */
  timeShare: number | null;
  allocShare: number | null;
  suspects: Suspect[];
}

export interface Timeline {
  builds: BuildInfo[];
  program: string | null;
  options: Required<Omit<TimelineOptions, 'detector'>> & { detector: Required<NonNullable<TimelineOptions['detector']>> };
  /** The metrics of the cost-centre series: those asked for that some build records. */
  metrics: MetricName[];
  series: TimelineSeries[];
  changePoints: TimelineChangePoint[];
  appearances: TimelineAppearance[];
  /** Tests made (every candidate split of every series and metric), the family of the correction. */
  tested: number;
  /** Per build, what changed in the manifest since the build before (empty for the first). */
  manifestChanges: Suspect[][];
}

const DETECTOR_DEFAULTS = { minSegmentBuilds: 2, permutations: 999, splitThreshold: 0.05, buildLevelCheck: true, seed: 0x5eed };

/** The manifest components whose version or commit differ; the node itself (which changes with every build) last. */
export function suspectsBetween(before: Record<string, ManifestEntry>, after: Record<string, ManifestEntry>): Suspect[] {
  const meta = (manifest: Record<string, ManifestEntry>): Parameters<typeof manifestDiff>[0] => ({ tag: null, batch: null, profile: null, ghcVersion: null, manifest });
  const suspects = manifestDiff(meta(before), meta(after)).map((change): Suspect => {
    const { base, next } = change;
    if (base === null) return { component: change.component, from: null, to: next!.version ?? next!.commit, change: 'added' };
    if (next === null) return { component: change.component, from: base.version ?? base.commit, to: null, change: 'removed' };
    const version = base.version !== next.version;
    const commit = base.commit !== next.commit;
    if (!version) return { component: change.component, from: base.commit, to: next.commit, change: 'commit' };
    return { component: change.component, from: base.version, to: next.version, change: commit ? 'version+commit' : 'version' };
  });
  return [...suspects.filter((s) => s.component !== NODE_COMPONENT), ...suspects.filter((s) => s.component === NODE_COMPONENT)];
}

function directionOf(worse: 'higher' | 'lower', change: number): StepDirection {
  return (worse === 'lower' ? change < 0 : change > 0) ? 'regression' : 'improvement';
}

interface Tested extends ChangePointCandidate {
  series: number;
  metric: number;
}

export function analyzeTimeline(builds: readonly TimelineBuild[], options: TimelineOptions): Timeline {
  const detector = { ...DETECTOR_DEFAULTS, ...options.detector };
  const aggregators = builds.map((entry) => entry.aggregator);
  const metrics = options.metrics.filter((name) => aggregators.some((aggregator) => aggregator.runs.length > 0 && aggregator.unavailableReason(name) === null));
  const series = timelineSeries(aggregators, { grouping: options.grouping, metrics, minPct: options.minPct, runTotals: options.runTotals ?? true });

  const candidates: Tested[] = [];
  series.forEach((entry, s) => {
    entry.metrics.forEach((metric, m) => {
      // A figure with no worse direction (alloc_rate) is drawn, never judged.
      if (metric.worse === null) return;
      const runs = metric.points.map((p) => p?.values ?? []);
      for (const candidate of detectChangePoints(runs, { ...detector, minimumChange: metric.minimumChange })) candidates.push({ ...candidate, series: s, metric: m });
    });
  });
  const controlled = controlFalseDiscoveries(candidates, { alpha: options.alpha, correction: options.correction });

  const manifests = builds.map((entry) => entry.build.manifest);
  const suspects = (before: number, after: number): Suspect[] => suspectsBetween(manifests[before]!, manifests[after]!);
  // Significant steps grouped by series and pair of builds: one change point each.
  const groups = new Map<string, { series: number; beforeIndex: number; afterIndex: number; steps: MetricStep[] }>();
  for (const candidate of controlled) {
    if (!candidate.significant) continue;
    const metric = series[candidate.series]!.metrics[candidate.metric]!;
    const worse = metric.worse!;
    const id = `${candidate.series}:${candidate.beforeIndex}:${candidate.afterIndex}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { series: candidate.series, beforeIndex: candidate.beforeIndex, afterIndex: candidate.afterIndex, steps: [] };
      groups.set(id, group);
    }
    group.steps.push({
      metric: metric.metric,
      title: metric.title,
      unit: metric.unit,
      worse,
      estimated: metric.estimated,
      beforeMedian: candidate.beforeMedian,
      afterMedian: candidate.afterMedian,
      change: candidate.change,
      deltaPct: candidate.changePct,
      p: candidate.p,
      pAdjusted: candidate.pAdjusted,
      direction: directionOf(worse, candidate.change),
      segmentStart: candidate.segmentStart,
      segmentEnd: candidate.segmentEnd,
    });
  }
  const changePoints = [...groups.values()].map((group): TimelineChangePoint => {
    const entry = series[group.series]!;
    const order = entry.metrics.map((metric) => metric.metric);
    const steps = group.steps.sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric));
    const lead = steps[0]!;
    return {
      series: group.series,
      kind: entry.kind,
      module: entry.module,
      label: entry.label,
      src: entry.src,
      stack: entry.stack,
      beforeIndex: group.beforeIndex,
      afterIndex: group.afterIndex,
      metric: lead.metric,
      deltaPct: lead.deltaPct,
      p: lead.p,
      pAdjusted: lead.pAdjusted,
      direction: lead.direction,
      metrics: steps,
      suspects: suspects(group.beforeIndex, group.afterIndex),
    };
  });
  changePoints.sort((a, b) => a.afterIndex - b.afterIndex || a.series - b.series);

  const appearances = findAppearances(series, aggregators, suspects);
  return {
    builds: builds.map((entry) => entry.build),
    program: aggregators.find((aggregator) => aggregator.program !== null)?.program ?? null,
    options: { grouping: options.grouping, metrics: options.metrics, alpha: options.alpha, correction: options.correction, minPct: options.minPct, runTotals: options.runTotals ?? true, detector },
    metrics,
    series,
    changePoints,
    appearances,
    tested: candidates.length,
    manifestChanges: manifests.map((manifest, b) => (b === 0 ? [] : suspectsBetween(manifests[b - 1]!, manifest))),
  };
}

/** Builds at which a cost centre (module, stack) comes or goes, between neighbouring builds. */
function findAppearances(series: readonly TimelineSeries[], aggregators: readonly RunAggregator[], suspects: (before: number, after: number) => Suspect[]): TimelineAppearance[] {
  const found: TimelineAppearance[] = [];
  series.forEach((entry, s) => {
    if (entry.kind === 'run-total') return;
    for (let b = 1; b < entry.present.length; b++) {
      if (entry.present[b] === entry.present[b - 1]) continue;
      // Builds without runs say nothing about the centre.
      if (aggregators[b]!.runs.length === 0 || aggregators[b - 1]!.runs.length === 0) continue;
      const appeared = entry.present[b]!;
      const having = appeared ? b : b - 1;
      found.push({
        series: s,
        kind: entry.kind,
        change: appeared ? 'appeared' : 'disappeared',
        module: entry.module,
        label: entry.label,
        src: entry.src,
        stack: entry.stack,
        beforeIndex: b - 1,
        afterIndex: b,
        timeShare: entry.timeShares[having] ?? null,
        allocShare: entry.allocShares[having] ?? null,
        suspects: suspects(b - 1, b),
      });
    }
  });
  return found.sort((a, b) => a.afterIndex - b.afterIndex || a.series - b.series);
}

/** A series' metric whose newest build sits in a segment that is a significant regression of more than `thresholdPct` over the one before. */
export interface TimelineRegression {
  changePoint: TimelineChangePoint;
  step: MetricStep;
}

/**
 * The `--fail-on-regression` verdict: for each series and metric, its last change point, when
 * the newest build is in the segment after it and that step made things worse by more than
 * `thresholdPct`.
 */
export function timelineRegressions(timeline: Timeline, thresholdPct: number): TimelineRegression[] {
  const newest = timeline.builds.length - 1;
  const last = new Map<string, TimelineRegression>();
  for (const changePoint of timeline.changePoints) {
    for (const step of changePoint.metrics) {
      const id = `${changePoint.series}:${step.metric}`;
      const previous = last.get(id);
      if (previous === undefined || previous.changePoint.afterIndex < changePoint.afterIndex) last.set(id, { changePoint, step });
    }
  }
  return [...last.values()].filter(({ changePoint, step }) => {
    const metric = timeline.series[changePoint.series]!.metrics.find((candidate) => candidate.metric === step.metric);
    if (metric?.points[newest] == null) return false;
    const worsePct = step.deltaPct === null ? (step.change !== 0 ? Number.POSITIVE_INFINITY : 0) : step.worse === 'lower' ? -step.deltaPct : step.deltaPct;
    return step.direction === 'regression' && worsePct > thresholdPct;
  });
}
