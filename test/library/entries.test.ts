// The two entries from source: every shape of input the neutral one takes, gzip by
// DecompressionStream (or a given gunzip, or a clear error without either), and what the
// Node entry adds (paths, file: URLs, zlib, runs on disk).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as neutral from '../../src/index.js';
import * as nodeEntry from '../../src/node.js';
import { samplePath } from '../support/samples.js';

const PATH = samplePath('interp/a/detailed-P.prof');
const bytes = new Uint8Array(readFileSync(PATH));
const gzipped = new Uint8Array(gzipSync(bytes));
const expectedFolded = neutral.renderFolded(await neutral.readProfile(bytes));

function pieces(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += size) out.push(data.subarray(at, at + size));
  return out;
}

async function* slowly(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

/** A stream with only a reader, as a ReadableStream is where it is not async-iterable. */
function readerOnly(chunks: Uint8Array[]): neutral.ByteStream {
  let index = 0;
  return {
    getReader: () => ({
      read: () => Promise.resolve(index < chunks.length ? { done: false, value: chunks[index++] } : { done: true }),
      cancel: () => Promise.resolve(),
      releaseLock: () => undefined,
    }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the neutral entry', () => {
  const inputs: Array<[string, () => neutral.ByteInput]> = [
    ['Uint8Array', () => bytes],
    ['ArrayBuffer', () => bytes.slice().buffer],
    ['an array of 1-byte chunks', () => pieces(bytes, 1)],
    ['an async generator', () => slowly(pieces(bytes, 4096))],
    ['a Blob', () => new Blob([bytes])],
    ['a web ReadableStream', () => new Blob([bytes]).stream()],
    ['a stream with only getReader()', () => readerOnly(pieces(bytes, 1000))],
    ['gzip bytes (DecompressionStream)', () => gzipped],
    ['gzip in 3-byte chunks', () => slowly(pieces(gzipped, 3))],
  ];
  for (const [name, input] of inputs) {
    it(`reads ${name}`, async () => {
      const profile = await neutral.readProfile(input(), { source: 'in.prof' });
      expect(profile.metadata.source).toBe('in.prof');
      expect(profile.metadata.totalTicks).toBe(240);
      expect(profile.warnings).toEqual([]);
      expect(neutral.renderFolded(profile)).toBe(expectedFolded);
    });
  }

  it('names the input <input> unless told', async () => {
    expect((await neutral.readProfile(bytes)).metadata.source).toBe('<input>');
  });

  it('refuses a path with a hint, and text chunks', async () => {
    await expect(neutral.readProfile(PATH as unknown as Uint8Array)).rejects.toThrow(/readProfile: got a string.*not a path/);
    await expect(neutral.readProfile(['COST CENTRE'] as unknown as Uint8Array[])).rejects.toThrow(/gave text, not bytes; open it without an encoding/);
  });

  it('keeps what a truncated .gz held, with a warning first', async () => {
    const profile = await neutral.readProfile(gzipped.subarray(0, gzipped.length - 2000), { source: 'cut.prof.gz' });
    expect(profile.warnings[0]!.location.source).toBe('cut.prof.gz');
    expect(profile.warnings[0]!.message).toMatch(/^gzip stream is damaged or truncated .*; read \d+ uncompressed bytes$/);
    expect(profile.warnings.length).toBeGreaterThan(1);
  });

  it("passes the input's own failure through, not as a gzip warning", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield gzipped.subarray(0, 100);
      await Promise.resolve();
      throw new Error('disk on fire');
    }
    await expect(neutral.readProfile(failing())).rejects.toThrow('disk on fire');
  });

  it('says so where there is no DecompressionStream, and takes a gunzip instead', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    const error = await neutral.readProfile(gzipped, { source: 'x.prof.gz' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(neutral.InputError);
    expect((error as Error).message).toBe('x.prof.gz: byte 0: gzip-compressed, and this platform has no DecompressionStream: decompress it first, or pass a `gunzip` option');
    const gunzip: neutral.Gunzip = async function* (compressed) {
      const parts: Uint8Array[] = [];
      for await (const part of compressed) parts.push(part);
      yield new Uint8Array(gunzipSync(Buffer.concat(parts)));
    };
    expect(neutral.renderFolded(await neutral.readProfile(gzipped, { gunzip }))).toBe(expectedFolded);
    // Plain input needs no decompressor.
    expect((await neutral.readProfile(bytes)).metadata.totalTicks).toBe(240);
  });

  it('reads heap series and eventlog summaries from bytes', async () => {
    const heap = await neutral.readHeapSeries(readFileSync(samplePath('interp/a/heap.hp')), { source: 'heap.hp' });
    expect(heap.format).toBe('hp');
    expect(heap.samples.length).toBeGreaterThan(0);
    const summary = await neutral.summariseEventlog(new Blob([readFileSync(samplePath('interp/a/time.eventlog'))]), { source: 'time.eventlog' });
    expect(summary.source).toBe('time.eventlog');
    expect(summary.program).toBe('interp');
  });

  it('reports, aggregates and compares with the CLI defaults', async () => {
    const profile = await neutral.readProfile(bytes);
    const report = neutral.reportContent(profile, { top: 3, tree: { maxDepth: 2 } });
    expect(report.totals.map((row) => [row.label, row.ticks])).toEqual([
      ['lexeme', 92],
      ['eval', 83],
      ['symbol', 17],
    ]);
    expect(report.totalRows).toBeGreaterThan(3);
    expect(report.tree!.every((row) => row.depth <= 2)).toBe(true);
    expect(neutral.reportContent(profile).tree).toBeNull();

    const read = (side: string): Promise<neutral.Profile[]> =>
      Promise.all([1, 2, 3, 4, 5, 6].map((n) => neutral.readProfile(readFileSync(samplePath(`interp/${side}/run-${n}.prof`)), { source: `${side}/run-${n}.prof` })));
    const base = neutral.aggregateProfiles(await read('a'));
    const next = neutral.aggregateProfiles(await read('b'));
    expect(base.runs.map((run) => run.source)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `a/run-${n}.prof`));
    expect(base.runs[0]!.totals.secondsPerTick).toBeGreaterThan(0);
    const rows = neutral.summariseRows(base, base.rows('cost-centre'), ['time']);
    expect(rows.find((row) => row.label === 'eval')!.metrics.time!.n).toBe(6);
    const comparison = neutral.compareBuilds(base, next);
    expect(comparison.options).toEqual({ grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'holm', minPct: 0.5 });
    expect(comparison.runs).toEqual({ base: 6, next: 6 });
    expect(comparison.rows.length).toBeGreaterThan(0);
  });

  it('draws folded stacks from a profile or a tree', async () => {
    const profile = await neutral.readProfile(bytes);
    expect(neutral.renderFolded(profile.root!, 'time')).toBe(expectedFolded);
    expect(neutral.renderFolded({ root: null })).toBe('');
  });
});

describe('the Node entry', () => {
  it('has every name of the neutral entry, its readers replaced', () => {
    for (const name of Object.keys(neutral)) expect(nodeEntry, name).toHaveProperty(name);
    expect(nodeEntry.readProfile).not.toBe(neutral.readProfile);
    expect(nodeEntry.renderFolded).toBe(neutral.renderFolded);
    expect(Object.keys(nodeEntry).filter((name) => !(name in neutral)).sort()).toEqual(['aggregateRuns', 'zlibGunzip']);
  });

  it('reads paths, file: URLs, .gz files and gzip bytes (zlib)', async () => {
    const byPath = await nodeEntry.readProfile(PATH);
    expect(byPath.metadata.source).toBe(PATH);
    expect(nodeEntry.renderFolded(byPath)).toBe(expectedFolded);
    expect((await nodeEntry.readProfile(pathToFileURL(PATH))).metadata.totalTicks).toBe(240);
    expect((await nodeEntry.readProfile(gzipped)).metadata.totalTicks).toBe(240);
    const big = await nodeEntry.readProfile(samplePath('big/gc-heavy.eventlog.gz'));
    expect(big.metadata.format).toBe('eventlog');
    expect((await nodeEntry.readHeapSeries(samplePath('interp/a/heap.hp'))).format).toBe('hp');
    expect((await nodeEntry.summariseEventlog(samplePath('interp/a/time.eventlog'))).program).toBe('interp');
  });

  it('inflates gzip bytes with zlib, DecompressionStream or not; a truncated .gz warns first', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    expect(nodeEntry.renderFolded(await nodeEntry.readProfile(slowly(pieces(gzipped, 5))))).toBe(expectedFolded);
    const profile = await nodeEntry.readProfile(gzipped.subarray(0, gzipped.length - 2000));
    expect(profile.warnings[0]!.message).toMatch(/^gzip stream is damaged or truncated \(unexpected end of file\)/);
  });

  it("gives the CLI's messages for files that are not there", async () => {
    await expect(nodeEntry.readProfile(samplePath('interp/a/nope.prof'))).rejects.toThrow(/nope\.prof: no such file$/);
    await expect(nodeEntry.readProfile(samplePath('interp/a'))).rejects.toThrow(/is a directory, expected a profile file$/);
  });

  it('aggregates runs found on disk as `ghcprof aggregate` does', async () => {
    const found = await nodeEntry.aggregateRuns([samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof')]);
    expect(found.runDirectories).toHaveLength(1);
    expect(found.aggregator.runs.length).toBeGreaterThan(0);
    expect(found.aggregator.runs.every((run) => run.runDirectory !== null && run.node !== null)).toBe(true);
    expect(found.mixedBuilds).toBe(false);
  });
});
