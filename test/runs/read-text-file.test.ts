// The small files a run is described by are read by content: gzip is read through, whatever
// the name; a damaged one, or a missing one, is an InputError naming the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { readTextFile } from '../../src/runs/read-text-file.js';
import { readSample, samplePath } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-text-file-'));
const stats = readSample('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof/node-0/cardano-node.stats');

describe('readTextFile', () => {
  it('reads a plain file as UTF-8, and a gzip file through, by content', () => {
    const path = join(scratch, 'cardano-node.stats');
    writeFileSync(path, gzipSync(stats));
    expect(readTextFile(samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof/node-0/cardano-node.stats'))).toBe(stats);
    expect(readTextFile(path)).toBe(stats);
  });

  it('a damaged gzip file or a missing file is an InputError naming it', () => {
    const cut = join(scratch, 'cut.stats');
    const whole = gzipSync(stats);
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    expect(() => readTextFile(cut)).toThrow(InputError);
    expect(() => readTextFile(cut)).toThrow(new RegExp(`^${cut}: byte 0: not a readable gzip file \\(`));
    expect(() => readTextFile(join(scratch, 'absent.json'))).toThrow(/absent\.json: no such file/);
  });
});
