// `ghcprof timeline`: the builds in order with what changed in their manifests, then per
// series (run totals, cost centres, modules or stacks) a sparkline of build medians per metric
// and its change points with their suspects; as text, Markdown, CSV (one row per series,
// metric and build) and JSON.
import type { MetricSeries, Timeline, TimelineAppearance, TimelineChangePoint, TimelineGrouping, TimelineRegression, TimelineSeries } from '../analyze/timeline.js';
import type { BuildInfo, BuildOrder } from '../analyze/timeline/builds.js';
import { NODE_COMPONENT } from '../analyze/timeline/builds.js';
import { runStatistic } from '../model/run-statistic.js';
import { markdownText } from './markdown-text.js';
import { shownName, visibleText } from './program-text.js';
import { renderTable, type Table, type TableFormat, type TableOptions } from './table.js';
import { buildName, describeStep, describeSuspect, describeSuspects, formatStepValue, overallDirection, seriesName } from './trend/labels.js';
import { formatSignedPct } from './metric-value.js';
import { selectedSeries, type OrderedSeries } from './trend/order.js';
import { sparkline } from './trend/sparkline.js';

export interface TimelineReportContent {
  timeline: Timeline;
  order: BuildOrder;
  /** Cost centres shown in text and Markdown (0 = all); those with change points always are. */
  top: number;
}

/** Run totals always shown; RTS statistics only when they stepped, at most this many in text. */
const RUN_TOTALS_ALWAYS = ['time', 'alloc'];
const MAX_STEPPED_STATISTICS = 6;
/** Metrics named in full in a run-total change point line before "and N more". */
const NAMED_STATISTICS = 3;

/** Headline statistics (model/run-statistic.ts, as `aggregate` shows them) first, then the others, each in their order. */
function byImportance<T extends { metric: string }>(statistics: readonly T[]): T[] {
  return [...statistics.filter((entry) => runStatistic(entry.metric).headline), ...statistics.filter((entry) => !runStatistic(entry.metric).headline)];
}

const GROUPING_NOUNS: Record<TimelineGrouping, string> = { 'cost-centre': 'cost centre', module: 'module', stack: 'stack' };

/** What the series other than the run totals are of (`cost centre`, `module`, `stack`), plural for any count but 1. */
function seriesNoun(timeline: Timeline, count: number): string {
  const noun = GROUPING_NOUNS[timeline.options.grouping];
  return count === 1 ? noun : `${noun}s`;
}

function correctionName(timeline: Timeline): string {
  const { correction } = timeline.options;
  return correction === 'none' ? 'no correction' : correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg';
}

function methodLines(timeline: Timeline): string[] {
  const { detector, alpha } = timeline.options;
  const check = detector.buildLevelCheck ? ', each step also tested against the wobble of whole builds (t-test of build means)' : '';
  const estimated = timeline.series.some((series) => series.metrics.some((metric) => metric.estimated)) ? '; ≈ = estimated from -p percentages (a step must exceed their print precision)' : '';
  return [
    `test: binary segmentation over all runs (Mann-Whitney U; permutation and Bonferroni p), at least ${detector.minSegmentBuilds} builds a side${check}`,
    `${correctionName(timeline)} over ${timeline.tested} tests, alpha ${alpha}${estimated}`,
    `sparklines: build medians, oldest first, drawn from zero; | = change point, · = build without the ${seriesNoun(timeline, 1)}`,
  ];
}

/** What changed since the build before, the node commit apart (it is the build's name). */
function manifestCell(timeline: Timeline, index: number): string {
  if (index === 0) return '';
  const changes = timeline.manifestChanges[index]!.filter((suspect) => !(suspect.component === NODE_COMPONENT && suspect.change === 'commit'));
  if (changes.length === 0) return timeline.manifestChanges[index]!.length === 0 ? 'same manifest' : '';
  return changes.map(describeSuspect).join(', ');
}

function changePointsCell(timeline: Timeline, index: number): string {
  const parts: string[] = [];
  for (const point of timeline.changePoints) {
    if (point.afterIndex !== index) continue;
    const direction = overallDirection(point);
    parts.push(`${direction === 'regression' ? '▲' : direction === 'improvement' ? '▼' : '◆'} ${seriesName(point)}`);
  }
  for (const appearance of timeline.appearances) if (appearance.afterIndex === index) parts.push(`${appearance.change === 'appeared' ? '+' : '−'} ${seriesName(appearance)}`);
  return parts.join(', ');
}

function buildsTable(timeline: Timeline): Table {
  return {
    columns: [
      { title: '#', align: 'right' },
      { title: 'build', align: 'left' },
      { title: 'start', align: 'left' },
      { title: 'runs', align: 'right' },
      { title: 'manifest changes', align: 'left' },
      { title: 'change points', align: 'left' },
    ],
    rows: timeline.builds.map((build, b) => [String(b + 1), build.name, build.start ?? '?', String(build.runs), manifestCell(timeline, b), changePointsCell(timeline, b)]),
  };
}

function stepsOf(points: readonly TimelineChangePoint[], metric: string): Set<number> {
  return new Set(points.filter((point) => point.metrics.some((step) => step.metric === metric)).map((point) => point.afterIndex));
}

/** `≈118 ms → ≈175 ms`: the oldest and newest build medians. */
function endsCell(metric: MetricSeries): string {
  const present = metric.points.filter((point) => point !== null);
  if (present.length === 0) return 'no runs';
  const value = (median: number): string => formatStepValue(metric, median);
  const first = present[0]!.median;
  const last = present[present.length - 1]!.median;
  return present.length === 1 ? value(first) : `${value(first)} → ${value(last)}`;
}

function shownMetrics(series: TimelineSeries, points: readonly TimelineChangePoint[]): { shown: MetricSeries[]; hidden: { stepped: number; quiet: number } } {
  if (series.kind !== 'run-total') return { shown: series.metrics, hidden: { stepped: 0, quiet: 0 } };
  const stepped = new Set(points.flatMap((point) => point.metrics.map((step) => step.metric)));
  const always = series.metrics.filter((metric) => RUN_TOTALS_ALWAYS.includes(metric.metric));
  const statistics = series.metrics.filter((metric) => !RUN_TOTALS_ALWAYS.includes(metric.metric));
  const steppedStatistics = byImportance(statistics.filter((metric) => stepped.has(metric.metric)));
  const shown = new Set([...always, ...steppedStatistics.slice(0, MAX_STEPPED_STATISTICS)]);
  return {
    shown: series.metrics.filter((metric) => shown.has(metric)),
    hidden: { stepped: Math.max(0, steppedStatistics.length - MAX_STEPPED_STATISTICS), quiet: statistics.length - steppedStatistics.length },
  };
}

/** The metrics of a change point, one phrase each; run-total statistics past the first few summed up in one. */
function stepPhrases(point: TimelineChangePoint): string[] {
  if (point.kind !== 'run-total') return point.metrics.map(describeStep);
  const main = point.metrics.filter((step) => RUN_TOTALS_ALWAYS.includes(step.metric));
  const statistics = byImportance(point.metrics.filter((step) => !RUN_TOTALS_ALWAYS.includes(step.metric)));
  const named = statistics.slice(0, NAMED_STATISTICS).map((step) => `${step.title} ${step.deltaPct === null ? 'from 0' : formatSignedPct(step.deltaPct)}`);
  const rest = statistics.length - NAMED_STATISTICS;
  const phrases = main.map(describeStep);
  if (statistics.length > 0) phrases.push(`${statistics.length} RTS statistic${statistics.length === 1 ? '' : 's'}: ${named.join(', ')}${rest > 0 ? `, and ${rest} more` : ''}`);
  return phrases;
}

function stepsText(point: TimelineChangePoint): string {
  return stepPhrases(point).join('; ');
}

/** Build names (tags, commits) and suspects (manifest entries) are the runs' text: each line is shown (program-text.ts). */
function changePointLines(timeline: Timeline, point: TimelineChangePoint): string[] {
  return [
    `  at ${buildName(timeline, point.afterIndex)} (after ${buildName(timeline, point.beforeIndex)}): ${overallDirection(point)}`,
    ...stepPhrases(point).map((phrase) => `    ${phrase}`),
    `    suspects: ${describeSuspects(point.suspects)}`,
  ].map(visibleText);
}

function appearanceLines(timeline: Timeline, appearance: TimelineAppearance): string[] {
  const shares = [appearance.timeShare !== null ? `${appearance.timeShare.toFixed(1)}% of time` : null, appearance.allocShare !== null ? `${appearance.allocShare.toFixed(1)}% of alloc` : null].filter((part) => part !== null);
  return [
    `  ${appearance.change} at ${buildName(timeline, appearance.afterIndex)} (after ${buildName(timeline, appearance.beforeIndex)})${shares.length > 0 ? `: ${shares.join(', ')} ${appearance.change === 'appeared' ? 'there' : 'before'}` : ''}`,
    `    suspects: ${describeSuspects(appearance.suspects)}`,
  ].map(visibleText);
}

function seriesBlock(timeline: Timeline, entry: OrderedSeries): string[] {
  const { series, points, appearances } = entry;
  const heading = series.kind === 'run-total' ? 'RUN TOTALS' : series.src !== null ? `${shownName(seriesName(series))}  ${shownName(series.src)}` : shownName(seriesName(series));
  const { shown, hidden } = shownMetrics(series, points);
  const lines = shown.map((metric) => [metric.title, sparkline(metric.points.map((point) => point?.median ?? null), stepsOf(points, metric.metric)), endsCell(metric)]);
  const width = (column: number): number => Math.max(...lines.map((line) => [...line[column]!].length));
  const out = [heading, ...lines.map((line) => `  ${line[0]!.padEnd(width(0))}  ${line[1]!.padEnd(width(1))}  ${line[2]}`.trimEnd())];
  if (hidden.stepped + hidden.quiet > 0) {
    const what =
      hidden.stepped === 0
        ? `${hidden.quiet} more RTS statistics without change points`
        : `${hidden.stepped} more RTS statistics with change points${hidden.quiet > 0 ? `, ${hidden.quiet} without` : ''}`;
    out.push(`  (${what}: see --format json)`);
  }
  const events = [...points.map((point) => ({ at: point.afterIndex, lines: changePointLines(timeline, point) })), ...appearances.map((appearance) => ({ at: appearance.afterIndex, lines: appearanceLines(timeline, appearance) }))].sort((a, b) => a.at - b.at);
  for (const event of events) out.push(...event.lines);
  if (events.length === 0 && series.kind !== 'run-total') out.push('  no change point');
  return out;
}

function headline(content: TimelineReportContent): string {
  const { timeline } = content;
  const runs = timeline.builds.reduce((sum, build) => sum + build.runs, 0);
  const order = content.order === 'start' ? 'oldest first (by timing.start)' : 'in the order given';
  return `Timeline of ${timeline.builds.length} build${timeline.builds.length === 1 ? '' : 's'}${timeline.program !== null ? ` of ${timeline.program}` : ''}, ${runs} runs, ${order}`;
}

function summaryLine(timeline: Timeline): string {
  const points = timeline.changePoints.length;
  const series = new Set(timeline.changePoints.map((point) => point.series)).size;
  const appeared = timeline.appearances.length;
  const tooFew = timeline.builds.length < 2 * timeline.options.detector.minSegmentBuilds ? ` (a step needs ${timeline.options.detector.minSegmentBuilds} builds a side: ${2 * timeline.options.detector.minSegmentBuilds} builds at least)` : '';
  return `${points} change point${points === 1 ? '' : 's'} in ${series} series${appeared > 0 ? `; ${appeared} ${seriesNoun(timeline, appeared)} appeared or disappeared` : ''}${tooFew}`;
}

function renderText(content: TimelineReportContent, options: TableOptions): string {
  const { timeline } = content;
  const lines = [visibleText(headline(content)), ...methodLines(timeline), '', renderTable(buildsTable(timeline), 'text', options).trimEnd(), '', summaryLine(timeline), ''];
  const { shown, hidden } = selectedSeries(timeline, content.top);
  for (const entry of shown) lines.push(...seriesBlock(timeline, entry), '');
  if (hidden > 0) lines.push(`(${hidden} more ${seriesNoun(timeline, hidden)} without change points; --top 0 shows all)`);
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderMarkdown(content: TimelineReportContent): string {
  const { timeline } = content;
  const lines = [`### ghcprof timeline: ${markdownText(timeline.program ?? '')}`.trimEnd(), '', ...[headline(content), ...methodLines(timeline)].map((line) => `> ${markdownText(line)}  `), ''];
  lines.push(renderTable(buildsTable(timeline), 'markdown').trimEnd(), '', `**${summaryLine(timeline)}**`, '');
  const events = [
    ...timeline.changePoints.map((point) => ({ at: point.afterIndex, row: [buildName(timeline, point.afterIndex), buildName(timeline, point.beforeIndex), seriesName(point), overallDirection(point), stepsText(point), describeSuspects(point.suspects)] })),
    ...timeline.appearances.map((appearance) => ({ at: appearance.afterIndex, row: [buildName(timeline, appearance.afterIndex), buildName(timeline, appearance.beforeIndex), seriesName(appearance), appearance.change, '', describeSuspects(appearance.suspects)] })),
  ].sort((a, b) => a.at - b.at);
  if (events.length > 0) {
    const table: Table = {
      columns: ['at', 'after', 'series', 'direction', 'change', 'suspects'].map((title) => ({ title, align: 'left' as const })),
      rows: events.map((event) => event.row),
    };
    lines.push(renderTable(table, 'markdown').trimEnd(), '');
  }
  const { shown, hidden } = selectedSeries(timeline, content.top);
  const rows: string[][] = [];
  for (const entry of shown) {
    for (const metric of shownMetrics(entry.series, entry.points).shown) {
      rows.push([seriesName(entry.series), metric.title, sparkline(metric.points.map((point) => point?.median ?? null), stepsOf(entry.points, metric.metric)), endsCell(metric)]);
    }
  }
  const table: Table = { columns: ['series', 'metric', 'medians by build', 'oldest → newest'].map((title) => ({ title, align: 'left' as const })), rows };
  lines.push(renderTable(table, 'markdown').trimEnd());
  if (hidden > 0) lines.push('', `${hidden} more ${seriesNoun(timeline, hidden)} without change points.`);
  return `${lines.join('\n').trimEnd()}\n`;
}

const CSV_COLUMNS = ['kind', 'module', 'label', 'src', 'stack', 'metric', 'unit', 'estimated', 'build', 'start', 'n', 'median', 'ciLow', 'ciHigh', 'event', 'deltaPct', 'pAdjusted', 'suspects'];

/** One row per series, metric and build; `event` marks the first build after a change point (or where a centre came or went). */
function renderCsv(timeline: Timeline): string {
  const rows: string[][] = [];
  timeline.series.forEach((series, s) => {
    for (const metric of series.metrics) {
      metric.points.forEach((point, b) => {
        const step = timeline.changePoints.find((candidate) => candidate.series === s && candidate.afterIndex === b && candidate.metrics.some((entry) => entry.metric === metric.metric));
        const stepMetric = step?.metrics.find((entry) => entry.metric === metric.metric);
        const appearance = timeline.appearances.find((candidate) => candidate.series === s && candidate.afterIndex === b);
        const build = timeline.builds[b]!;
        rows.push([
          series.kind,
          series.module ?? '',
          series.label ?? '',
          series.src ?? '',
          series.stack ?? '',
          metric.metric,
          metric.unit,
          String(metric.estimated),
          build.name,
          build.start ?? '',
          String(point?.n ?? 0),
          point === null ? '' : String(point.median),
          point === null ? '' : String(point.ciLow),
          point === null ? '' : String(point.ciHigh),
          stepMetric?.direction ?? appearance?.change ?? '',
          stepMetric?.deltaPct === undefined || stepMetric.deltaPct === null ? '' : String(stepMetric.deltaPct),
          stepMetric === undefined ? '' : String(stepMetric.pAdjusted),
          step !== undefined ? step.suspects.map(describeSuspect).join('; ') : appearance !== undefined ? appearance.suspects.map(describeSuspect).join('; ') : '',
        ]);
      });
    }
  });
  return renderTable({ columns: CSV_COLUMNS.map((title) => ({ title, align: 'left' })), rows }, 'csv');
}

export function renderTimelineReport(content: TimelineReportContent, format: TableFormat, options: TableOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(content, options);
    case 'markdown':
      return renderMarkdown(content);
    case 'csv':
      return renderCsv(content.timeline);
  }
}

function buildJson(build: BuildInfo): object {
  return { name: build.name, commit: build.commit, tag: build.tag, runs: build.runs, runDirectories: build.runDirectories, manifest: build.manifest, start: build.start };
}

export function timelineJson(content: TimelineReportContent, regressions: readonly TimelineRegression[] | null): object {
  const { timeline } = content;
  const builds = timeline.builds.map(buildJson);
  return {
    program: timeline.program,
    order: content.order,
    by: timeline.options.grouping,
    metrics: timeline.metrics,
    alpha: timeline.options.alpha,
    correction: timeline.options.correction,
    minPct: timeline.options.minPct,
    detector: timeline.options.detector,
    tested: timeline.tested,
    builds,
    changePoints: timeline.changePoints.map((point) => ({
      module: point.module,
      label: point.label,
      src: point.src,
      stack: point.stack,
      metric: point.metric,
      before: builds[point.beforeIndex],
      after: builds[point.afterIndex],
      deltaPct: point.deltaPct,
      p: point.p,
      pAdjusted: point.pAdjusted,
      direction: point.direction,
      suspects: point.suspects,
      metrics: point.metrics.map((step) => ({
        metric: step.metric,
        title: step.title,
        unit: step.unit,
        estimated: step.estimated,
        beforeMedian: step.beforeMedian,
        afterMedian: step.afterMedian,
        change: step.change,
        deltaPct: step.deltaPct,
        p: step.p,
        pAdjusted: step.pAdjusted,
        direction: step.direction,
      })),
    })),
    appearances: timeline.appearances.map((appearance) => ({
      module: appearance.module,
      label: appearance.label,
      src: appearance.src,
      stack: appearance.stack,
      change: appearance.change,
      before: builds[appearance.beforeIndex],
      after: builds[appearance.afterIndex],
      timeShare: appearance.timeShare,
      allocShare: appearance.allocShare,
      suspects: appearance.suspects,
    })),
    series: timeline.series.map((series) => ({
      kind: series.kind,
      module: series.module,
      label: series.label,
      src: series.src,
      stack: series.stack,
      metrics: series.metrics.map((metric) => ({
        metric: metric.metric,
        title: metric.title,
        unit: metric.unit,
        worse: metric.worse,
        estimated: metric.estimated,
        medians: metric.points.map((point, b) => (point === null ? null : { build: timeline.builds[b]!.name, n: point.n, median: point.median, ciLow: point.ciLow, ciHigh: point.ciHigh, ciLevel: point.ciLevel })),
      })),
    })),
    ...(regressions === null
      ? {}
      : {
          regressions: regressions.map(({ changePoint, step }) => ({ module: changePoint.module, label: changePoint.label, stack: changePoint.stack, metric: step.metric, after: timeline.builds[changePoint.afterIndex]!.name, deltaPct: step.deltaPct, pAdjusted: step.pAdjusted })),
          verdict: regressions.length === 0 ? 'pass' : 'fail',
        }),
  };
}
