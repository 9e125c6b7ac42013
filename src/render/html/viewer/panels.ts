// The viewer's text around the canvas: hover details, the zoom path, the change legend.
// Every string from the profile goes in through textContent: cost-centre names are
// program text and must never be parsed as markup.
import type { ChangeLegend } from '../flame-payload.js';
import { formatQuantity, formatShare, formatSignedPct } from '../../metric-value.js';
import type { ViewerModel } from './model.js';

export interface FrameDetails {
  model: ViewerModel;
  metric: number;
  frame: number;
  zoom: number;
  differential: boolean;
}

export function element(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className !== '') node.className = className;
  node.textContent = text;
  return node;
}

function row(doc: Document, label: string, value: string): HTMLElement {
  const line = element(doc, 'div', 'row', '');
  line.appendChild(element(doc, 'span', 'key', label));
  line.appendChild(element(doc, 'span', 'value', value));
  return line;
}

function changeText(model: ViewerModel, frame: number): string | null {
  const status = model.status === null ? -1 : model.status[frame]!;
  if (status === 1) return 'only in the new build';
  if (status === 2) return 'only in the base build';
  if (status !== 0) return null;
  const pct = model.deltaPct![frame]!;
  const verdict = model.significant![frame] ? 'significant' : 'not significant';
  return Number.isFinite(pct) ? `${formatSignedPct(pct)} self (${verdict})` : `unknown (${verdict})`;
}

export function fillDetails(doc: Document, box: HTMLElement, details: FrameDetails): void {
  const { model, metric, frame } = details;
  const info = model.metrics[metric]!;
  const total = model.total[metric]!;
  const value = total[frame]!;
  const selfValue = model.self[metric]![frame]!;
  const rootValue = total[0]!;
  const parent = model.parent[frame]!;
  const lines: HTMLElement[] = [element(doc, 'div', 'name', model.strings[model.name[frame]!]!)];
  if (model.merged[frame]) {
    lines.push(element(doc, 'div', 'note', 'stands for frames too narrow to draw'));
  } else {
    lines.push(row(doc, 'module', model.modules[model.module[frame]!]!));
    const src = model.src[frame]!;
    lines.push(row(doc, 'SRC', src < 0 ? '–' : model.strings[src]!));
  }
  const shares = [`${formatShare(value, rootValue)} of total`];
  if (parent >= 0) shares.push(`${formatShare(value, total[parent]!)} of parent`);
  const insideZoom = frame > details.zoom && frame < model.end[details.zoom]!;
  if (details.zoom !== 0 && insideZoom) shares.push(`${formatShare(value, total[details.zoom]!)} of zoomed frame`);
  lines.push(row(doc, info.label, formatQuantity(value, info.unit)));
  lines.push(row(doc, 'share', shares.join(', ')));
  lines.push(row(doc, 'self', `${formatQuantity(selfValue, info.unit)} (${formatShare(selfValue, rootValue)} of total)`));
  if (details.differential) {
    const change = changeText(model, frame);
    if (change !== null) lines.push(row(doc, 'change', change));
  }
  box.replaceChildren(...lines);
}

/** Root … zoomed frame; each step a button that zooms there. */
export function fillBreadcrumb(doc: Document, nav: HTMLElement, model: ViewerModel, path: number[], pick: (frame: number) => void): void {
  const items: HTMLElement[] = [];
  path.forEach((frame, step) => {
    if (step > 0) items.push(element(doc, 'span', 'sep', '›'));
    const crumb = element(doc, 'button', 'crumb', model.strings[model.name[frame]!]!);
    crumb.setAttribute('type', 'button');
    crumb.dataset.frame = String(frame);
    if (step === path.length - 1) crumb.setAttribute('aria-current', 'true');
    crumb.addEventListener('click', () => pick(frame));
    items.push(crumb);
  });
  nav.replaceChildren(...items);
}

/** Swatches for the differential colours, painted with the colours the frames use. */
export function fillChangeLegend(doc: Document, legend: HTMLElement, colours: ChangeLegend): void {
  const stripes = 'repeating-linear-gradient(-45deg, transparent 0 4px, rgba(255, 255, 255, 0.8) 4px 6px)';
  const entries: Array<[string, string]> = [
    [`linear-gradient(to right, ${colours.more[0]}, ${colours.more[1]})`, 'more / slower (deeper red: bigger change)'],
    [`linear-gradient(to right, ${colours.less[0]}, ${colours.less[1]})`, 'less / faster (deeper blue: bigger change)'],
    [colours.unchanged, 'no significant change'],
    [`${stripes}, ${colours.added}`, 'only in the new build'],
    [`${stripes}, ${colours.removed}`, 'only in the base build'],
  ];
  const items: HTMLElement[] = [element(doc, 'span', 'legend-title', 'Colour by change of self value:')];
  for (const [background, text] of entries) {
    const item = element(doc, 'span', 'legend-item', '');
    const swatch = item.appendChild(element(doc, 'span', 'swatch', ''));
    swatch.style.background = background;
    item.appendChild(element(doc, 'span', '', text));
    items.push(item);
  }
  legend.replaceChildren(...items);
  legend.hidden = false;
}

/** Swatches for the modules the frames' hues stand for (each frame a shade of its module's). */
export function fillModuleLegend(doc: Document, legend: HTMLElement, modules: readonly string[], colours: readonly string[], shown: readonly number[]): void {
  if (shown.length === 0) return;
  const items: HTMLElement[] = [element(doc, 'span', 'legend-title', 'Colour by module (a shade per cost centre):')];
  for (const index of shown) {
    const item = element(doc, 'span', 'legend-item', '');
    const swatch = item.appendChild(element(doc, 'span', 'swatch', ''));
    swatch.style.background = colours[index]!;
    item.appendChild(element(doc, 'span', '', modules[index]!));
    items.push(item);
  }
  if (modules.length > shown.length) items.push(element(doc, 'span', 'legend-item', `and ${modules.length - shown.length} more`));
  legend.replaceChildren(...items);
  legend.hidden = false;
}

/** The one line saying what the fills mean when they are not by module. */
export function fillColouringLegend(doc: Document, legend: HTMLElement, text: string): void {
  legend.replaceChildren(element(doc, 'span', 'legend-title', text));
  legend.hidden = false;
}
