// Heap over time as a stacked area chart (SVG, standalone or inside a small HTML page): the
// top N bands by area plus "other", seconds across, bytes up (binary units), user markers
// as vertical lines.
import { rankHeapBands, summariseHeapSeries } from '../analyze/heap-bands.js';
import type { HeapSeries } from '../model/heap-series.js';
import { byteTicks, ticks } from './axis-ticks.js';
import { formatBytes } from './bytes.js';
import { hashString } from './module-colour.js';
import { escapeXml } from './xml-escape.js';

export interface HeapChartOptions {
  top: number;
  width?: number;
  height?: number;
  title?: string;
}

const OTHER = 'other';
const MARGIN = { left: 80, right: 20, top: 50, bottom: 45 };

function bandColour(band: string): string {
  if (band === OTHER) return '#bbbbbb';
  const hash = hashString(band);
  return `hsl(${hash % 360}, ${55 + ((hash >>> 9) % 25)}%, ${55 + ((hash >>> 17) % 15)}%)`;
}

export interface HeapChart {
  svg: string;
  /** Bands drawn, bottom to top, with their colour. */
  legend: Array<{ band: string; colour: string; peakBytes: number }>;
}

export function renderHeapChart(series: HeapSeries, options: HeapChartOptions): HeapChart {
  const width = options.width ?? 1000;
  const height = options.height ?? 500;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const summary = summariseHeapSeries(series);
  const top = rankHeapBands(summary.bands, 'area').slice(0, options.top).map((band) => band.band);
  const topSet = new Set(top);
  const hasOther = series.bands.some((band) => !topSet.has(band));
  const bands = hasOther ? [...top, OTHER] : top;

  const samples = series.samples;
  const stacked = samples.map((sample) => {
    let other = 0;
    for (const [band, bytes] of sample.bytesByBand) if (!topSet.has(band)) other += bytes;
    let running = 0;
    return bands.map((band) => {
      const bytes = band === OTHER ? other : (sample.bytesByBand.get(band) ?? 0);
      const from = running;
      running += bytes;
      return [from, running] as const;
    });
  });
  // Time runs from the program start (0), whatever the first census time.
  const t0 = 0;
  const maxTime = Math.max(1e-9, (samples[samples.length - 1]?.timeSecs ?? 0) - t0);
  const maxBytes = Math.max(1, ...stacked.map((levels) => levels[levels.length - 1]?.[1] ?? 0));
  const x = (timeSecs: number): number => MARGIN.left + ((timeSecs - t0) / maxTime) * plotWidth;
  const y = (bytes: number): number => MARGIN.top + plotHeight - (bytes / maxBytes) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Verdana, sans-serif" font-size="11">\n`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>\n`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(options.title ?? `heap by ${series.breakdown ?? 'band'}: ${series.job ?? series.source}`)}</text>\n`,
    `<text x="${width / 2}" y="37" text-anchor="middle" fill="#555">${escapeXml(`${series.source}; peak ${formatBytes(summary.peakTotalBytes)} at ${summary.peakTotalTimeSecs.toFixed(3)} s; ${samples.length} samples`)}</text>\n`,
  ];
  bands.forEach((band, b) => {
    if (samples.length === 0) return;
    const upper = samples.map((sample, i) => `${x(sample.timeSecs).toFixed(2)},${y(stacked[i]![b]![1]).toFixed(2)}`);
    const lower = samples.map((sample, i) => `${x(sample.timeSecs).toFixed(2)},${y(stacked[i]![b]![0]).toFixed(2)}`).reverse();
    const peak = summary.bands.find((entry) => entry.band === band)?.peakBytes;
    const tooltip = band === OTHER ? `other (${series.bands.length - top.length} bands)` : `${band}\npeak ${formatBytes(peak ?? 0)}`;
    parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="${bandColour(band)}" stroke="#ffffff" stroke-width="0.3"><title>${escapeXml(tooltip)}</title></polygon>\n`);
  });
  // Axes: seconds along the bottom, bytes up the left.
  parts.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>\n`);
  parts.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>\n`);
  for (const tick of ticks(maxTime, 8)) {
    const px = x(t0 + tick);
    parts.push(`<line x1="${px.toFixed(2)}" y1="${MARGIN.top + plotHeight}" x2="${px.toFixed(2)}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333"/><text x="${px.toFixed(2)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${tick}</text>\n`);
  }
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${height - 8}" text-anchor="middle">${series.timeBasis === 'mutator-cpu' ? 'mutator CPU time (s)' : 'elapsed time (s)'}</text>\n`);
  for (const tick of byteTicks(maxBytes, 6)) {
    const py = y(tick.bytes);
    parts.push(`<line x1="${MARGIN.left - 5}" y1="${py.toFixed(2)}" x2="${MARGIN.left}" y2="${py.toFixed(2)}" stroke="#333"/><text x="${MARGIN.left - 8}" y="${(py + 4).toFixed(2)}" text-anchor="end">${tick.label}</text>\n`);
  }
  for (const marker of series.markers) {
    if (marker.timeSecs < t0 || marker.timeSecs > t0 + maxTime) continue;
    const px = x(marker.timeSecs).toFixed(2);
    parts.push(`<g class="marker"><title>${escapeXml(`${marker.label} at ${marker.timeSecs.toFixed(6)} s`)}</title><line x1="${px}" y1="${MARGIN.top}" x2="${px}" y2="${MARGIN.top + plotHeight}" stroke="#222" stroke-dasharray="4,3"/><text x="${px}" y="${MARGIN.top - 4}" text-anchor="middle" fill="#222">${escapeXml(marker.label)}</text></g>\n`);
  }
  parts.push('</svg>\n');
  return {
    svg: parts.join(''),
    legend: bands.map((band) => ({ band, colour: bandColour(band), peakBytes: summary.bands.find((entry) => entry.band === band)?.peakBytes ?? 0 })).reverse(),
  };
}

/** A self-contained page: the chart and its legend. */
export function renderHeapChartHtml(series: HeapSeries, options: HeapChartOptions): string {
  const chart = renderHeapChart(series, options);
  const legend = chart.legend
    .map((entry) => `<li><span class="swatch" style="background:${entry.colour}"></span>${escapeXml(entry.band)} <span class="peak">peak ${escapeXml(formatBytes(entry.peakBytes))}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(options.title ?? `heap: ${series.source}`)}</title>
<style>body{font-family:Verdana,sans-serif;margin:16px;color:#222}.layout{display:flex;gap:16px;align-items:flex-start}ul{list-style:none;padding:0;margin:0;font-size:12px}li{margin:2px 0}.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}.peak{color:#666}polygon.band:hover{opacity:.75}</style>
</head><body><div class="layout"><div>${chart.svg}</div><ul>${legend}</ul></div></body></html>
`;
}
