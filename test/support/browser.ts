// A real headless Chromium for page tests, driven by playwright-core: the system's
// /usr/bin/chromium (Debian's `chromium` package), never a downloaded browser. Tests skip
// with a message only when that binary is missing; CI installs it, so there they run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from './samples.js';

const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Null when Chromium can be launched; otherwise why browser tests are skipped. */
export function browserUnavailableReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return `browser tests skipped: ${CHROMIUM_PATH} is missing (install Debian's chromium package: apt-get install -y chromium)`;
}

/** Screenshots and pages the browser tests leave for people to look at (git-ignored). */
const artifactsDir = join(projectRoot, 'test', 'artifacts');

export function ensureArtifactsDir(): string {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile directory (removed on close). A persistent context is what
 * takes a user-data-dir in Playwright; the profile lives only for this session.
 */
export async function launchBrowser(options: { offline?: boolean } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ghcprof-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      // Offline unless a test serves pages on localhost itself.
      offline: options.offline ?? true,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Everything a page reported that a user would see as broken. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to anything but the page's own file. */
  foreignRequests: string[];
}

export function watchPage(page: Page, ownUrl: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (url !== ownUrl && !url.startsWith('data:')) problems.foreignRequests.push(url);
  });
  return problems;
}

export type { Browser, BrowserContext, Page };
