// Interrupted while writing `-o` (Ctrl-C, `kill`, a closed terminal): the temporary file beside
// the target is removed, the target is left as it was, and the exit code is the one a shell
// gives a process killed by the signal, 128 + its number.
import { spawn } from 'node:child_process';
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePath } from '../support/samples.js';
import { ghcprofBin } from '../support/run-ghcprof.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-signals-'));
chmodSync(scratch, 0o755);
/** gc-heavy's 68 MB of eventlog, plain: `events` on it takes a couple of seconds. */
const eventlog = join(scratch, 'gc-heavy.eventlog');

beforeAll(async () => {
  await pipeline(createReadStream(samplePath('big/gc-heavy.eventlog.gz')), createGunzip(), createWriteStream(eventlog));
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

describe('a signal while -o is being written', () => {
  for (const signal of SIGNALS) {
    it(`${signal}: the temporary file is removed, the old output kept, exit 128 + ${constants.signals[signal]}`, async () => {
      const dir = mkdtempSync(join(scratch, `${signal}-`));
      const out = join(dir, 'events.txt');
      writeFileSync(out, 'old\n');
      const child = spawn(process.execPath, [ghcprofBin, 'events', eventlog, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, killedBy) => resolve({ code, signal: killedBy })));
      // The signal comes in the middle of the writing: once the temporary file has some of the output.
      const partlyWritten = (): boolean => readdirSync(dir).some((name) => name.endsWith('.tmp') && (statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0) > 0);
      expect(await waitFor(partlyWritten, 30_000)).toBe(true);
      child.kill(signal);
      const result = await exited;
      expect(result, stderr).toEqual({ code: 128 + constants.signals[signal], signal: null });
      expect(readdirSync(dir)).toEqual(['events.txt']);
      expect(readFileSync(out, 'utf8')).toBe('old\n');
    });
  }
});
