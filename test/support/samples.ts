// Where the sample files are, for tests. samples/ holds our own; other projects' files
// (real/, ghc-events/) are not in this repository: they are read from ../shared/samples beside
// the checkout, where present (CI has it). Where absent, they are left out of the sample lists,
// a test that asks for one of them by name is skipped, and one line says so.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { TestRunner } from 'vitest';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const samplesRoot = join(projectRoot, 'samples');

/** Other projects' samples: ../shared/samples from the project root (GHCPROF_SHARED_SAMPLES overrides it). */
const sharedSamplesRoot = resolve(projectRoot, process.env.GHCPROF_SHARED_SAMPLES ?? join('..', 'shared', 'samples'));

/** The folders of sample paths that are read from the shared samples, never from samples/. */
const SHARED_FOLDERS: readonly string[] = ['real', 'ghc-events'];

const missingSharedFolders = SHARED_FOLDERS.filter((folder) => !existsSync(join(sharedSamplesRoot, folder)));

/** Whether every shared folder is there (else tests on those files are skipped). */
export const sharedSamplesPresent = missingSharedFolders.length === 0;

const sharedFolderOf = (relativePath: string): string | undefined =>
  SHARED_FOLDERS.find((folder) => relativePath === folder || relativePath.startsWith(`${folder}/`));

let noted = false;

/** Says once per test run (every test file runs in a process of its own) that the shared samples are absent. */
function noteSharedSamplesAbsent(): void {
  if (noted) return;
  noted = true;
  if (firstInRun()) {
    console.log(`shared samples not found at ${missingSharedFolders.map((folder) => join(sharedSamplesRoot, folder)).join(', ')}: tests on other projects' files skipped`);
  }
}

/** True in the first process of this vitest run to ask (a marker file named after the run's main process). */
function firstInRun(): boolean {
  const runner = process.env.VITEST !== undefined && isMainThread ? process.ppid : process.pid;
  let started = '';
  try {
    // Field 22 of /proc/<pid>/stat, the start time, tells a reused process id apart.
    started = readFileSync(`/proc/${runner}/stat`, 'utf8').split(') ').at(-1)!.split(' ')[19] ?? '';
  } catch {
    // Not Linux: the process id alone.
  }
  try {
    writeFileSync(join(tmpdir(), `ghcprof-shared-samples-absent-${runner}-${started}`), '', { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of a sample: `real/...` and `ghc-events/...` in the shared samples, the rest
 * under samples/. Asked inside a test for a shared file that is absent, it skips that test.
 */
export function samplePath(relativePath: string): string {
  const shared = sharedFolderOf(relativePath);
  if (shared === undefined) return join(samplesRoot, relativePath);
  if (missingSharedFolders.includes(shared)) {
    noteSharedSamplesAbsent();
    TestRunner.getCurrentTest()?.context.skip(`${relativePath}: shared samples absent`);
  }
  return join(sharedSamplesRoot, relativePath);
}

export function readSample(relativePath: string): string {
  return readFileSync(samplePath(relativePath), 'utf8');
}

export function sampleBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(samplePath(relativePath)));
}

/** Relative paths of the files under `root`/`dir`, skipping the folders `skip` at the top. */
function filesUnder(root: string, dir: string, skip: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) {
        if (path !== root || !skip.includes(name)) walk(child);
      } else {
        found.push(relative(root, child));
      }
    }
  };
  walk(join(root, dir));
  return found;
}

/**
 * Every sample file (relative paths, as `samplePath` takes them), skipping the benchmark inputs and
 * Haskell sources: ours under samples/, and the shared folders' files where present.
 */
export function allSampleFiles(): string[] {
  const found = filesUnder(samplesRoot, '', ['big', 'src', ...SHARED_FOLDERS]);
  for (const folder of SHARED_FOLDERS) {
    if (!missingSharedFolders.includes(folder)) found.push(...filesUnder(sharedSamplesRoot, folder, []));
  }
  if (missingSharedFolders.length > 0) noteSharedSamplesAbsent();
  return found.sort();
}

/** Text reports, recognised by their first line (JSON reports are also named .prof). */
export function textProfSamples(): string[] {
  return allSampleFiles().filter((file) => file.endsWith('.prof') && readSample(file).includes('Time and Allocation Profiling Report'));
}

export function jsonProfSamples(): string[] {
  return allSampleFiles().filter((file) => file.endsWith('.prof') && readSample(file).trimStart().startsWith('{'));
}
