// The HTML flamegraph in a real headless Chromium: it loads without errors or requests,
// zooms, searches, hovers, switches metric and orientation, and opens big.prof quickly.
// Expected numbers are recomputed here from FlameData, not read from the page's code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deltaColour } from '../../src/render/diff-colour.js';
import type { FlameData } from '../../src/render/flame-data.js';
import { renderFlamegraphHtml } from '../../src/render/html/flamegraph-html.js';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, type BrowserSession, type Page } from '../support/browser.js';
import { projectRoot, samplePath } from '../support/samples.js';
import {
  bigFlameData,
  frameDepths,
  HOSTILE_NAMES,
  hostileFlameData,
  interpDifferentialFlameData,
  interpFlameData,
  matchedSharePct,
  withEveryChange,
} from '../render/html/flame-samples.js';
import {
  canvasRect,
  cssColourRgb,
  drawnFrames,
  expectColourNear,
  frameFill,
  frameRect,
  lastPaintMs,
  openViewer,
  pixelAt,
  repainted,
  screenshot,
  viewerState,
  type OpenedViewer,
} from './viewer-page.js';

const unavailable = browserUnavailableReason();
if (unavailable !== null) console.warn(unavailable);

// The page's script is bundled at build time: check that the CLI bundle (esbuild: dist/ghcprof.mjs and
// the chunks it loads per command) carries it too (npm test builds it first).
const distDir = join(projectRoot, 'dist');
const cliBundleHasViewer =
  existsSync(join(distDir, 'ghcprof.mjs')) &&
  readdirSync(distDir).some((name) => name.endsWith('.mjs') && readFileSync(join(distDir, name), 'utf8').includes('function renderFlamegraphHtml('));

const MATCH_RGB: [number, number, number] = [0xd6, 0x3a, 0xd6];
const FIRST_RENDER_BOUND_MS = 5000;
/** One repaint after a click or keystroke; a frame at 60 Hz is 16 ms, this is generous for slow CI machines. */
const REPAINT_BOUND_MS = 250;

const sharePct = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(2)}%`;

/** A frame worth zooming into: deep enough, a real share of the total, with children. */
function zoomTarget(data: FlameData, metric: number): number {
  const depths = frameDepths(data);
  const root = data.frames[0]!.total[metric]!;
  const hasChildren = new Set(data.frames.filter((frame) => frame.total[metric]! > 0).map((frame) => frame.parent));
  let best = -1;
  data.frames.forEach((frame, i) => {
    const share = frame.total[metric]! / root;
    if (depths[i]! >= 2 && share >= 0.05 && share <= 0.6 && hasChildren.has(i) && !frame.merged && (best < 0 || frame.total[metric]! > data.frames[best]!.total[metric]!)) best = i;
  });
  expect(best, 'a frame to zoom into').toBeGreaterThan(0);
  return best;
}

function widestChild(data: FlameData, parent: number, metric: number): number {
  let best = -1;
  data.frames.forEach((frame, i) => {
    if (frame.parent === parent && (best < 0 || frame.total[metric]! > data.frames[best]!.total[metric]!)) best = i;
  });
  return best;
}

function expectNoProblems(opened: OpenedViewer): void {
  expect(opened.problems.pageErrors).toEqual([]);
  expect(opened.problems.consoleErrors).toEqual([]);
  expect(opened.problems.foreignRequests).toEqual([]);
}

async function centreOf(page: Page, frame: number): Promise<{ x: number; y: number }> {
  const rect = await frameRect(page, frame);
  expect(rect, `frame ${frame} is drawn`).not.toBeNull();
  return { x: rect!.left + rect!.width / 2, y: rect!.top + rect!.height / 2 };
}

async function clickFrame(page: Page, frame: number): Promise<void> {
  const { x, y } = await centreOf(page, frame);
  await repainted(page, () => page.mouse.click(x, y));
}

interface Exercise {
  name: string;
  /** A substring search and a regular expression, both case-insensitive. */
  substring: string;
  regex: string;
}

/** Everything a user does with a page, checked against FlameData; returns how long the page took to repaint after each step. */
async function exerciseViewer(opened: OpenedViewer, data: FlameData, exercise: Exercise): Promise<Record<string, number>> {
  const paintMs: Record<string, number> = {};
  const { page } = opened;
  const root = data.frames[0]!;
  const canvas = await canvasRect(page);

  // Opened on the first metric, whole profile, root at the bottom spanning the width.
  expect(await viewerState(page)).toMatchObject({ metric: 0, zoom: 0, inverted: false, query: '' });
  expect(await page.locator('#title').textContent()).toBe(data.title);
  expect(await page.locator('#subtitle .line').allTextContents()).toEqual(data.subtitle);
  expect(await page.locator('#breadcrumb .crumb').allTextContents()).toEqual([root.name]);
  const rootRect = (await frameRect(page, 0))!;
  expect(rootRect.left).toBeCloseTo(canvas.left, 1);
  expect(rootRect.width).toBeCloseTo(canvas.width, 1);
  expect(rootRect.top + rootRect.height + 1).toBeCloseTo(canvas.top + canvas.height, 1);
  // Only frames of at least 1 px are drawn.
  const scale = canvas.width / root.total[0]!;
  const drawn = await drawnFrames(page);
  for (const frame of drawn) expect(data.frames[frame]!.total[0]! * scale).toBeGreaterThanOrEqual(1);
  const depths = frameDepths(data);
  const wideEnough = data.frames.filter((_, i) => {
    for (let at = i; at >= 0; at = data.frames[at]!.parent) if (data.frames[at]!.total[0]! * scale < 1) return false;
    return true;
  }).length;
  expect(drawn.length).toBe(wideEnough);
  await screenshot(page, `${exercise.name}-1-opened`);

  // Hover: name, module, SRC, value, self, shares of total and parent.
  const target = zoomTarget(data, 0);
  const frame = data.frames[target]!;
  const centre = await centreOf(page, target);
  await repainted(page, () => page.mouse.move(centre.x, centre.y));
  await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
  const tooltip = (await page.locator('#tooltip').textContent())!;
  expect(tooltip).toContain(frame.name);
  expect(tooltip).toContain(frame.module);
  expect(tooltip).toContain(frame.src!);
  expect(tooltip).toContain(`${sharePct(frame.total[0]!, root.total[0]!)} of total`);
  expect(tooltip).toContain(`${sharePct(frame.total[0]!, data.frames[frame.parent]!.total[0]!)} of parent`);
  expect(tooltip).toContain('self');
  expect((await viewerState(page)).hovered).toBe(target);
  await screenshot(page, `${exercise.name}-2-hover`);

  // Click: the frame fills the width, its children scale with it, the breadcrumb ends in it.
  await clickFrame(page, target);
  paintMs.zoom = await lastPaintMs(page);
  expect((await viewerState(page)).zoom).toBe(target);
  const zoomed = (await frameRect(page, target))!;
  expect(zoomed.left).toBeCloseTo(canvas.left, 1);
  expect(zoomed.width).toBeCloseTo(canvas.width, 1);
  const child = widestChild(data, target, 0);
  const childRect = (await frameRect(page, child))!;
  expect(Math.abs(childRect.width - (data.frames[child]!.total[0]! / frame.total[0]!) * canvas.width)).toBeLessThan(0.01);
  expect(await page.locator('#breadcrumb .crumb[aria-current]').textContent()).toBe(frame.name);
  const path: string[] = [];
  for (let at = target; at >= 0; at = data.frames[at]!.parent) path.unshift(data.frames[at]!.name);
  expect(await page.locator('#breadcrumb .crumb').allTextContents()).toEqual(path);
  // A frame outside the zoomed subtree (and not its caller) is no longer drawn.
  const outside = data.frames.findIndex((other, i) => depths[i] === depths[target] && i !== target && other.total[0]! * scale >= 1);
  if (outside > 0) expect(await frameRect(page, outside)).toBeNull();
  await page.mouse.move(canvas.left + canvas.width / 2, canvas.top + 2);
  await screenshot(page, `${exercise.name}-3-zoomed`);

  // Reset by the button, and by Escape.
  await repainted(page, () => page.click('#reset'));
  expect((await viewerState(page)).zoom).toBe(0);
  await clickFrame(page, target);
  await repainted(page, () => page.keyboard.press('Escape'));
  expect((await viewerState(page)).zoom).toBe(0);

  // Search: highlighted frames and the matched share, each stack counted once.
  const lower = exercise.substring.toLowerCase();
  const bySubstring = (name: string): boolean => name.toLowerCase().includes(lower);
  await repainted(page, () => page.fill('#search', exercise.substring));
  paintMs.search = await lastPaintMs(page);
  const expectedShare = matchedSharePct(data, 0, bySubstring);
  expect(expectedShare).toBeGreaterThan(0);
  expect(await page.locator('#match-share').textContent()).toBe(`${expectedShare.toFixed(2)}%`);
  expect(await page.locator('#match-status').textContent()).toContain(`${data.frames.filter((f) => bySubstring(f.name)).length.toLocaleString('en-US')} frames match`);
  const nowDrawn = await drawnFrames(page);
  const matchedDrawn = nowDrawn.filter((i) => bySubstring(data.frames[i]!.name));
  const unmatchedDrawn = nowDrawn.filter((i) => !bySubstring(data.frames[i]!.name));
  expect(matchedDrawn.length).toBeGreaterThan(0);
  let checkedPixels = 0;
  for (const i of [...matchedDrawn, ...unmatchedDrawn]) {
    const rect = (await frameRect(page, i))!;
    if (rect.width < 4) continue;
    const matched = bySubstring(data.frames[i]!.name);
    const fill = await frameFill(page, i);
    if (matched) expect(fill).toBe('#d63ad6');
    else expect(fill).not.toBe('#d63ad6');
    expect(expectColourNear(await pixelAt(page, rect.left + 1, rect.top + 1), MATCH_RGB)).toBe(matched);
    if (++checkedPixels >= 12) break;
  }
  expect(checkedPixels).toBeGreaterThan(0);
  await screenshot(page, `${exercise.name}-4-search`);

  const pattern = new RegExp(exercise.regex, 'iu');
  await page.check('#search-regex');
  await repainted(page, () => page.fill('#search', exercise.regex));
  expect(await page.locator('#match-share').textContent()).toBe(`${matchedSharePct(data, 0, (name) => pattern.test(name)).toFixed(2)}%`);
  await page.fill('#search', '(unclosed');
  await expect.poll(() => page.locator('#match-status').getAttribute('class')).toContain('error');
  expect(await page.locator('#match-status').textContent()).toMatch(/^Not a regular expression/);
  await page.uncheck('#search-regex');
  await repainted(page, () => page.fill('#search', ''));
  expect(await page.locator('#match-status').textContent()).toBe('');

  // Metric switch: widths follow the second metric.
  await repainted(page, () => page.selectOption('#metric', '1'));
  paintMs.metric = await lastPaintMs(page);
  expect((await viewerState(page)).metric).toBe(1);
  const allocChild = widestChild(data, 0, 1);
  const allocRect = (await frameRect(page, allocChild))!;
  expect(Math.abs(allocRect.width - (data.frames[allocChild]!.total[1]! / root.total[1]!) * canvas.width)).toBeLessThan(0.01);
  expect(await page.locator('#summary').textContent()).toContain('bytes');

  // Orientation: the root moves to the top row.
  await repainted(page, () => page.click('#orientation'));
  paintMs.orientation = await lastPaintMs(page);
  expect((await viewerState(page)).inverted).toBe(true);
  const topRoot = (await frameRect(page, 0))!;
  const canvasNow = await canvasRect(page);
  expect(topRoot.top).toBeCloseTo(canvasNow.top, 1);
  expect(await page.locator('#orientation').textContent()).toMatch(/Icicle/);
  await screenshot(page, `${exercise.name}-5-alloc-icicle`);

  expectNoProblems(opened);
  for (const ms of Object.values(paintMs)) expect(ms).toBeLessThan(REPAINT_BOUND_MS);
  return paintMs;
}

describe.skipIf(unavailable !== null)(`HTML flamegraph in Chromium${unavailable === null ? '' : ` (${unavailable})`}`, () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('interp -P profile: zoom, hover, search, metric, orientation', async () => {
    const data = await interpFlameData();
    const opened = await openViewer(browser.context, renderFlamegraphHtml(data), 'interp');
    try {
      expectNoProblems(opened);
      await exerciseViewer(opened, data, { name: 'interp', substring: 'lexeme', regex: '^Main\\.expr\\.(atom|app)$' });
    } finally {
      await opened.page.close();
    }
  });

  it('big.prof (458,767 nodes): first render within the bound, then the same interactions', async () => {
    const sizes: Record<string, number> = {};
    for (const widthPct of [0.1, 0.01]) {
      const data = await bigFlameData(widthPct);
      const started = performance.now();
      const html = renderFlamegraphHtml(data);
      const renderMs = performance.now() - started;
      sizes[widthPct] = Buffer.byteLength(html);
      const opened = await openViewer(browser.context, html, `big-${widthPct}`);
      try {
        console.log(
          `big.prof minWidthPct ${widthPct}: ${data.frames.length} frames, page ${(opened.htmlBytes / 1024).toFixed(0)} KiB, HTML built in ${renderMs.toFixed(0)} ms; ` +
            `first render ${opened.firstRenderMs.toFixed(0)} ms after navigation (page), ${opened.loadMs.toFixed(0)} ms goto-to-painted (test)`,
        );
        expect(opened.firstRenderMs).toBeLessThan(FIRST_RENDER_BOUND_MS);
        expect(opened.loadMs).toBeLessThan(FIRST_RENDER_BOUND_MS);
        expectNoProblems(opened);
        if (widthPct === 0.01) {
          const paintMs = await exerciseViewer(opened, data, { name: 'big', substring: 'Layer7', regex: 'Layer[78]\\.Part0\\.l[78]_(step|fold)' });
          console.log(`big.prof minWidthPct ${widthPct}: repaint ms ${Object.entries(paintMs).map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ')}`);
        }
      } finally {
        await opened.page.close();
      }
    }
    // Compact embedding: well under 1 KiB per frame.
    expect(sizes[0.01]!).toBeLessThan(1024 * 1024);
    expect(sizes[0.1]!).toBeLessThan(sizes[0.01]!);
  });

  it('hostile cost-centre names are shown as text and run nothing', async () => {
    const data = hostileFlameData();
    const opened = await openViewer(browser.context, renderFlamegraphHtml(data), 'hostile');
    const { page } = opened;
    try {
      expectNoProblems(opened);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img, b, iframe').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.title()).toBe(data.title);
      expect(await page.locator('#title').textContent()).toBe(data.title);
      expect(await page.locator('#subtitle .line').allTextContents()).toEqual(data.subtitle);
      // Zoom into the deepest frame: the breadcrumb spells every hostile name literally.
      const deepest = data.frames.length - 1;
      await clickFrame(page, deepest);
      expect(await page.locator('#breadcrumb .crumb').allTextContents()).toEqual(['MAIN.MAIN', ...HOSTILE_NAMES]);
      const centre = await centreOf(page, 1);
      await page.mouse.move(centre.x, centre.y);
      await expect.poll(() => page.locator('#tooltip .name').textContent()).toBe(HOSTILE_NAMES[0]);
      expect(await page.locator('#tooltip').textContent()).toContain(`<src ${HOSTILE_NAMES[0]}>`);
      await repainted(page, () => page.fill('#search', '</script>'));
      expect(await page.locator('#match-share').textContent()).toBe(`${matchedSharePct(data, 0, (name) => name.toLowerCase().includes('</script>')).toFixed(2)}%`);
      await screenshot(page, 'hostile');
      expectNoProblems(opened);
    } finally {
      await page.close();
    }
  });

  it('differential (interp b vs a): colours by change, with a legend', async () => {
    const data = await interpDifferentialFlameData();
    const opened = await openViewer(browser.context, renderFlamegraphHtml(data, { differential: true }), 'differential');
    const { page } = opened;
    try {
      expectNoProblems(opened);
      expect(await page.locator('#legend').isVisible()).toBe(true);
      expect(await page.locator('#legend').textContent()).toContain('only in the new build');
      // Main.eval got slower in b (see test/analyze/compare.test.ts): drawn red, as the SVG would.
      const slower = data.frames.findIndex((frame) => frame.name === 'Main.eval' && frame.delta?.significant === true && frame.delta.deltaPct! > 0);
      expect(slower).toBeGreaterThan(0);
      expect(await frameFill(page, slower)).toBe(deltaColour(data.frames[slower]!.delta));
      const rect = (await frameRect(page, slower))!;
      const [r, g, b] = await pixelAt(page, rect.left + 1, rect.top + 1);
      expect(expectColourNear([r, g, b], cssColourRgb(deltaColour(data.frames[slower]!.delta)))).toBe(true);
      expect(r).toBeGreaterThan(g + 40);
      expect(r).toBeGreaterThan(b + 40);
      const unchanged = data.frames.findIndex((frame) => frame.delta?.significant === false && frame.delta.status === 'both');
      expect(await frameFill(page, unchanged)).toBe(deltaColour(data.frames[unchanged]!.delta));
      const centre = await centreOf(page, slower);
      await page.mouse.move(centre.x, centre.y);
      await expect.poll(() => page.locator('#tooltip').textContent()).toMatch(/change\+\d+\.\d% self \(significant\)/);
      await screenshot(page, 'differential');
      expectNoProblems(opened);
    } finally {
      await page.close();
    }
  });

  it('differential, every kind of change: fills from the shared change colours, one-build frames striped', async () => {
    const data = withEveryChange(await interpFlameData());
    const opened = await openViewer(browser.context, renderFlamegraphHtml(data, { differential: true }), 'differential-kinds');
    const { page } = opened;
    try {
      expectNoProblems(opened);
      const drawn = await drawnFrames(page);
      for (const frame of drawn) expect(await frameFill(page, frame)).toBe(deltaColour(data.frames[frame]!.delta));
      // Stripes: an added frame wide enough has both its fill and lighter stripe pixels along its row.
      const added = drawn.find((i) => data.frames[i]!.delta?.status === 'added' && data.frames[i]!.total[0]! / data.frames[0]!.total[0]! > 0.05);
      expect(added).toBeDefined();
      const rect = (await frameRect(page, added!))!;
      const fill = cssColourRgb(deltaColour(data.frames[added!]!.delta));
      const row = await Promise.all(Array.from({ length: 16 }, (_, k) => pixelAt(page, rect.left + 2 + k, rect.top + 2)));
      expect(row.some((pixel) => expectColourNear(pixel, fill))).toBe(true);
      expect(row.some((pixel) => !expectColourNear(pixel, fill, 12) && pixel[0] > fill[0])).toBe(true);
      await screenshot(page, 'differential-kinds');
    } finally {
      await page.close();
    }
  });

  it.skipIf(!cliBundleHasViewer)(`the bundled CLI writes a page that works (\`ghcprof flamegraph -o x.html\`)${cliBundleHasViewer ? '' : ': dist/ghcprof.mjs is missing or older than the viewer; run npm run build'}`, async () => {
    const output = join(ensureArtifactsDir(), 'cli-interp.html');
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), 'flamegraph', samplePath('interp/a/detailed-P.prof'), '-o', output], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const opened = await openViewer(browser.context, readFileSync(output, 'utf8'), 'cli-interp');
    try {
      expectNoProblems(opened);
      expect((await drawnFrames(opened.page)).length).toBeGreaterThan(10);
    } finally {
      await opened.page.close();
    }
  });
});
