// The HTML report embeds the flamegraph viewer in an iframe (srcdoc): it must load and draw
// there, without errors, like the standalone page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, watchPage, type BrowserSession } from '../support/browser.js';
import { projectRoot, samplePath } from '../support/samples.js';

const skip = browserUnavailableReason();
if (skip !== null) console.warn(skip);

describe.skipIf(skip !== null)('report --html in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('loads, shows the tables, and the embedded flamegraph draws', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'ghcprof-report-')), 'report.html');
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), 'report', samplePath('interp/a/detailed-P.prof'), '--html', page], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const tab = await session.context.newPage();
    const url = pathToFileURL(page).href;
    const problems = watchPage(tab, url);
    await tab.goto(url);
    expect(await tab.locator('table').count()).toBeGreaterThan(0);
    const frame = tab.frameLocator('iframe.flamegraph');
    await expect.poll(async () => frame.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Frames take their module's hue: the legend names the module (every cost centre of the file is in Main).
    await expect.poll(async () => frame.locator('#legend .legend-item').first().textContent(), { timeout: 10_000 }).toBe('Main');
    expect(await frame.locator('#legend .legend-title').textContent()).toBe('Colour by module (a shade per cost centre):');
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: join(ensureArtifactsDir(), 'report-html.png'), fullPage: false });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests.filter((request) => !request.startsWith('about:'))).toEqual([]);
    await tab.close();
  }, 60_000);
});
