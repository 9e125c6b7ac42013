// The pages ghcprof writes around the flamegraph viewer, report --html and compare --html,
// embed it in an iframe (srcdoc): each must load offline without errors, and the viewer draw
// there like the standalone page; the compare page's tables sort when a heading is clicked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, watchPage, type BrowserSession, type Page, type PageProblems } from '../support/browser.js';
import { projectRoot, samplePath } from '../support/samples.js';

const skip = browserUnavailableReason();
if (skip !== null) console.warn(skip);

describe.skipIf(skip !== null)('report --html and compare --html in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  /** Runs the CLI to write `name`, then opens it in a new tab, watched for problems. */
  async function writeAndOpen(name: string, args: string[]): Promise<{ tab: Page; problems: PageProblems }> {
    const page = join(mkdtempSync(join(tmpdir(), 'ghcprof-page-')), name);
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args, '--html', page], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const tab = await session.context.newPage();
    const url = pathToFileURL(page).href;
    const problems = watchPage(tab, url);
    await tab.goto(url);
    return { tab, problems };
  }

  /** The embedded viewer draws; then a screenshot, and the page had no errors and asked for nothing. */
  async function expectDrawnAndClean(tab: Page, problems: PageProblems, screenshot: string, fullPage: boolean): Promise<void> {
    const frame = tab.frameLocator('iframe.flamegraph');
    await expect.poll(async () => frame.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(ensureArtifactsDir(), screenshot), fullPage });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests.filter((request) => !request.startsWith('about:'))).toEqual([]);
    await tab.close();
  }

  it('report: loads, shows the tables, and the embedded flamegraph draws', async () => {
    const { tab, problems } = await writeAndOpen('report.html', ['report', samplePath('interp/a/detailed-P.prof')]);
    expect(await tab.locator('table').count()).toBeGreaterThan(0);
    const frame = tab.frameLocator('iframe.flamegraph');
    await expect.poll(async () => frame.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Frames take their module's hue: the legend names the module (every cost centre of the file is in Main).
    await expect.poll(async () => frame.locator('#legend .legend-item').first().textContent(), { timeout: 10_000 }).toBe('Main');
    expect(await frame.locator('#legend .legend-title').textContent()).toBe('Colour by module (a shade per cost centre):');
    await expectDrawnAndClean(tab, problems, 'report-html.png', false);
  }, 60_000);

  it('compare: loads, sorts a table by the clicked column both ways, and the differential flamegraph draws', async () => {
    const { tab, problems } = await writeAndOpen('compare.html', ['compare', 'samples/interp/a', 'samples/interp/b', '--min', '0', '--correction', 'none', '--alpha', '0.2']);
    const table = tab.locator('table#rows-time');
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(2);
    // The "change" column (index 5: name, module, SRC, base, new, change) by its numeric value.
    const changes = async (): Promise<number[]> => table.locator('tbody tr td:nth-child(6)').evaluateAll((cells) => cells.map((cell) => Number((cell as HTMLElement).dataset.value)));
    await table.locator('th').nth(5).click();
    const down = await changes();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await table.locator('th').nth(5).click();
    const up = await changes();
    expect(up).toEqual([...down].sort((a, b) => a - b));
    // Text columns sort as text.
    await table.locator('th').nth(0).click();
    const names = await table.locator('tbody tr td:nth-child(1)').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    await expectDrawnAndClean(tab, problems, 'compare-html.png', true);
  }, 60_000);
});
