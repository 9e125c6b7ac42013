// Opens a flamegraph page in Chromium and reads what it drew: the page's read-only handle
// (window.ghcprofViewer) for geometry, the canvas pixels for colours, the DOM for text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViewerHandle, ViewerRect } from '../../src/render/html/viewer/handle.js';
import { ensureArtifactsDir, watchPage, type BrowserContext, type Page, type PageProblems } from '../support/browser.js';

/** What page.evaluate callbacks see; the project compiles without the DOM library. */
interface PageGlobals {
  ghcprofViewer: ViewerHandle;
  document: {
    getElementById(id: string): {
      width: number;
      getBoundingClientRect(): ViewerRect;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
    };
  };
}

export interface OpenedViewer {
  page: Page;
  problems: PageProblems;
  /** From navigation to the end of the first paint, measured by the test (wall clock). */
  loadMs: number;
  /** The page's own measure: navigation start to the end of its first paint. */
  firstRenderMs: number;
  htmlBytes: number;
}

export async function openViewer(context: BrowserContext, html: string, name: string): Promise<OpenedViewer> {
  const file = join(ensureArtifactsDir(), `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const problems = watchPage(page, url);
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => ((globalThis as unknown as Partial<PageGlobals>).ghcprofViewer?.firstRenderMs ?? -1) >= 0);
  const loadMs = performance.now() - started;
  const firstRenderMs = await page.evaluate(() => (globalThis as unknown as PageGlobals).ghcprofViewer.firstRenderMs);
  return { page, problems, loadMs, firstRenderMs, htmlBytes: Buffer.byteLength(html) };
}

export function viewerState(page: Page): Promise<ReturnType<ViewerHandle['state']>> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).ghcprofViewer.state());
}

export function frameRect(page: Page, frame: number): Promise<ViewerRect | null> {
  return page.evaluate((index) => (globalThis as unknown as PageGlobals).ghcprofViewer.frameRect(index), frame);
}

export function frameFill(page: Page, frame: number): Promise<string | null> {
  return page.evaluate((index) => (globalThis as unknown as PageGlobals).ghcprofViewer.frameFill(index), frame);
}

export function drawnFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).ghcprofViewer.drawnFrames());
}

/**
 * Waits until the page has painted again after an interaction (paints run in an animation frame)
 * and no paint is still requested: a paint asked for by an earlier step can land first, and what it
 * drew does not show this step's state.
 */
async function afterPaint(page: Page, paintsBefore: number): Promise<void> {
  await page.waitForFunction((before) => {
    const viewer = (globalThis as unknown as PageGlobals).ghcprofViewer;
    return viewer.paints > before && !viewer.paintPending;
  }, paintsBefore);
}

export function lastPaintMs(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).ghcprofViewer.lastPaintMs);
}

function paintCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).ghcprofViewer.paints);
}

/** Runs `action` and waits for the paint it causes. */
export async function repainted(page: Page, action: () => Promise<unknown>): Promise<void> {
  await page.waitForFunction(() => !(globalThis as unknown as PageGlobals).ghcprofViewer.paintPending);
  const before = await paintCount(page);
  await action();
  await afterPaint(page, before);
}

export function canvasRect(page: Page): Promise<ViewerRect> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.getElementById('flame').getBoundingClientRect());
}

/** RGB of the canvas pixel under viewport point (x, y). */
export function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = (globalThis as unknown as PageGlobals).document.getElementById('flame');
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const data = canvas.getContext('2d').getImageData(Math.floor((px - box.left) * ratio), Math.floor((py - box.top) * ratio), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!] as [number, number, number];
    },
    [x, y] as const,
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ensureArtifactsDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** CSS `hsl(h, s%, l%)` or `#rrggbb` as RGB, to compare a fill with canvas pixels. */
export function cssColourRgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const hsl = /^hsl\(\s*([\d.]+),\s*([\d.]+)%,\s*([\d.]+)%\)$/.exec(colour);
  if (!hsl) throw new Error(`unexpected colour ${colour}`);
  const h = Number(hsl[1]) / 360;
  const s = Number(hsl[2]) / 100;
  const l = Number(hsl[3]) / 100;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return Math.round(v * 255);
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

export function expectColourNear(actual: [number, number, number], expected: [number, number, number], tolerance = 3): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
}
