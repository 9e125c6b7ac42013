// What one trend chart shows (layout.ts's TrendChartModel) for one series and metric of a
// timeline: its runs, build medians and CIs, y ticks in the metric's unit, and its change
// points and appearances as marks labelled with their suspects.
import type { MetricSeries, Timeline } from '../../analyze/timeline.js';
import { byteTicks, niceStep } from '../axis-ticks.js';
import { formatInUnit, formatSignedPct } from '../metric-value.js';
import { buildName, describeStep, describeSuspects, formatStepValue, overallDirection, seriesName } from './labels.js';
import type { TrendChangeMark, TrendChartModel } from './layout.js';

function yTicks(min: number, max: number, unit: MetricSeries['unit']): TrendChartModel['yTicks'] {
  if (unit === 'bytes' && min >= 0) return byteTicks(max, 5).map((tick) => ({ value: tick.bytes, label: tick.label }));
  const step = niceStep(max - min, 5);
  const ticks: TrendChartModel['yTicks'] = [];
  for (let value = Math.ceil(min / step) * step; value <= max * (1 + 1e-9) + 1e-12; value += step) {
    const rounded = Number(value.toPrecision(12));
    ticks.push({ value: rounded, label: formatInUnit(rounded, unit) });
  }
  return ticks;
}

/** Marks for every change point and appearance of series `index` (whatever metric they stepped in), left to right. */
function seriesMarks(timeline: Timeline, index: number, shown?: string): TrendChangeMark[] {
  const marks: TrendChangeMark[] = [];
  for (const point of timeline.changePoints) {
    if (point.series !== index) continue;
    // Coloured and labelled by the charted metric's own step when it has one.
    const own = point.metrics.find((step) => step.metric === shown);
    const direction = (own?.direction ?? overallDirection(point)) as TrendChangeMark['direction'];
    const arrow = direction === 'regression' ? '▲' : direction === 'improvement' ? '▼' : '◆';
    const change = own === undefined ? '' : `${own.deltaPct === null ? 'from 0' : formatSignedPct(own.deltaPct)}: `;
    marks.push({
      beforeIndex: point.beforeIndex,
      afterIndex: point.afterIndex,
      kind: 'step',
      direction,
      label: `${arrow} ${change}${describeSuspects(point.suspects)}`,
      detail: [
        `${seriesName(point)}: ${direction} at ${buildName(timeline, point.afterIndex)} (after ${buildName(timeline, point.beforeIndex)})`,
        ...point.metrics.map(describeStep),
        `suspects: ${describeSuspects(point.suspects)}`,
      ].join('\n'),
    });
  }
  for (const appearance of timeline.appearances) {
    if (appearance.series !== index) continue;
    marks.push({
      beforeIndex: appearance.beforeIndex,
      afterIndex: appearance.afterIndex,
      kind: appearance.change,
      direction: null,
      label: `${appearance.change === 'appeared' ? '+' : '−'} ${describeSuspects(appearance.suspects)}`,
      detail: [`${seriesName(appearance)} ${appearance.change} at ${buildName(timeline, appearance.afterIndex)} (after ${buildName(timeline, appearance.beforeIndex)})`, `suspects: ${describeSuspects(appearance.suspects)}`].join('\n'),
    });
  }
  return marks.sort((a, b) => a.afterIndex - b.afterIndex || a.beforeIndex - b.beforeIndex);
}

/** Values as drawn: six significant digits are far finer than a pixel, and keep pages small. */
function plotted(value: number): number {
  return Number(value.toPrecision(6));
}

export function trendChartModel(timeline: Timeline, index: number, metric: MetricSeries): TrendChartModel {
  const series = timeline.series[index]!;
  const value = (v: number): string => formatStepValue(metric, v);
  const everything = metric.points.flatMap((point) => (point === null ? [] : [...point.values, point.ciLow, point.ciHigh]));
  const low = Math.min(0, ...everything);
  const high = Math.max(0, ...everything);
  const ticks = yTicks(low, high > low ? high : low + 1, metric.unit);
  const yMax = Math.max(high, ticks[ticks.length - 1]?.value ?? high) || 1;
  const yMin = Math.min(low, ticks[0]?.value ?? low);
  const notes = [series.src, metric.estimated ? '≈ estimated from -p percentages' : null, 'points: runs; bar and line: build medians; band: their 95% CI (order statistics)'].filter((part) => part !== null);
  return {
    title: `${seriesName(series)}: ${metric.title}`,
    subtitle: notes.join(' · '),
    builds: timeline.builds.map((build) => build.name),
    buildDetails: timeline.builds.map((build, b) => {
      const point = metric.points[b];
      const head = `${build.name}${build.start !== null ? ` (${build.start})` : ''}`;
      if (point === null || point === undefined) return `${head}: ${series.present[b] === false ? 'not in this build' : 'no runs'}`;
      return `${head}, ${point.n} run${point.n === 1 ? '' : 's'}: median ${value(point.median)}, ${Math.round(point.ciLevel * 100)}% CI [${value(point.ciLow)}, ${value(point.ciHigh)}]`;
    }),
    runs: metric.points.map((point) => (point?.values ?? []).map(plotted)),
    runDetails: metric.points.map((point, b) => (point?.values ?? []).map((run, r) => `${timeline.builds[b]?.name ?? ''} run ${r + 1}: ${value(run)}`)),
    medians: metric.points.map((point) => (point === null ? null : plotted(point.median))),
    ciLow: metric.points.map((point) => (point === null ? null : plotted(point.ciLow))),
    ciHigh: metric.points.map((point) => (point === null ? null : plotted(point.ciHigh))),
    yMin,
    yMax,
    yTicks: ticks.filter((tick) => tick.value >= yMin && tick.value <= yMax),
    marks: seriesMarks(timeline, index, metric.metric),
  };
}

/** The metric a series' single chart shows: the one that stepped most often (then the first metric). */
export function leadMetric(timeline: Timeline, index: number): MetricSeries {
  const series = timeline.series[index]!;
  const counts = new Map<string, number>();
  for (const point of timeline.changePoints) {
    if (point.series !== index) continue;
    for (const step of point.metrics) counts.set(step.metric, (counts.get(step.metric) ?? 0) + 1);
  }
  let best = series.metrics[0]!;
  for (const metric of series.metrics) if ((counts.get(metric.metric) ?? 0) > (counts.get(best.metric) ?? 0)) best = metric;
  return best;
}
