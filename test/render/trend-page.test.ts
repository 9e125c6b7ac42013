// The trend page in a real (headless, offline) Chromium: it draws on load without errors or
// requests, the pickers switch series and metric, and the change-point list leads to charts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTimeline, type Timeline } from '../../src/analyze/timeline.js';
import { renderTrendHtml } from '../../src/render/trend-chart-html.js';
import { loadBuilds } from '../../src/runs/builds.js';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, watchPage, type BrowserSession } from '../support/browser.js';
import { samplePath } from '../support/samples.js';

const skip = browserUnavailableReason();
if (skip !== null) console.warn(skip);

describe.skipIf(skip !== null)('timeline -o trend.html in a browser', () => {
  let session: BrowserSession;
  let timeline: Timeline;
  let url: string;
  beforeAll(async () => {
    const loaded = await loadBuilds([samplePath('timeline/run')], { order: 'start' });
    timeline = analyzeTimeline(loaded.builds, { grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'bh', minPct: 0.5 });
    const path = join(mkdtempSync(join(tmpdir(), 'ghcprof-trend-')), 'trend.html');
    writeFileSync(path, renderTrendHtml(timeline));
    url = pathToFileURL(path).href;
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('draws a chart, switches series and metric, and jumps to a change point from the list', async () => {
    const tab = await session.context.newPage();
    const problems = watchPage(tab, url);
    await tab.goto(url);
    const chartTitle = tab.locator('#chart .chart-title');
    const count = (name: string): number => timeline.changePoints.filter((point) => point.label === name).length;
    // Opens on the largest cost centre with a change point.
    await expect.poll(async () => chartTitle.textContent()).toBe('eval (Main): time');
    expect(await tab.locator('#chart g.change-point').count()).toBe(count('eval'));
    // Each name's own text (its <title> holds the build's details).
    const names = await tab.locator('#chart text.build-name').evaluateAll((elements) => elements.map((element) => element.firstChild?.textContent ?? ''));
    expect(names).toEqual(timeline.builds.map((build) => build.name));
    await tab.screenshot({ path: join(ensureArtifactsDir(), 'trend-1-eval.png') });

    const options = await tab.locator('#series option').allTextContents();
    expect(options).toHaveLength(timeline.series.length);
    const simplify = options.findIndex((text) => text.includes('simplify (Main)'));
    await tab.selectOption('#series', String(simplify));
    await tab.selectOption('#metric', { label: (await tab.locator('#metric option').allTextContents()).find((text) => text.startsWith('entries'))! });
    await expect.poll(async () => chartTitle.textContent()).toBe('simplify (Main): entries');
    expect(await tab.locator('#chart g.change-point').count()).toBe(count('simplify'));
    expect(await tab.locator('#chart circle.run').count()).toBe(timeline.builds.reduce((sum, build) => sum + build.runs, 0));

    // The list of change points: one row each (and one per appearance), a button to its chart.
    const rows = tab.locator('#steps tbody tr');
    expect(await rows.count()).toBe(timeline.changePoints.length + timeline.appearances.length);
    await tab.locator('#steps tbody button', { hasText: 'tokenCount (Main)' }).click();
    await expect.poll(async () => chartTitle.textContent()).toMatch(/^tokenCount \(Main\): /);
    expect(await tab.locator('#chart g.appearance').count()).toBe(1);
    await tab.screenshot({ path: join(ensureArtifactsDir(), 'trend-2-tokenCount.png') });

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests.filter((request) => !request.startsWith('about:'))).toEqual([]);
    await tab.close();
  }, 60_000);
});
