// The printer's order must be ghc-events' exactly: sorted by time, equal times in file order (a
// stable sort). The reader gets there by merging "lanes" (lanes.ts) of stored segments, so these
// tests build logs whose times go back and forth, with many ties, inside blocks of several
// capabilities, and compare with a plain stable sort of the events read in file order.
import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../../src/render/events-text/index.js';
import { headerOf } from '../../support/eventlog/internals.js';
import { decodeAll, eventLinesOf, renderShow, sampleBytes, splitAt } from './helpers.js';
import { payload, SyntheticEventlog } from './synthetic-eventlog.js';
import { seededRandom as random } from '../../support/seeded-random.js';


const RUN_THREAD = 1;
const GC_END = 10;
const BLOCK_MARKER = 18;
const USER_MESSAGE = 19;

/**
 * Blocks of up to 40 events for caps 0-2 and the global buffer, then a few events outside any
 * block. Times wander: mostly up, sometimes back (as GC_END and late blocks do), often equal.
 */
function wanderingLog(seed: number): SyntheticEventlog {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const log = new SyntheticEventlog()
    .declare(RUN_THREAD, 4, 'Run thread')
    .declare(GC_END, 0, 'Finished GC')
    .declare(BLOCK_MARKER, 14, 'Block marker')
    .declare(USER_MESSAGE, null, 'User message');
  let time = 1000;
  let thread = 0;
  const blocks = 1 + pick(6);
  for (let b = 0; b < blocks; b++) {
    // A block may start before the end of the one written before it.
    time = Math.max(0, time - pick(3) * 50);
    const events: { type: number; time: number; body: ReturnType<typeof payload> }[] = [];
    for (let e = pick(41); e > 0; e--) {
      const step = pick(10);
      time += step < 3 ? 0 : step < 8 ? pick(20) : 0;
      const type = [RUN_THREAD, GC_END, USER_MESSAGE][pick(3)]!;
      // GC_END is posted with an earlier time than events before it (rts/Trace.h).
      const at = type === GC_END && pick(2) === 0 ? Math.max(0, time - pick(30)) : time;
      const body = type === RUN_THREAD ? payload().u32(thread++) : type === USER_MESSAGE ? payload().text(`m${thread++}`) : payload();
      events.push({ type, time: at, body });
    }
    const blockStart = Math.min(time, ...events.map((e) => e.time));
    const bytes = events.reduce((sum, e) => sum + (e.type === USER_MESSAGE ? 12 : 10) + e.body.length, 0);
    const cap = [0, 1, 2, 0xffff][pick(4)]!;
    log.event(BLOCK_MARKER, blockStart, payload().u32(24 + bytes).u64(2 ** 40).u16(cap));
    for (const e of events) log.event(e.type, e.time, e.body);
  }
  for (let e = pick(4); e > 0; e--) log.event(RUN_THREAD, (time += pick(5)), payload().u32(thread++));
  return log;
}

/** The event lines in ghc-events' order, from a stable sort of the events in file order. */
async function stablySortedLines(bytes: Uint8Array): Promise<string[]> {
  const { events, warnings } = await decodeAll([bytes]);
  expect(warnings).toEqual([]);
  const header = headerOf(bytes);
  // Array.prototype.sort is stable.
  return splitLines([...events].sort((a, b) => a.timeNs - b.timeNs).map((event) => formatEvent(event, header)));
}

/** Lines as `eventLinesOf` gives them (a block marker's description ends in a newline of its own). */
function splitLines(formatted: string[]): string[] {
  return formatted.join('\n').split('\n').filter((line) => line.length > 0);
}

describe('events in time order', () => {
  it('equal times keep file order across lanes', async () => {
    const log = new SyntheticEventlog().declare(RUN_THREAD, 4, 'Run thread');
    [5, 3, 5, 3, 5, 4, 3].forEach((time, thread) => log.event(RUN_THREAD, time, payload().u32(thread)));
    const { text } = await renderShow([log.bytes()]);
    expect(eventLinesOf(text)).toEqual([
      '3: running thread 1',
      '3: running thread 3',
      '3: running thread 6',
      '4: running thread 5',
      '5: running thread 0',
      '5: running thread 2',
      '5: running thread 4',
    ]);
  });

  it('a strictly decreasing log (one lane per event) is reversed', async () => {
    const log = new SyntheticEventlog().declare(RUN_THREAD, 4, 'Run thread');
    for (let thread = 0; thread < 300; thread++) log.event(RUN_THREAD, 1000 - thread, payload().u32(thread));
    const { text } = await renderShow([log.bytes()]);
    const lines = eventLinesOf(text);
    expect(lines[0]).toBe('701: running thread 299');
    expect(lines.at(-1)).toBe('1000: running thread 0');
    expect(lines).toEqual(await stablySortedLines(log.bytes()));
  });

  it('wandering logs print in the order of a stable sort, with their capabilities', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const bytes = wanderingLog(seed).bytes();
      const { text, warnings } = await renderShow([bytes]);
      expect(warnings, `seed ${seed}`).toEqual([]);
      expect(eventLinesOf(text), `seed ${seed}`).toEqual(await stablySortedLines(bytes));
    }
  });

  it('the same whatever the chunking, and whether chunks are kept or copied', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = wanderingLog(seed).bytes();
      const { text } = await renderShow([bytes]);
      for (const size of [1, 7, 13, 64, 300]) {
        const offsets = Array.from({ length: Math.floor((bytes.length - 1) / size) }, (_, i) => (i + 1) * size);
        for (const keepChunks of [false, true]) {
          const chunked = await renderShow(splitAt(bytes, ...offsets), 'test.eventlog', { keepChunks });
          expect(chunked.text === text, `seed ${seed}, chunks of ${size}, keepChunks ${keepChunks}`).toBe(true);
        }
      }
    }
  });

  it('a kept chunk that is a small part of a larger buffer is copied, and later changes to the buffer do not show', async () => {
    const bytes = sampleBytes('ghc-events/parallelTest.eventlog');
    const expected = (await renderShow([bytes])).text;
    const shared = new Uint8Array(bytes.length * 4);
    shared.set(bytes);
    // Each chunk is a small view of `shared`; the caller scribbles over the buffer after the reader is done.
    const chunks = splitAt(bytes, 1000, 5000).map((chunk, i, all) => {
      const start = all.slice(0, i).reduce((sum, c) => sum + c.length, 0);
      return shared.subarray(start, start + chunk.length);
    });
    const printed = await renderShow(
      (function* () {
        yield* chunks;
      })(),
      'test.eventlog',
      { keepChunks: true },
    );
    shared.fill(0);
    expect(printed.text === expected).toBe(true);
  });
});

describe('events in file order', () => {
  it('print as read, chunk by chunk, the same lines as the decoded events', async () => {
    for (const sample of ['ghc-events/hello-ghc-8.6.5.eventlog', 'workers/n2.eventlog']) {
      const bytes = sampleBytes(sample);
      const header = headerOf(bytes);
      const { events } = await decodeAll([bytes]);
      const expected = splitLines(events.map((event) => formatEvent(event, header)));
      for (const chunks of [[bytes], splitAt(bytes, 100, 4000, 4001, 9000)]) {
        const { text, warnings } = await renderShow(chunks, sample, { order: 'file', keepChunks: true });
        expect(warnings).toEqual([]);
        expect(eventLinesOf(text)).toEqual(expected);
      }
    }
  });
});
