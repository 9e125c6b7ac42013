// samples/interp/a/corrupt-p-hc.eventlog was corrupted by GHC 9.0 itself (`+RTS -p -hc -l`
// interleaves time and heap samples in the global buffer: GHC #25165, ghc-events #109). The decoder
// must stop where the events leave their block's time range, keep everything before, and warn.
import { describe, expect, it } from 'vitest';
import { formatWarning } from '../../../src/model/diagnostic.js';
import { decodeAll, renderShow, sampleBytes, splitAt } from './helpers.js';

const CORRUPT = 'interp/a/corrupt-p-hc.eventlog';

/**
 * An independent, minimal walk over the file: header sizes, then events; returns where the first
 * event lies after its block's end time (block marker: u32 size from the marker's start, u64 end
 * time, u16 cap; EventLogFormat.h) and how many events precede it.
 */
function firstEventAfterItsBlock(bytes: Uint8Array): { byteOffset: number; eventsBefore: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  const sizes = new Map<number, number>();
  let at = 8; // "hdrb" "hetb"
  while (ascii(at) === 'etb\0') {
    const id = view.getUint16(at + 4);
    const size = view.getUint16(at + 6);
    const descriptionBytes = view.getUint32(at + 8);
    const extraAt = at + 12 + descriptionBytes;
    at = extraAt + 4 + view.getUint32(extraAt) + 4; // extra info, "ete\0"
    sizes.set(id, size);
  }
  at += 12; // "hete" "hdre" "datb"
  let events = 0;
  let blockEnd = 0;
  let blockEndTime = 0n;
  while (at + 2 <= bytes.length) {
    const type = view.getUint16(at);
    const time = view.getBigUint64(at + 2);
    const declared = sizes.get(type)!;
    const headerBytes = declared === 0xffff ? 12 : 10;
    const payloadBytes = declared === 0xffff ? view.getUint16(at + 10) : declared;
    if (type === 18) {
      blockEnd = at + view.getUint32(at + 10);
      blockEndTime = view.getBigUint64(at + 14);
    } else if (at < blockEnd && time > blockEndTime) {
      return { byteOffset: at, eventsBefore: events };
    }
    events++;
    at += headerBytes + payloadBytes;
  }
  throw new Error('no event outside its block');
}

describe('a log GHC corrupted', () => {
  const bytes = sampleBytes(CORRUPT);
  const expected = firstEventAfterItsBlock(bytes);

  it('is caught where docs/formats.md §5.8 says: byte 420,279 after 23,234 events', () => {
    expect(expected).toEqual({ byteOffset: 420_279, eventsBefore: 23_234 });
  });

  it('yields every event before the corruption, then one warning at its byte offset', async () => {
    const decoded = await decodeAll([bytes], CORRUPT);
    expect(decoded.events.length).toBe(expected.eventsBefore);
    expect(decoded.warnings).toHaveLength(1);
    const [warning] = decoded.warnings;
    expect(warning!.location).toEqual({ source: CORRUPT, byteOffset: expected.byteOffset });
    expect(formatWarning(warning!)).toMatch(new RegExp(`^${CORRUPT}: byte ${expected.byteOffset}: .*corrupt`));
    expect(formatWarning(warning!)).not.toContain('\n');
    const last = decoded.events.at(-1)!;
    expect(last.byteOffset).toBeLessThan(expected.byteOffset);
  });

  it('prints the events before the corruption, sorted, and warns once', async () => {
    const { text, warnings } = await renderShow([bytes], CORRUPT);
    expect(warnings.map((w) => w.location.byteOffset)).toEqual([expected.byteOffset]);
    const lines = text.split('\n');
    const eventLines = lines.slice(lines.indexOf('Events:') + 1).filter((line) => /^\d+: /.test(line));
    expect(eventLines).toHaveLength(expected.eventsBefore);
    const times = eventLines.map((line) => Number(line.slice(0, line.indexOf(':'))));
    expect(times.every((time, i) => i === 0 || times[i - 1]! <= time)).toBe(true);
  });

  it('stops at the same place whatever the chunking', async () => {
    for (const cut of [1, 4096, expected.byteOffset - 5, expected.byteOffset, expected.byteOffset + 3]) {
      const decoded = await decodeAll(splitAt(bytes, cut), CORRUPT);
      expect(decoded.events.length).toBe(expected.eventsBefore);
      expect(decoded.warnings.map((w) => w.location.byteOffset)).toEqual([expected.byteOffset]);
    }
  });
});
