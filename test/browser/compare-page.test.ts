// compare --html in Chromium: it loads offline without errors, its tables sort when a heading
// is clicked, and the embedded differential flamegraph draws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, watchPage, type BrowserSession } from '../support/browser.js';
import { projectRoot } from '../support/samples.js';

const skip = browserUnavailableReason();
if (skip !== null) console.warn(skip);

describe.skipIf(skip !== null)('compare --html in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('loads, sorts a table by the clicked column both ways, and the differential flamegraph draws', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'ghcprof-compare-page-')), 'compare.html');
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), 'compare', 'samples/interp/a', 'samples/interp/b', '--html', page, '--min', '0', '--correction', 'none', '--alpha', '0.2'], { cwd: projectRoot, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const tab = await session.context.newPage();
    const url = pathToFileURL(page).href;
    const problems = watchPage(tab, url);
    await tab.goto(url);
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
    const frame = tab.frameLocator('iframe.flamegraph');
    await expect.poll(async () => frame.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(ensureArtifactsDir(), 'compare-html.png'), fullPage: true });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests.filter((request) => !request.startsWith('about:'))).toEqual([]);
    await tab.close();
  }, 60_000);
});
