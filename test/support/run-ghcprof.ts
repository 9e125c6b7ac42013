// The built bin/ghcprof.js in a child process, as a user meets it, for the tests of files and
// errors: optionally as an unprivileged user, since root reads and writes through any mode
// bits and a permission test run as root would prove nothing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './samples.js';

export interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export const ghcprofBin = join(projectRoot, 'bin/ghcprof.js');

/** `nobody` on Debian: who permission tests run as when the tests run as root. */
const NOBODY = 65534;

export const runningAsRoot = process.getuid?.() === 0;

export interface RunOptions {
  /** Run as a user the mode bits apply to (as root: `nobody`; otherwise this user already is one). */
  unprivileged?: boolean;
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
}

export function ghcprof(args: readonly string[], options: RunOptions = {}): Outcome {
  const asNobody = options.unprivileged === true && runningAsRoot;
  const result = spawnSync(process.execPath, [ghcprofBin, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    input: options.input,
    env: options.env ?? process.env,
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Expects the run to have failed as bad input does: exit 2, one line on stderr (no stack, no "internal error") containing every one of `parts`. */
export function expectOneLineError(outcome: Outcome, ...parts: string[]): string {
  const lines = outcome.stderr.split('\n').filter((line) => line !== '');
  if (outcome.status !== 2 || lines.length !== 1 || !lines[0]!.startsWith('ghcprof: ') || /internal error/.test(lines[0]!) || parts.some((part) => !lines[0]!.includes(part))) {
    throw new Error(`expected exit 2 and one line of error naming ${parts.join(', ')}; got exit ${outcome.status}, stderr:\n${outcome.stderr}`);
  }
  return lines[0]!;
}
