// Time order from an input read again at any offset (`reread`, a file on disk): the reader keeps
// only where the events are and reads them again for the merge, and must print exactly what it
// prints when it keeps the events, whatever the chunking, with pages read, left and read again.
import { describe, expect, it } from 'vitest';
import type { InputWarning } from '../../../src/model/diagnostic.js';
import { readEventlog, type RandomAccessInput } from '../../../src/formats/eventlog/index.js';
import { ChunkPool, EventsTextPrinter } from '../../../src/render/events-text/index.js';
import { allSampleFiles } from '../../support/samples.js';
import { firstDifference, renderShow, sampleBytes, splitAt, type Rendered } from './helpers.js';
import { payload, SyntheticEventlog } from './synthetic-eventlog.js';

const RUN_THREAD = 1;
const BLOCK_MARKER = 18;

/** `bytes` as a random-access input, counting the bytes read from it. */
function randomAccess(bytes: Uint8Array): RandomAccessInput & { bytesRead: number } {
  return {
    bytesRead: 0,
    readAt(into, position) {
      const piece = bytes.subarray(position, position + into.length);
      into.set(piece);
      this.bytesRead += piece.length;
      return piece.length;
    },
  };
}

/** The `ghc-events show` text of `chunks` in time order, with the events read again from `input`. */
async function renderRereading(chunks: Uint8Array[], input: RandomAccessInput): Promise<Rendered> {
  const warnings: InputWarning[] = [];
  const pieces: Buffer[] = [];
  const pool = new ChunkPool();
  const printer = new EventsTextPrinter({
    onWarning: (warning) => warnings.push(warning),
    pool,
    write: (piece) => {
      pieces.push(Buffer.from(piece));
      pool.release(piece);
    },
  });
  await readEventlog(chunks, { source: 'test.eventlog', order: 'time', reread: input }, printer);
  await printer.finish();
  return { text: Buffer.concat(pieces).toString('utf8'), warnings };
}

/** Chunks of `size` bytes. */
function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  return splitAt(bytes, ...Array.from({ length: Math.floor((bytes.length - 1) / size) }, (_, i) => (i + 1) * size));
}

describe('time order read again from the input', () => {
  const logs = allSampleFiles().filter((file) => file.endsWith('.eventlog'));

  it('covers the sample eventlogs', () => {
    expect(logs.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of logs) {
    it(`${file}: the same text as with the events kept, in one chunk or many`, async () => {
      const bytes = sampleBytes(file);
      const kept = await renderShow([bytes], 'test.eventlog');
      for (const chunks of [[bytes], chunksOf(bytes, 4096), chunksOf(bytes, 333)]) {
        const input = randomAccess(bytes);
        const reread = await renderRereading(chunks, input);
        expect(firstDifference(reread.text, kept.text), `${chunks.length} chunks`).toBeNull();
        expect(reread.warnings).toEqual(kept.warnings);
      }
    });
  }

  it('reads each byte about once when the lanes keep close', async () => {
    const bytes = sampleBytes('workers/n2.eventlog');
    const input = randomAccess(bytes);
    await renderRereading(chunksOf(bytes, 4096), input);
    expect(input.bytesRead).toBeLessThan(bytes.length * 1.1);
  });

  it('pages held by lanes far behind stay as they are while later pages are read, left and used again', async () => {
    // Blocks of three capabilities, each block a stretch of its own time: the lanes that merge
    // them hold pages far apart, while the pages in between are read, left and read again.
    const log = new SyntheticEventlog().declare(RUN_THREAD, 4, 'Run thread').declare(BLOCK_MARKER, 14, 'Block marker');
    let thread = 0;
    for (let block = 0; block < 30; block++) {
      const cap = block % 3;
      const start = 1000 * Math.floor(block / 3) + cap;
      log.event(BLOCK_MARKER, start, payload().u32(24 + 40 * 14).u64(2 ** 40).u16(cap));
      for (let e = 0; e < 40; e++) log.event(RUN_THREAD, start + 3 * e, payload().u32(thread++));
    }
    // A strictly decreasing tail: a lane per event, each holding its page to the end.
    for (let e = 0; e < 50; e++) log.event(RUN_THREAD, 500 - e, payload().u32(thread++));
    const bytes = log.bytes();
    const kept = await renderShow([bytes], 'test.eventlog');
    for (const size of [14, 100, 1000]) {
      const reread = await renderRereading(chunksOf(bytes, size), randomAccess(bytes));
      expect(firstDifference(reread.text, kept.text), `chunks of ${size}`).toBeNull();
    }
  });

  it('an input that ends before the events read from it is an error, not a wrong text', async () => {
    const bytes = sampleBytes('workers/n2.eventlog');
    const shorter = randomAccess(bytes.subarray(0, bytes.length >> 1));
    await expect(renderRereading([bytes], shorter)).rejects.toThrow(/changed while it was read/);
  });
});
