// Which series a timeline report or chart shows, and in what order: the run totals, then the
// series with change points or appearances (by the build of their first), then the rest by
// their largest share of time (then of alloc).
import type { Timeline, TimelineAppearance, TimelineChangePoint, TimelineSeries } from '../../analyze/timeline.js';

export interface OrderedSeries {
  series: TimelineSeries;
  /** Index in timeline.series. */
  index: number;
  points: TimelineChangePoint[];
  appearances: TimelineAppearance[];
}

function peak(shares: readonly (number | null)[]): number {
  return Math.max(0, ...shares.map((share) => share ?? 0));
}

export function orderedSeries(timeline: Timeline): OrderedSeries[] {
  const entries = timeline.series.map((series, index) => ({
    series,
    index,
    points: timeline.changePoints.filter((point) => point.series === index),
    appearances: timeline.appearances.filter((appearance) => appearance.series === index),
  }));
  const first = (entry: OrderedSeries): number => Math.min(Number.MAX_SAFE_INTEGER, ...entry.points.map((point) => point.afterIndex), ...entry.appearances.map((appearance) => appearance.afterIndex));
  return entries.sort(
    (a, b) =>
      Number(b.series.kind === 'run-total') - Number(a.series.kind === 'run-total') ||
      first(a) - first(b) ||
      peak(b.series.timeShares) - peak(a.series.timeShares) ||
      peak(b.series.allocShares) - peak(a.series.allocShares) ||
      a.index - b.index,
  );
}

function isEventful(entry: OrderedSeries): boolean {
  return entry.points.length > 0 || entry.appearances.length > 0;
}

/** The run totals, every series with an event, and up to `top` cost centres in all (0 = all); how many were left out. */
export function selectedSeries(timeline: Timeline, top: number): { shown: OrderedSeries[]; hidden: number } {
  const ordered = orderedSeries(timeline);
  const always = ordered.filter((entry) => entry.series.kind === 'run-total' || isEventful(entry));
  const quiet = ordered.filter((entry) => !always.includes(entry));
  const room = top > 0 ? Math.max(0, top - always.filter((entry) => entry.series.kind !== 'run-total').length) : quiet.length;
  const shown = Math.min(room, quiet.length);
  return { shown: [...always, ...quiet.slice(0, shown)], hidden: quiet.length - shown };
}
