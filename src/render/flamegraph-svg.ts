// A standalone SVG flamegraph: one <g> per frame with a <title> tooltip (value, share of
// the total, SRC), a rectangle and, where it fits, the frame's name.
import type { FlameData } from './flame-data.js';
import { deltaColour, describeDelta } from './diff-colour.js';
import { layoutFlame } from './flame-layout.js';
import { formatQuantity, formatShare } from './metric-value.js';
import { frameColour, moduleColour, selfCostColour, SELF_COLOURING_LEGEND, type FrameColouring } from './module-colour.js';
import { legendModules } from './module-legend.js';
import { visibleText } from './program-text.js';
import { escapeXml } from './xml-escape.js';

export interface FlamegraphSvgOptions {
  metric: number;
  inverted: boolean;
  /** By module (default) or by individual cost of the drawn metric. */
  colouring?: FrameColouring;
  width?: number;
}

const ROW_HEIGHT = 17;
const FONT_SIZE = 11;
const CHAR_WIDTH = FONT_SIZE * 0.6;
const MARGIN = 10;
const HEADER = 48;

/** The name cut to the frame, in the middle as the HTML viewer cuts it: the module's start and the function's name at the end both stay. */
function fitText(name: string, width: number): string | null {
  const room = Math.floor((width - 6) / CHAR_WIDTH);
  if (room < 3) return null;
  const shown = visibleText(name);
  if (shown.length <= room) return shown;
  // A third before the ellipsis, the rest after it: the label at the end tells more than the
  // module prefix, which the colour shows (the viewer's fitLabel cuts the same way).
  const head = Math.ceil((room - 1) / 3);
  return `${shown.slice(0, head)}…${shown.slice(shown.length - (room - 1 - head))}`;
}

export function renderFlamegraphSvg(data: FlameData, options: FlamegraphSvgOptions): string {
  const width = options.width ?? 1200;
  const innerWidth = width - 2 * MARGIN;
  const metric = data.metrics[options.metric]!;
  const { rects, height } = layoutFlame(data, { metric: options.metric, width: innerWidth, rowHeight: ROW_HEIGHT, inverted: options.inverted });
  const total = data.frames[0]?.total[options.metric] ?? 0;
  const differential = data.frames.some((frame) => frame.delta !== undefined);
  const bySelf = options.colouring === 'self' && !differential;
  const legend = differential || bySelf ? [] : legendModules(data, options.metric);
  const legendRows = bySelf ? 1 : Math.ceil(legend.length / LEGEND_COLUMNS);
  const svgHeight = HEADER + height + MARGIN + (legendRows > 0 ? LEGEND_TOP + legendRows * ROW_HEIGHT : 0);
  const parts: string[] = [];
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${svgHeight}" viewBox="0 0 ${width} ${svgHeight}" font-family="Verdana, sans-serif" font-size="${FONT_SIZE}">\n`,
    `<rect x="0" y="0" width="${width}" height="${svgHeight}" fill="#fdfdf8"/>\n`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(data.title)}</text>\n`,
    `<text x="${width / 2}" y="36" text-anchor="middle" fill="#555">${escapeXml(`${data.subtitle.join('; ')}; total ${formatQuantity(total, metric.unit)}`)}</text>\n`,
  );
  for (const rect of rects) {
    const frame = data.frames[rect.frame]!;
    const value = frame.total[options.metric]!;
    const w = rect.x1 - rect.x0;
    const x = MARGIN + rect.x0;
    const y = HEADER + rect.y0;
    const change = frame.delta !== undefined ? `\nchange: ${describeDelta(frame.delta)}` : '';
    const tooltip = `${frame.name}\n${formatQuantity(value, metric.unit)}, ${formatShare(value, total)} of total${frame.src ? `\n${frame.src}` : ''}${change}`;
    const fill = differential ? deltaColour(frame.delta) : frame.merged ? '#c8c8c8' : bySelf ? selfCostColour(frame.self[options.metric] ?? 0, total) : frameColour(frame.module, frame.name);
    const label = fitText(frame.name, w);
    parts.push(
      `<g class="frame" data-value="${value}"><title>${escapeXml(tooltip)}</title>`,
      `<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(3)}" height="${ROW_HEIGHT - 1}" fill="${fill}" rx="2"/>`,
      label === null ? '' : `<text x="${(x + 3).toFixed(2)}" y="${y + 12}">${escapeXml(label)}</text>`,
      `</g>\n`,
    );
  }
  if (legendRows > 0) {
    const top = HEADER + height + MARGIN + LEGEND_TOP;
    const columnWidth = innerWidth / LEGEND_COLUMNS;
    const room = Math.floor((columnWidth - 20) / CHAR_WIDTH);
    parts.push(`<text x="${MARGIN}" y="${top - 6}" fill="#555">${bySelf ? escapeXml(SELF_COLOURING_LEGEND) : 'Colour by module (a shade per cost centre):'}</text>\n`);
    legend.forEach((module, i) => {
      const x = MARGIN + (i % LEGEND_COLUMNS) * columnWidth;
      const y = top + Math.floor(i / LEGEND_COLUMNS) * ROW_HEIGHT;
      const name = visibleText(module);
      parts.push(
        `<g class="module-legend"><title>${escapeXml(module)}</title><rect x="${x.toFixed(2)}" y="${y + 2}" width="12" height="12" fill="${moduleColour(module)}" rx="2"/>`,
        `<text x="${(x + 16).toFixed(2)}" y="${y + 12}">${escapeXml(name.length <= room ? name : `${name.slice(0, Math.max(1, room - 1))}…`)}</text></g>\n`,
      );
    });
  }
  parts.push('</svg>\n');
  return parts.join('');
}

const LEGEND_COLUMNS = 4;
const LEGEND_TOP = 22;

