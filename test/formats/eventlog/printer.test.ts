// The printer prints most events straight from their bytes, through each layout's line compiled
// against its field table (render/events-text/byte-lines.ts); `formatEventInfo` on the decoded
// event stays the definition of the text. These tests hold the two to the same output on every
// sample and on random payloads of every byte-printed layout, and check the output chunking.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputWarning } from '../../../src/model/diagnostic.js';
import { formatEvent } from '../../../src/render/events-text/index.js';
import { ALL_LAYOUTS, byteLineOf, headerOf, type PayloadLayout } from '../../support/eventlog/internals.js';
import { decodeAll } from '../../support/eventlog/read.js';
import { eventLinesOf, renderShow, sampleBytes, sampleText } from './helpers.js';
import { Bytes, payload, SyntheticEventlog } from './synthetic-eventlog.js';
import { seededRandom as random } from '../../support/seeded-random.js';

const samplesRoot = fileURLToPath(new URL('../../../samples/', import.meta.url));

function sampleEventlogs(dir = samplesRoot): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sampleEventlogs(path));
    else if (name.endsWith('.eventlog')) found.push(relative(samplesRoot, path));
  }
  return found.sort();
}

/** The event lines printed from decoded objects by `formatEvent` (which uses `formatEventInfo`), and the warnings. */
async function printFromObjects(bytes: Uint8Array): Promise<{ lines: string[]; warnings: InputWarning[] }> {
  const header = headerOf(bytes);
  const { events, warnings } = await decodeAll([bytes], 'test.eventlog', 'time');
  const formatted = events.map((event) => formatEvent(event, header));
  return { lines: formatted.join('\n').split('\n').filter((line) => line.length > 0), warnings };
}

async function expectSameAsObjects(bytes: Uint8Array, what: string): Promise<void> {
  const { text, warnings } = await renderShow([bytes]);
  const fromObjects = await printFromObjects(bytes);
  expect(warnings, what).toEqual(fromObjects.warnings);
  expect(eventLinesOf(text), what).toEqual(fromObjects.lines);
}

const LAYOUTS = ALL_LAYOUTS as readonly PayloadLayout[];

/** The layouts with fields whose events the printer prints straight from their bytes. */
const BYTE_PRINTED = LAYOUTS.filter((layout) => layout.fields.length > 0 && byteLineOf(layout) !== null);

/** Values around the printer's number-writing boundaries, and beyond 2^53 (printed as JavaScript prints the rounded Number). */
const EDGE_VALUES = [0n, 9n, 10n, 99n, 100n, 999n, 1000n, 9999n, 10000n, 99999999n, 100000000n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 10n ** 15n + 7n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 3n, 2n ** 63n, 2n ** 64n - 1n];

/** A value of random magnitude that fits `bytes` bytes. */
function randomValue(next: () => number, bytes: number): bigint {
  if (next() < 0.3) {
    const edge = EDGE_VALUES[Math.floor(next() * EDGE_VALUES.length)]!;
    if (edge < 2n ** BigInt(8 * bytes)) return edge;
  }
  const bits = Math.floor(next() * 8 * bytes) + 1;
  let value = 0n;
  for (let i = 0; i < bits; i++) value = (value << 1n) | (next() < 0.5 ? 1n : 0n);
  return value;
}

function bigEndian(bytes: number, value: bigint): number[] {
  const values = new Array<number>(bytes);
  for (let i = bytes - 1; i >= 0; i--) {
    values[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return values;
}

/** A payload for `layout` from its field table: each field a value of random magnitude, a valid stack. */
function randomPayload(layout: PayloadLayout, next: () => number): Bytes {
  const body = payload();
  for (const field of layout.fields) {
    const type = field.codec.type;
    if (type === 'absent') continue;
    if (type === 'cost-centre stack') {
      const depth = Math.floor(next() * 12);
      body.u8(depth);
      for (let i = 0; i < depth; i++) body.u32(Number(randomValue(next, 4)));
    } else if (type === 'u16 stop status' || type === 'u16 stop status, u32 info') {
      // Mostly codes the RTS writes, sometimes codes none does.
      body.u16(Math.floor(next() * 24));
      if (type === 'u16 stop status, u32 info') body.raw(bigEndian(4, randomValue(next, 4)));
    } else if (field.codec.bytes !== null) {
      body.raw(bigEndian(field.codec.bytes, randomValue(next, field.codec.bytes)));
    } else {
      throw new Error(`no random payload for a ${type} field`);
    }
  }
  // Newer writers may send more than the layout reads.
  for (let extra = Math.floor(next() * 3); extra > 0; extra--) body.u8(Math.floor(next() * 256));
  return body;
}

describe('printing from bytes prints what formatEventInfo prints', () => {
  for (const sample of sampleEventlogs()) {
    it(sample, async () => {
      await expectSameAsObjects(sampleBytes(sample), sample);
    });
  }

  it('the events that fill big logs are printed from their bytes', () => {
    const kinds = new Set(BYTE_PRINTED.map((layout) => layout.kind));
    for (const kind of ['runThread', 'stopThread', 'sparkCounters', 'gcStats', 'heapAllocated', 'heapSize', 'heapLive', 'blockMarker', 'heapProfSampleCostCentre', 'profSampleCostCentre']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('for random payloads of every layout printed from bytes', async () => {
    for (const layout of BYTE_PRINTED) {
      const next = random(layout.typeId * 100 + (layout.sizeBytes ?? 99));
      for (const ghc782 of [false, true]) {
        const log = new SyntheticEventlog();
        log.declare(layout.typeId, layout.sizeBytes, `type ${layout.typeId}`);
        // GHC 7.8.2 is told apart by declaring USER_MARKER but not HACK_BUG_T9003 (stop statuses).
        log.declare(58, null, 'User marker');
        if (!ghc782) log.declare(59, 0, 'Empty event for bug #9003');
        for (let i = 0; i < 200; i++) {
          const body = randomPayload(layout, next);
          // A fixed-size event carries exactly the declared size.
          const fixed = layout.sizeBytes === null ? body : payload().raw(body.values.slice(0, layout.sizeBytes));
          log.event(layout.typeId, i, fixed);
        }
        await expectSameAsObjects(log.bytes(), `type ${layout.typeId}, layout ${layout.sizeBytes}, ghc 7.8.2 ${ghc782}`);
      }
    }
  });

  it('for layouts read from a larger declared size (newer fields skipped)', async () => {
    for (const layout of BYTE_PRINTED.filter((l) => l.sizeBytes !== null)) {
      const next = random(layout.typeId);
      const body = randomPayload(layout, next).values.slice(0, layout.sizeBytes!);
      const log = new SyntheticEventlog()
        .declare(layout.typeId, layout.sizeBytes! + 5, `type ${layout.typeId}`)
        .event(layout.typeId, 7, payload().raw(body).raw([1, 2, 3, 4, 5]));
      await expectSameAsObjects(log.bytes(), `type ${layout.typeId}`);
    }
  });

  it('for every payloadless event', async () => {
    const log = new SyntheticEventlog();
    const payloadless = LAYOUTS.filter((layout) => layout.sizeBytes === 0);
    for (const layout of payloadless) log.declare(layout.typeId, 0, `type ${layout.typeId}`);
    payloadless.forEach((layout, i) => log.event(layout.typeId, i));
    await expectSameAsObjects(log.bytes(), 'payloadless');
  });

  it('numbers print as JavaScript prints them, beyond 2^53 too', async () => {
    const log = new SyntheticEventlog().declare(49, 12, 'Total heap mem ever allocated');
    EDGE_VALUES.forEach((value, i) => log.event(49, i, payload().u32(0).u64(value)));
    const { text } = await renderShow([log.bytes()]);
    expect(eventLinesOf(text)).toEqual(EDGE_VALUES.map((value, i) => `${i}: allocated on heap capset 0: ${Number(value)} total bytes till now`));
    expect(eventLinesOf(text)[20]).toBe('20: allocated on heap capset 0: 18446744073709552000 total bytes till now');
  });
});

describe('output chunks', () => {
  it('chunks of any size, given back and printed into again, make the same text', async () => {
    const sample = 'interp/a/heap.eventlog';
    const expected = sampleText(`${sample}.reference`);
    for (const chunkBytes of [1, 100, 4096, 1 << 16]) {
      const { text } = await renderShow([sampleBytes(sample)], sample, { chunkBytes });
      expect(text === expected, `chunks of ${chunkBytes}`).toBe(true);
    }
  });
});
