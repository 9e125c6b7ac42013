// Our speedscope export opened in the real speedscope viewer (the npm `speedscope` package's
// static app), served from localhost, in headless Chromium.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { readEventlogTimeProfile } from '../../src/formats/eventlog/index.js';
import { toSpeedscope } from '../../src/render/speedscope.js';
import { browserUnavailableReason, ensureArtifactsDir, launchBrowser, watchPage, type BrowserSession } from '../support/browser.js';
import { readSample, samplePath } from '../support/samples.js';

const skip = browserUnavailableReason();
if (skip !== null) console.warn(skip);
const appDir = dirname(createRequire(import.meta.url).resolve('speedscope/dist/release/index.html'));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain' };

describe.skipIf(skip !== null)('speedscope viewer opens our export', () => {
  const profiles = new Map<string, string>();
  let server: Server;
  let origin = '';
  let session: BrowserSession;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const profile = profiles.get(path);
      if (profile !== undefined) {
        response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        response.end(profile);
        return;
      }
      const file = normalize(join(appDir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(appDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session = await launchBrowser({ offline: false });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  const cases: Array<[string, () => Promise<string>]> = [
    ['detailed-P', async () => JSON.stringify(toSpeedscope([{ name: 'interp -P', profile: await parseProfText(readSample('interp/a/detailed-P.prof'), 'a') }], 'interp detailed-P', 'ghcprof-test'))],
    ['eventlog', async () => JSON.stringify(toSpeedscope([{ name: 'interp eventlog', profile: await readEventlogTimeProfile([readFileSync(samplePath('interp/a/time.eventlog'))], 'time.eventlog') }], 'interp eventlog', 'ghcprof-test'))],
  ];

  for (const [name, build] of cases) {
    it(`${name}: loads without errors and draws the profile`, async () => {
      profiles.set(`/${name}.speedscope.json`, await build());
      const page = await session.context.newPage();
      const url = `${origin}/index.html#profileURL=${encodeURIComponent(`${origin}/${name}.speedscope.json`)}`;
      const problems = watchPage(page, url);
      await page.goto(url);
      // speedscope names the tab after the loaded profile once it has imported it.
      await page.waitForFunction((expected) => document.title.includes(expected), `interp ${name === 'eventlog' ? 'eventlog' : 'detailed-P'}`, { timeout: 20_000 });
      await page.waitForTimeout(500);
      const bodyText = await page.evaluate(() => document.body.innerText);
      expect(bodyText).not.toMatch(/something went wrong|unrecognized format|failed to/i);
      const canvases = await page.evaluate(() => [...document.querySelectorAll('canvas')].filter((canvas) => canvas.width > 100 && canvas.height > 100).length);
      expect(canvases).toBeGreaterThan(0);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors.filter((error) => !/favicon/i.test(error))).toEqual([]);
      await page.screenshot({ path: join(ensureArtifactsDir(), `speedscope-${name}.png`) });
      await page.close();
    }, 60_000);
  }
});
