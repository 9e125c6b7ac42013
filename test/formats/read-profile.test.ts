import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { detectInputKind } from '../../src/formats/detect.js';
import { openInput } from '../../src/runs/input.js';
import { readProfile } from '../../src/formats/read-profile.js';
import { samplePath } from '../support/samples.js';

const bytesOf = (file: string): Uint8Array => readFileSync(samplePath(file));

describe('content sniffing', () => {
  it('tells the formats apart by content, not name', () => {
    expect(detectInputKind(bytesOf('interp/a/run-1.prof'))).toBe('prof-text');
    expect(detectInputKind(bytesOf('interp/a/run-1.json.prof'))).toBe('prof-json');
    expect(detectInputKind(bytesOf('interp/a/heap.hp'))).toBe('heap-profile');
    expect(detectInputKind(bytesOf('interp/a/time.eventlog'))).toBe('eventlog');
    expect(detectInputKind(new TextEncoder().encode('hello'))).toBe('unknown');
  });
});

describe('inputs: files, gzip, errors', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-test-'));

  it('reads a gzip-compressed profile transparently', async () => {
    const gz = join(scratch, 'run-1.prof.gz');
    writeFileSync(gz, gzipSync(bytesOf('interp/a/detailed-P.prof')));
    const plain = await readProfile(openInput(samplePath('interp/a/detailed-P.prof')).chunks(), 'plain');
    const input = openInput(gz);
    const zipped = await readProfile(input.chunks(), gz);
    expect(zipped.nodeCount).toBe(plain.nodeCount);
    expect(zipped.root!.inheritedTicks).toBe(plain.root!.inheritedTicks);
    expect(input.warnings).toEqual([]);
  });

  it('a cut-off .gz yields what inflated, and warns', async () => {
    const gz = join(scratch, 'cut.prof.gz');
    const full = gzipSync(bytesOf('interp/a/detailed-P.prof'));
    writeFileSync(gz, full.subarray(0, Math.floor(full.length * 0.6)));
    const input = openInput(gz);
    const profile = await readProfile(input.chunks(), gz);
    expect(input.warnings[0]!.message).toMatch(/gzip stream is damaged or truncated/);
    expect(profile.nodeCount).toBeGreaterThan(0);
    expect(profile.warnings.length).toBeGreaterThan(0);
  });

  it('a missing file is an InputError naming it', () => {
    expect(() => openInput(join(scratch, 'nope.prof'))).toThrow(/nope\.prof: no such file/);
  });

  it('an empty file is an error naming byte 0', async () => {
    const empty = join(scratch, 'empty.prof');
    writeFileSync(empty, '');
    await expect(readProfile(openInput(empty).chunks(), empty)).rejects.toThrow(/empty\.prof: byte 0: empty input/);
  });

  it('a heap profile or unknown file given as a time profile is a clear error', async () => {
    await expect(readProfile(openInput(samplePath('interp/a/heap.hp')).chunks(), 'heap.hp')).rejects.toThrow(/heap profile/);
    const junk = join(scratch, 'junk.txt');
    writeFileSync(junk, 'just some text\n');
    await expect(readProfile(openInput(junk).chunks(), junk)).rejects.toBeInstanceOf(InputError);
  });
});
