// Values no real run has, in otherwise sound files: the commands read on, leave the value out and
// say where it was, instead of failing inside (exit 3).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';
import { readSample, sampleBytes } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-impossible-'));

/** The offset of the only occurrence of `value` as a big-endian u64 in `bytes`. */
function offsetOfU64(bytes: Uint8Array, value: bigint): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) if (view.getBigUint64(i) === value) found.push(i);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('an eventlog whose wall-clock event holds no date', () => {
  // The sample's WALL_CLOCK_TIME seconds, as ghc-events printed them.
  const seconds = BigInt(/wall clock time (\d+)s/.exec(readSample('interp/a/time.eventlog.reference'))![1]!);
  const bytes = sampleBytes('interp/a/time.eventlog').slice();
  const at = offsetOfU64(bytes, seconds);
  new DataView(bytes.buffer).setBigUint64(at, 0xffff_ffff_ffff_ffffn);
  const path = join(scratch, 'far-future.eventlog');
  writeFileSync(path, bytes);
  // The event starts before its payload: type (2 bytes), time (8), capset (4).
  const eventOffset = at - 14;

  it.each([['eventlog'], ['report']])('%s reads it, leaves the start time unknown and warns once, naming the byte', async (command) => {
    const run = await runCli([command, path]);
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('wall-clock'));
    expect(warnings).toEqual([expect.stringContaining(`far-future.eventlog: byte ${eventOffset}: the wall-clock time event holds 18446744073709552000 s since 1970, which is no date`)]);
    expect(run.stderr).not.toContain('internal error');
  });
});
