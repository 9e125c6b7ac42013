// The page's entry point: reads the embedded payload, owns the view state (metric, zoom,
// orientation, search, hover) and wires the controls to it. Painting is batched into one
// animation frame; only frames at least MIN_FRAME_PX wide at the current zoom are drawn.
import type { FlamePayload } from '../flame-payload.js';
import { formatQuantity, formatShare } from '../../metric-value.js';
import type { ViewerHandle } from './handle.js';
import { ancestors, buildModel, frameOffsets, matchedValue, searchFrames, visibleFrames, type SearchResult } from './model.js';
import { paint, type PaintedFrames, type PaintScene } from './paint.js';
import { element, fillBreadcrumb, fillChangeLegend, fillColouringLegend, fillDetails, fillModuleLegend } from './panels.js';

declare global {
  interface Window {
    ghcprofViewer?: ViewerHandle;
  }
}

export function startViewer(win: Window): void {
  const MIN_FRAME_PX = 1;
  const ROW_HEIGHT_PX = 18;
  const doc = win.document;
  const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
    const found = doc.getElementById(id);
    if (found === null) throw new Error(`flamegraph page: #${id} is missing`);
    return found as T;
  };

  const payload = JSON.parse(byId('flame-data').textContent ?? 'null') as FlamePayload;
  const model = buildModel(payload);
  byId('title').textContent = payload.title;
  doc.title = payload.title;
  byId('subtitle').replaceChildren(...payload.subtitle.map((line) => element(doc, 'div', 'line', line)));
  if (model.frameCount === 0) {
    byId('summary').textContent = 'The profile has no cost-centre stacks to draw.';
    return;
  }
  const canvas = byId<HTMLCanvasElement>('flame');
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('flamegraph page: no 2D canvas');
  const ctx: CanvasRenderingContext2D = context;
  const chart = byId('chart');
  const tooltip = byId('tooltip');
  const searchInput = byId<HTMLInputElement>('search');
  const regexBox = byId<HTMLInputElement>('search-regex');
  const caseBox = byId<HTMLInputElement>('search-case');
  const matchStatus = byId('match-status');
  const metricSelect = byId<HTMLSelectElement>('metric');
  const orientationButton = byId('orientation');
  const breadcrumb = byId('breadcrumb');
  const summary = byId('summary');

  let metric = 0;
  let zoom = 0;
  let inverted = payload.inverted;
  let hovered = -1;
  let query = '';
  let matched: Uint8Array | null = null;
  let offsets = frameOffsets(model, metric);
  let rows = deepestRow(metric) + 1;
  let search: SearchResult = { matched: new Uint8Array(0), matchedFrames: 0 };
  let tooltipFrame = -1;
  let painted: PaintedFrames | null = null;
  const paintedAt = new Int32Array(model.frameCount).fill(-1);
  let paintPending = false;
  let paints = 0;
  let firstRenderMs = -1;
  let lastPaintMs = -1;
  const labelWidths = new Map<number, number>();
  const stripes = makeStripes();

  /** Deepest frame with a value in this metric: the canvas height, so zooming never moves rows. */
  function deepestRow(forMetric: number): number {
    const total = model.total[forMetric]!;
    let deepest = 0;
    for (let i = 0; i < model.frameCount; i++) if (total[i]! > 0 && model.depth[i]! > deepest) deepest = model.depth[i]!;
    return deepest;
  }

  function makeStripes(): CanvasPattern | null {
    const tile = doc.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const tileCtx = tile.getContext('2d');
    if (tileCtx === null) return null;
    tileCtx.strokeStyle = 'rgba(255, 255, 255, 0.8)';
    tileCtx.lineWidth = 2;
    tileCtx.beginPath();
    tileCtx.moveTo(-2, 10);
    tileCtx.lineTo(10, -2);
    tileCtx.stroke();
    return ctx.createPattern(tile, 'repeat');
  }

  function paintNow(): void {
    paintPending = false;
    const started = win.performance.now();
    const widthPx = Math.max(200, Math.floor(chart.clientWidth));
    const heightPx = rows * ROW_HEIGHT_PX;
    const ratio = win.devicePixelRatio || 1;
    const pixelWidth = Math.round(widthPx * ratio);
    const pixelHeight = Math.round(heightPx * ratio);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
      canvas.style.width = `${widthPx}px`;
      canvas.style.height = `${heightPx}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const scene: PaintScene = {
      model,
      metric,
      offsets,
      zoom,
      visible: visibleFrames(model, metric, zoom, widthPx, MIN_FRAME_PX),
      widthPx,
      heightPx,
      rowHeightPx: ROW_HEIGHT_PX,
      inverted,
      differential: payload.differential,
      matched,
      hovered,
      stripes,
    };
    if (painted !== null) for (const frame of painted.frames) paintedAt[frame] = -1;
    painted = paint(ctx, scene, labelWidths);
    painted.frames.forEach((frame, k) => (paintedAt[frame] = k));
    paints++;
    const shown = painted.frames.length;
    summary.textContent = `Total ${formatQuantity(model.total[metric]![0] ?? 0, model.metrics[metric]!.unit)} · ${shown.toLocaleString('en-US')} of ${model.frameCount.toLocaleString('en-US')} frames wide enough to draw at this zoom`;
    const finished = win.performance.now();
    lastPaintMs = finished - started;
    if (firstRenderMs < 0) firstRenderMs = finished;
  }

  function requestPaint(): void {
    if (paintPending) return;
    paintPending = true;
    win.requestAnimationFrame(paintNow);
  }

  function frameAt(clientX: number, clientY: number): number {
    if (painted === null) return -1;
    const box = canvas.getBoundingClientRect();
    const x = clientX - box.left;
    const y = clientY - box.top;
    const heightPx = rows * ROW_HEIGHT_PX;
    if (x < 0 || y < 0 || y >= heightPx) return -1;
    const depth = inverted ? Math.floor(y / ROW_HEIGHT_PX) : Math.floor((heightPx - y) / ROW_HEIGHT_PX);
    for (let k = 0; k < painted.frames.length; k++) {
      const frame = painted.frames[k]!;
      if (model.depth[frame] === depth && x >= painted.x[k]! && x < painted.x[k]! + painted.width[k]!) return frame;
    }
    return -1;
  }

  function zoomTo(frame: number): void {
    tooltip.hidden = true;
    zoom = model.total[metric]![frame]! > 0 ? frame : 0;
    fillBreadcrumb(doc, breadcrumb, model, ancestors(model, zoom), zoomTo);
    updateMatchStatus();
    requestPaint();
  }

  function updateOrientation(): void {
    orientationButton.textContent = inverted ? 'Icicle: root at top' : 'Flame: root at bottom';
    orientationButton.setAttribute('aria-pressed', inverted ? 'true' : 'false');
    requestPaint();
  }

  /** Scrolls a deep flame (root at the bottom of a tall canvas) so the root row is in view. */
  function revealRoot(): void {
    if (inverted) return;
    const box = canvas.getBoundingClientRect();
    const below = box.top + rows * ROW_HEIGHT_PX - win.innerHeight;
    if (below > 0) win.scrollBy(0, below + 8);
  }

  function updateMatchStatus(): void {
    if (matched === null) {
      if (query === '') matchStatus.replaceChildren();
      return;
    }
    const total = model.total[metric]!;
    const info = model.metrics[metric]!;
    const count = element(doc, 'span', '', `${search.matchedFrames.toLocaleString('en-US')} frames match · `);
    const share = element(doc, 'span', 'share', formatShare(matchedValue(model, matched, metric, 0), total[0]!));
    share.setAttribute('id', 'match-share');
    const parts = [count, share, element(doc, 'span', '', ` of ${info.label}`)];
    if (zoom !== 0) {
      const inZoom = formatShare(matchedValue(model, matched, metric, zoom), total[zoom]!);
      parts.push(element(doc, 'span', '', ` (${inZoom} of the zoomed frame)`));
    }
    matchStatus.replaceChildren(...parts);
  }

  function runSearch(): void {
    query = searchInput.value;
    matched = null;
    matchStatus.classList.remove('error');
    if (query !== '') {
      let test: (name: string) => boolean;
      if (regexBox.checked) {
        let pattern: RegExp;
        try {
          pattern = new RegExp(query, caseBox.checked ? 'u' : 'iu');
        } catch (error) {
          matchStatus.textContent = `Not a regular expression: ${(error as Error).message}`;
          matchStatus.classList.add('error');
          requestPaint();
          return;
        }
        test = (name) => pattern.test(name);
      } else if (caseBox.checked) {
        test = (name) => name.includes(query);
      } else {
        const lower = query.toLowerCase();
        test = (name) => name.toLowerCase().includes(lower);
      }
      search = searchFrames(model, test);
      matched = search.matched;
    }
    updateMatchStatus();
    requestPaint();
  }

  function showTooltip(frame: number, clientX: number, clientY: number): void {
    if (frame !== tooltipFrame || tooltip.hidden) {
      fillDetails(doc, tooltip, { model, metric, frame, zoom, differential: payload.differential });
      tooltipFrame = frame;
    }
    tooltip.hidden = false;
    const box = tooltip.getBoundingClientRect();
    const left = clientX + 14 + box.width > win.innerWidth ? Math.max(4, clientX - 14 - box.width) : clientX + 14;
    const top = clientY + 16 + box.height > win.innerHeight ? Math.max(4, clientY - 12 - box.height) : clientY + 16;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  // Controls.
  metricSelect.replaceChildren(
    ...model.metrics.map((info, index) => {
      const option = element(doc, 'option', '', `${info.label} (${info.unit})`);
      option.setAttribute('value', String(index));
      return option;
    }),
  );
  metricSelect.value = '0';
  if (payload.delta !== null) fillChangeLegend(doc, byId('legend'), payload.delta.legend);
  else if (payload.colouringLegend !== null) fillColouringLegend(doc, byId('legend'), payload.colouringLegend);
  else fillModuleLegend(doc, byId('legend'), payload.modules, payload.moduleColours, payload.moduleLegend);

  metricSelect.addEventListener('change', () => {
    metric = Number(metricSelect.value);
    offsets = frameOffsets(model, metric);
    rows = deepestRow(metric) + 1;
    zoomTo(zoom);
  });
  byId('reset').addEventListener('click', () => zoomTo(0));
  orientationButton.addEventListener('click', () => {
    inverted = !inverted;
    updateOrientation();
    revealRoot();
  });
  searchInput.addEventListener('input', runSearch);
  regexBox.addEventListener('change', runSearch);
  caseBox.addEventListener('change', runSearch);
  canvas.addEventListener('click', (event) => {
    const frame = frameAt(event.clientX, event.clientY);
    if (frame >= 0) zoomTo(frame);
  });
  canvas.addEventListener('mousemove', (event) => {
    const frame = frameAt(event.clientX, event.clientY);
    if (frame < 0) tooltip.hidden = true;
    else showTooltip(frame, event.clientX, event.clientY);
    if (frame !== hovered) {
      hovered = frame;
      canvas.style.cursor = frame >= 0 ? 'pointer' : 'default';
      requestPaint();
    }
  });
  canvas.addEventListener('mouseleave', () => {
    tooltip.hidden = true;
    if (hovered !== -1) {
      hovered = -1;
      requestPaint();
    }
  });
  win.addEventListener('keydown', (event) => {
    const inSearch = event.target === searchInput;
    if (event.key === 'Escape') {
      if (inSearch && searchInput.value !== '') {
        searchInput.value = '';
        runSearch();
      } else {
        zoomTo(0);
      }
    } else if (event.key === '/' && !inSearch && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      searchInput.focus();
    }
  });
  win.addEventListener('resize', requestPaint);

  win.ghcprofViewer = {
    get firstRenderMs() {
      return firstRenderMs;
    },
    get paints() {
      return paints;
    },
    get paintPending() {
      return paintPending;
    },
    get lastPaintMs() {
      return lastPaintMs;
    },
    state: () => ({ metric, zoom, inverted, query, hovered }),
    frameRect: (frame) => {
      const k = frame >= 0 && frame < model.frameCount ? paintedAt[frame]! : -1;
      if (painted === null || k < 0) return null;
      const box = canvas.getBoundingClientRect();
      return { left: box.left + painted.x[k]!, top: box.top + painted.y[k]!, width: painted.width[k]!, height: ROW_HEIGHT_PX - 1 };
    },
    drawnFrames: () => (painted === null ? [] : painted.frames.slice()),
    frameFill: (frame) => {
      const k = frame >= 0 && frame < model.frameCount ? paintedAt[frame]! : -1;
      return painted === null || k < 0 ? null : painted.fill[k]!;
    },
  };

  // First paint now, not in an animation frame: the page is usable as soon as the script ran.
  fillBreadcrumb(doc, breadcrumb, model, [0], zoomTo);
  updateOrientation();
  paintNow();
  revealRoot();
}
