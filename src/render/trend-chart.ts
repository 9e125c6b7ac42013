// `ghcprof timeline -o trend.svg`: one standalone SVG with a chart per series (the run totals,
// every series with a change point or an appearance, then the largest cost centres): runs as
// points, build medians in their 95% CI band, change points as vertical lines labelled with
// their suspects, build names along the bottom. Each chart shows the metric its series
// stepped in most often; its lines mark all of the series' change points.
import type { Timeline } from '../analyze/timeline.js';
import { escapeXml } from './xml-escape.js';
import { leadMetric, trendChartModel } from './trend/chart-model.js';
import { layoutTrendChart } from './trend/layout.js';
import { selectedSeries } from './trend/order.js';
import { serialiseChartNode } from './trend/svg-nodes.js';

export interface TrendSvgOptions {
  /** Cost centres charted, those with change points always (0 = all). */
  top: number;
  width?: number;
  /** Height of each series' chart. */
  chartHeight?: number;
}

export function renderTrendSvg(timeline: Timeline, options: TrendSvgOptions): string {
  const width = options.width ?? 1000;
  const chartHeight = options.chartHeight ?? 340;
  const { shown, hidden } = selectedSeries(timeline, options.top);
  const header = 46;
  const footer = hidden > 0 ? 24 : 0;
  const height = header + shown.length * chartHeight + footer;
  const title = `${timeline.program ?? 'timeline'}: ${timeline.builds.length} builds, ${timeline.changePoints.length} change point${timeline.changePoints.length === 1 ? '' : 's'}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Verdana, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16">${escapeXml(title)}</text>`,
    `<text x="${width / 2}" y="38" text-anchor="middle" fill="#555555">${escapeXml(`builds ${timeline.builds[0]?.name ?? ''} … ${timeline.builds[timeline.builds.length - 1]?.name ?? ''}; dashed lines: change points (red: regression, green: improvement), dotted: a cost centre came or went`)}</text>`,
  ];
  shown.forEach((entry, i) => {
    const model = trendChartModel(timeline, entry.index, leadMetric(timeline, entry.index));
    const chart = layoutTrendChart(model, width, chartHeight);
    // Nested <svg> elements keep each chart's coordinates its own.
    chart.attrs = { x: 0, y: header + i * chartHeight, width, height: chartHeight, viewBox: `0 0 ${width} ${chartHeight}`, class: 'series-chart' };
    parts.push(serialiseChartNode(chart));
  });
  if (hidden > 0) parts.push(`<text x="16" y="${height - 8}" fill="#555555">${escapeXml(`${hidden} more cost centres without change points (--top 0 charts all)`)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
