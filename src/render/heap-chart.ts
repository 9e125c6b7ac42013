// Heap over time as a stacked area chart (SVG, standalone or inside a small HTML page): the
// top N bands by area plus "other", seconds across, bytes up (binary units), user markers
// as vertical lines, spans with no census shaded (heap-gaps.ts), and a legend.
import { rankHeapBands, summariseHeapSeries } from '../analyze/heap-bands.js';
import { gapsBefore } from '../analyze/heap-gaps.js';
import type { HeapSeries } from '../model/heap-series.js';
import { byteTicks, ticks } from './axis-ticks.js';
import { formatBytes } from './bytes.js';
import { hashString } from './module-colour.js';
import { elideMiddle, visibleText } from './program-text.js';
import { escapeXml } from './xml-escape.js';

export interface HeapChartOptions {
  top: number;
  width?: number;
  height?: number;
  title?: string;
  /** Draw the legend inside the SVG, right of the plot (default true; the HTML page lists it beside). */
  legend?: boolean;
}

const OTHER = 'other';
const MARGIN = { left: 80, right: 20, top: 50, bottom: 45 };
const LEGEND = { width: 280, row: 15, swatch: 10, chars: 36 };

function bandColour(band: string): string {
  if (band === OTHER) return '#bbbbbb';
  const hash = hashString(band);
  return `hsl(${hash % 360}, ${55 + ((hash >>> 9) % 25)}%, ${55 + ((hash >>> 17) % 15)}%)`;
}

export interface HeapChart {
  svg: string;
  /** Bands drawn, top to bottom, with their colour and peak ("other": the peak of their sum). */
  legend: Array<{ band: string; label: string; colour: string; peakBytes: number }>;
}

/** Index ranges [start, end) of samples between gaps: each is drawn as areas of its own. */
function segmentsOf(series: HeapSeries): Array<[number, number]> {
  const gapBefore = gapsBefore(series.samples);
  const segments: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= series.samples.length; i++) {
    if (i === series.samples.length || gapBefore[i]) {
      segments.push([start, i]);
      start = i;
    }
  }
  return segments;
}

function legendSvg(legend: HeapChart['legend'], left: number, top: number): string {
  return legend
    .map((entry, i) => {
      const y = top + i * LEGEND.row;
      const text = `${elideMiddle(visibleText(entry.label), LEGEND.chars)}  ${formatBytes(entry.peakBytes)}`;
      return `<g class="legend-entry"><title>${escapeXml(`${entry.label}\npeak ${formatBytes(entry.peakBytes)}`)}</title><rect x="${left}" y="${y}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" fill="${entry.colour}"/><text x="${left + LEGEND.swatch + 6}" y="${y + LEGEND.swatch - 1}">${escapeXml(text)}</text></g>\n`;
    })
    .join('');
}

export function renderHeapChart(series: HeapSeries, options: HeapChartOptions): HeapChart {
  const withLegend = options.legend ?? true;
  const plotWidth = (options.width ?? 1000) - MARGIN.left - MARGIN.right;
  const summary = summariseHeapSeries(series);
  const top = rankHeapBands(summary.bands, 'area').slice(0, options.top).map((band) => band.band);
  const topSet = new Set(top);
  const hasOther = series.bands.some((band) => !topSet.has(band));
  const bands = hasOther ? [...top, OTHER] : top;
  const plotHeight = Math.max((options.height ?? 500) - MARGIN.top - MARGIN.bottom, withLegend ? bands.length * LEGEND.row : 0);
  const width = MARGIN.left + plotWidth + MARGIN.right + (withLegend ? LEGEND.width : 0);
  const height = MARGIN.top + plotHeight + MARGIN.bottom;

  const samples = series.samples;
  let otherPeak = 0;
  let maxBytes = 1;
  const stacked = samples.map((sample) => {
    let other = 0;
    for (const [band, bytes] of sample.bytesByBand) if (!topSet.has(band)) other += bytes;
    otherPeak = Math.max(otherPeak, other);
    let running = 0;
    const levels = bands.map((band) => {
      const bytes = band === OTHER ? other : (sample.bytesByBand.get(band) ?? 0);
      const from = running;
      running += bytes;
      return [from, running] as const;
    });
    maxBytes = Math.max(maxBytes, running);
    return levels;
  });
  const peakOf = new Map(summary.bands.map((band) => [band.band, band.peakBytes]));
  peakOf.set(OTHER, otherPeak);
  // Time runs from the program start (0), whatever the first census time.
  const t0 = 0;
  const maxTime = Math.max(1e-9, (samples[samples.length - 1]?.timeSecs ?? 0) - t0);
  const x = (timeSecs: number): number => MARGIN.left + ((timeSecs - t0) / maxTime) * plotWidth;
  const y = (bytes: number): number => MARGIN.top + plotHeight - (bytes / maxBytes) * plotHeight;
  const label = (band: string): string => (band === OTHER ? `other (${series.bands.length - top.length} bands)` : band);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Verdana, sans-serif" font-size="11">\n`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>\n`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(visibleText(options.title ?? `heap by ${series.breakdown ?? 'band'}: ${series.job ?? series.source}`))}</text>\n`,
    `<text x="${width / 2}" y="37" text-anchor="middle" fill="#555">${escapeXml(visibleText(`${series.source}; peak ${formatBytes(summary.peakTotalBytes)} at ${summary.peakTotalTimeSecs.toFixed(3)} s; ${samples.length} samples`))}</text>\n`,
  ];
  const segments = segmentsOf(series);
  bands.forEach((band, b) => {
    const tooltip = escapeXml(`${label(band)}\npeak ${formatBytes(peakOf.get(band) ?? 0)}`);
    for (const [start, end] of segments) {
      // A census alone between gaps (or the only one) is drawn as a narrow column, not a line.
      const half = end - start === 1 ? 1 : 0;
      const edge = (level: 0 | 1): string[] => {
        const points: string[] = [];
        for (let i = start; i < end; i++) {
          const px = x(samples[i]!.timeSecs);
          const py = y(stacked[i]![b]![level]).toFixed(2);
          if (half > 0) points.push(`${(px - half).toFixed(2)},${py}`, `${(px + half).toFixed(2)},${py}`);
          else points.push(`${px.toFixed(2)},${py}`);
        }
        return points;
      };
      parts.push(`<polygon class="band" points="${[...edge(1), ...edge(0).reverse()].join(' ')}" fill="${bandColour(band)}" stroke="#ffffff" stroke-width="0.3"><title>${tooltip}</title></polygon>\n`);
    }
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
  for (const gap of summary.gaps) {
    const from = x(gap.fromSecs);
    parts.push(`<g class="gap"><title>${escapeXml(`no census from ${gap.fromSecs.toFixed(3)} s to ${gap.toSecs.toFixed(3)} s`)}</title><rect x="${from.toFixed(2)}" y="${MARGIN.top}" width="${(x(gap.toSecs) - from).toFixed(2)}" height="${plotHeight}" fill="#f3f3f3"/><text x="${((from + x(gap.toSecs)) / 2).toFixed(2)}" y="${MARGIN.top + 14}" text-anchor="middle" fill="#888">no census</text></g>\n`);
  }
  for (const marker of series.markers) {
    if (marker.timeSecs < t0 || marker.timeSecs > t0 + maxTime) continue;
    const px = x(marker.timeSecs).toFixed(2);
    parts.push(`<g class="marker"><title>${escapeXml(`${marker.label} at ${marker.timeSecs.toFixed(6)} s`)}</title><line x1="${px}" y1="${MARGIN.top}" x2="${px}" y2="${MARGIN.top + plotHeight}" stroke="#222" stroke-dasharray="4,3"/><text x="${px}" y="${MARGIN.top - 4}" text-anchor="middle" fill="#222">${escapeXml(elideMiddle(visibleText(marker.label), LEGEND.chars))}</text></g>\n`);
  }
  const legend = bands.map((band) => ({ band, label: label(band), colour: bandColour(band), peakBytes: peakOf.get(band) ?? 0 })).reverse();
  if (withLegend) parts.push(legendSvg(legend, MARGIN.left + plotWidth + MARGIN.right, MARGIN.top));
  parts.push('</svg>\n');
  return { svg: parts.join(''), legend };
}

/** A self-contained page: the chart and its legend. */
export function renderHeapChartHtml(series: HeapSeries, options: HeapChartOptions): string {
  const chart = renderHeapChart(series, { ...options, legend: false });
  const legend = chart.legend
    .map((entry) => `<li><span class="swatch" style="background:${entry.colour}"></span>${escapeXml(elideMiddle(visibleText(entry.label)))} <span class="peak">peak ${escapeXml(formatBytes(entry.peakBytes))}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(options.title ?? `heap: ${series.source}`)}</title>
<style>body{font-family:Verdana,sans-serif;margin:16px;color:#222}.layout{display:flex;gap:16px;align-items:flex-start}ul{list-style:none;padding:0;margin:0;font-size:12px}li{margin:2px 0}.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}.peak{color:#666}polygon.band:hover{opacity:.75}</style>
</head><body><div class="layout"><div>${chart.svg}</div><ul>${legend}</ul></div></body></html>
`;
}
