// The golden files: the exact stdout of the built CLI for the text outputs people read, one file
// per case under test/golden/. test/golden/golden.test.ts compares them byte for byte;
// `npm run golden` (build, then test/support/golden-update.ts) writes them after an intended change.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './samples.js';

export const goldenDir = join(projectRoot, 'test', 'golden');

const PROFNIX = 'samples/profnix/run';
const BUILD_A = [`${PROFNIX}/2026-11-24-02-10-3f2a1-interp-bench-loc-prof`, `${PROFNIX}/2026-11-24-02-20-3f2a1-interp-bench-loc-prof`];
const BUILD_B = [`${PROFNIX}/2026-11-24-02-30-9c4e7-interp-bench-loc-prof`];

/** Every golden case: file name (test/golden/<name>.txt) → the arguments of `node bin/ghcprof.js`, paths relative to the project root. */
export const GOLDEN_CASES: Readonly<Record<string, readonly string[]>> = {
  'report-p': ['report', 'samples/interp/a/run-1.prof'],
  'report-p-tree': ['report', 'samples/interp/a/run-1.prof', '--top', '5', '--tree', '--min', '1'],
  'report-p-bottom-up': ['report', 'samples/interp/a/run-1.prof', '--top', '4', '--bottom-up', '--min', '1'],
  'report-detailed-P': ['report', 'samples/interp/a/detailed-P.prof'],
  'report-pa': ['report', 'samples/ledger/all-pa.prof'],
  'report-pj': ['report', 'samples/interp/a/run-1.json.prof'],
  'report-eventlog-time': ['report', 'samples/interp/a/time.eventlog'],
  'aggregate-profnix-build-a': ['aggregate', ...BUILD_A],
  'aggregate-profnix-all': ['aggregate', PROFNIX],
  'compare-interp': ['compare', 'samples/interp/a', 'samples/interp/b'],
  'compare-interp-markdown': ['compare', 'samples/interp/a', 'samples/interp/b', '--format', 'markdown'],
  'compare-profnix': ['compare', '--base', ...BUILD_A, '--new', ...BUILD_B],
  'compare-profnix-markdown': ['compare', '--base', ...BUILD_A, '--new', ...BUILD_B, '--format', 'markdown'],
  'eventlog-n2': ['eventlog', 'samples/workers/n2.eventlog'],
  'heap-hp': ['heap', 'samples/interp/a/heap.hp', '--format', 'text'],
  'heap-eventlog': ['heap', 'samples/ledger/by-type-hy.eventlog', '--format', 'text'],
};

export const goldenPath = (name: string): string => join(goldenDir, `${name}.txt`);

export interface CliRun {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `node bin/ghcprof.js ...args` from the project root, without colour. */
export function runCli(args: readonly string[]): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, ['bin/ghcprof.js', ...args], { cwd: projectRoot, env, encoding: 'buffer', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ status, stdout, stderr: stderr.toString('utf8') });
    });
  });
}
