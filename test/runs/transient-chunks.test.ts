// Readers that copy what they keep (the eventlog summary, the first pass of `events`) read a file
// into a few reused buffers. They must get the bytes fresh chunks hold, a chunk must hold still
// until the one after the next is asked for, a reader that stops early must leave no file open,
// and a file gone when it is read is an InputError naming it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { openInput } from '../../src/runs/input.js';
import { reusedBufferChunks } from '../../src/runs/reused-buffer-chunks.js';
import { summariseEventlogChunks } from '../../src/summarise-eventlog.js';
import { ghcprof } from '../support/run-ghcprof.js';
import { sampleBytes, samplePath } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-transient-'));

async function concat(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk.slice());
  return Buffer.concat(parts);
}

/** Descriptors this process has open (Linux). */
const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

describe('InputSource.transientChunks', () => {
  it('gives the bytes chunks() gives, for a file of more chunks than buffers and for gzip', async () => {
    const log = sampleBytes('ledger/by-type-hy.eventlog');
    const many = Buffer.concat(Array.from({ length: 12 }, () => log)); // 3.7 MB: four 1 MiB chunks
    const plain = join(scratch, 'plain.eventlog');
    const zipped = join(scratch, 'zipped.eventlog');
    writeFileSync(plain, many);
    writeFileSync(zipped, gzipSync(many));
    expect(Buffer.compare(await concat(openInput(plain).transientChunks()), many)).toBe(0);
    expect(Buffer.compare(await concat(openInput(zipped).transientChunks()), many)).toBe(0);
    const input = openInput(plain);
    await concat(input.transientChunks());
    expect(input.bytesRead()).toBe(many.length);
  });

  it('an empty file gives no chunk', async () => {
    const empty = join(scratch, 'empty.eventlog');
    writeFileSync(empty, '');
    expect(await concat(openInput(empty).transientChunks())).toHaveLength(0);
  });

  it('a file gone by the time it is read is an InputError naming it', async () => {
    const gone = join(scratch, 'gone.eventlog');
    writeFileSync(gone, 'hdrb');
    const input = openInput(gone);
    rmSync(gone);
    const reading = concat(input.transientChunks());
    await expect(reading).rejects.toThrow(InputError);
    await expect(reading).rejects.toThrow(/gone\.eventlog: no such file/);
  });
});

describe('reusedBufferChunks', () => {
  const CHUNK = 4096;
  const CHUNKS = 10;
  const path = join(scratch, 'numbered.bin');
  // Every byte of a chunk is the chunk's number: a chunk overwritten by a later read shows.
  writeFileSync(path, Uint8Array.from({ length: CHUNK * CHUNKS - 7 }, (_, i) => Math.floor(i / CHUNK)));

  it('holds a chunk as it was while the next one is worked on', async () => {
    let before: Uint8Array | null = null;
    let index = 0;
    let read = 0;
    for await (const chunk of reusedBufferChunks(path, CHUNK, (bytes) => (read += bytes))) {
      expect(chunk.every((byte) => byte === index)).toBe(true);
      if (before !== null) expect(before.every((byte) => byte === index - 1)).toBe(true);
      before = chunk;
      index += 1;
    }
    expect(index).toBe(CHUNKS);
    expect(read).toBe(CHUNK * CHUNKS - 7);
  });

  it('a reader that stops early leaves no file open', async () => {
    const open = openDescriptors();
    for (let i = 0; i < 20; i += 1) {
      for await (const chunk of reusedBufferChunks(path, CHUNK, () => undefined)) {
        if (chunk[0] === 2) break;
      }
    }
    expect(openDescriptors()).toBe(open);
  });

  it('the eventlog summary read through small reused buffers is the one read from fresh chunks', async () => {
    // 4 KB chunks: events and blocks cross chunk ends 76 times, each one read from a buffer that is
    // overwritten two chunks later.
    const source = samplePath('ledger/by-type-hy.eventlog');
    const reused = await summariseEventlogChunks(reusedBufferChunks(source, CHUNK, () => undefined), source);
    const fresh = await summariseEventlogChunks(openInput(source).chunks(), source);
    expect(reused.events).toBeGreaterThan(1000);
    expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
  });
});

describe('commands that read a file into reused buffers', () => {
  it('print of a 68 MB eventlog what they print of it gzipped (read into fresh chunks)', () => {
    const zipped = samplePath('big/gc-heavy.eventlog.gz');
    const plain = join(scratch, 'gc-heavy.eventlog');
    writeFileSync(plain, gunzipSync(readFileSync(zipped)));
    // The output's digest, the summary's heading naming the file left out.
    const digest = (command: string, file: string, ...options: string[]): string => {
      const out = join(scratch, 'out.txt');
      const run = ghcprof([command, file, ...options, '-o', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const text = readFileSync(out);
      const body = text.subarray(text.subarray(0, file.length).toString() === file ? file.length : 0);
      return createHash('sha256').update(body).digest('hex');
    };
    expect(digest('eventlog', plain)).toBe(digest('eventlog', zipped));
    expect(digest('events', plain)).toBe(digest('events', zipped));
    expect(digest('events', plain, '--file-order')).toBe(digest('events', zipped, '--file-order'));
    rmSync(plain);
  });
});
