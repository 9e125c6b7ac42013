// Runs one CLI command over a mutated input as a user would: bin/ghcprof.js in a child process,
// the input as a file (or on stdin), killed at the time limit. `.stats` and `meta.json` inputs
// go into a copy of a profnix run directory (node-0 only), the rest of which stays intact.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliRun } from './classify.js';
import { PROFNIX_RUN_DIRECTORY, projectRoot, type SeedKind } from './seeds.js';
import type { CliCommand } from './targets.js';

const BIN = join(projectRoot, 'bin/ghcprof.js');

/** File endings by kind: the CLI reads by content, but `aggregate` takes summaries by name. */
const ENDINGS: Record<SeedKind, string> = {
  'prof-text': '.prof',
  'prof-json': '.prof',
  hp: '.hp',
  eventlog: '.eventlog',
  'rts-stats': '.stats',
  'run-meta': '.json',
  'run-summary': '.summary.json',
};

export interface CliCase {
  kind: SeedKind;
  command: CliCommand;
  bytes: Uint8Array;
  gzipped: boolean;
  stdin: boolean;
}

export interface PreparedCli {
  args: string[];
  /** What an error may call the input. */
  names: string[];
  run: CliRun;
}

function bytesUnder(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

/** A profnix run directory in `directory` with the mutated `.stats` or `meta.json`; returns the mutated file's path. */
function runDirectoryWith(directory: string, kind: 'rts-stats' | 'run-meta', bytes: Uint8Array): string {
  mkdirSync(join(directory, 'node-0'), { recursive: true });
  const meta = join(directory, 'meta.json');
  const stats = join(directory, 'node-0', 'cardano-node.stats');
  copyFileSync(join(PROFNIX_RUN_DIRECTORY, 'node-0', 'cardano-node.prof'), join(directory, 'node-0', 'cardano-node.prof'));
  copyFileSync(join(PROFNIX_RUN_DIRECTORY, 'meta.json'), meta);
  copyFileSync(join(PROFNIX_RUN_DIRECTORY, 'node-0', 'cardano-node.stats'), stats);
  const mutated = kind === 'rts-stats' ? stats : meta;
  writeFileSync(mutated, bytes);
  return mutated;
}

/** Runs the case in `workDirectory` (emptied first), killed after `timeLimitMs`. */
export function runCliCase(test: CliCase, workDirectory: string, timeLimitMs: number): PreparedCli {
  rmSync(workDirectory, { recursive: true, force: true });
  mkdirSync(workDirectory, { recursive: true });
  const out = join(workDirectory, 'out');
  const outputs: string[] = [];
  let inputPath: string;
  if (test.kind === 'rts-stats' || test.kind === 'run-meta') {
    inputPath = runDirectoryWith(join(workDirectory, 'run'), test.kind, test.bytes);
  } else {
    inputPath = join(workDirectory, `input${ENDINGS[test.kind]}${test.gzipped ? '.gz' : ''}`);
    writeFileSync(inputPath, test.bytes);
  }
  const viaStdin = test.stdin && test.command.stdin === true;
  const args = test.command.args.map((arg) => {
    switch (arg) {
      case '{input}':
        return viaStdin ? '-' : inputPath;
      case '{rundir}':
        return join(workDirectory, 'run');
      case '{out}':
        outputs.push(`${out}${test.command.outputEnding}`);
        return outputs.at(-1)!;
      case '{outdir}':
        mkdirSync(out);
        outputs.push(out);
        return out;
      default:
        return arg;
    }
  });
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: workDirectory,
    input: viaStdin ? test.bytes : '',
    encoding: 'utf8',
    timeout: timeLimitMs,
    killSignal: 'SIGKILL',
    maxBuffer: 256 << 20,
    // GHCPROF_DEBUG would add stack traces to internal errors: the fuzzer wants what users see.
    env: { ...process.env, GHCPROF_DEBUG: '' },
  });
  const timedOut = result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT';
  return {
    args: args.map((arg) => arg.replace(workDirectory, '$WORK')),
    names: viaStdin ? ['-'] : [inputPath],
    run: {
      status: result.status,
      signal: result.signal,
      timedOut,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? '',
      outputBytes: outputs.reduce((sum, path) => sum + bytesUnder(path), 0),
    },
  };
}
