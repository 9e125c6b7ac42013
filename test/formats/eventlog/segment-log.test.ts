// The store's segment records are varints in chunks that grow: every value must come back as it
// went in, across chunk ends and up to the sizes a log of many gigabytes gives (beyond 2^32).
import { describe, expect, it } from 'vitest';
import { SegmentLog } from '../../support/eventlog/internals.js';
import { seededRandom } from '../../support/seeded-random.js';

type Record = [gapEvents: number, gapBytes: number, cap: number, eventCount: number, byteLength: number];

function roundTrip(records: Record[]): Record[] {
  const log = new SegmentLog();
  for (const record of records) log.push(...record);
  const reader = log.reader();
  const read: Record[] = [];
  while (reader.next()) {
    const { gapEvents, gapBytes, cap, eventCount, byteLength } = reader.record;
    read.push([gapEvents, gapBytes, cap, eventCount, byteLength]);
  }
  return read;
}

describe('SegmentLog', () => {
  it('gives back no record when none was pushed', () => {
    expect(roundTrip([])).toEqual([]);
  });

  it('gives back values at every varint length, up to 2^53, and capability -1', () => {
    const edges = [0, 1, 127, 128, 16383, 16384, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 35 + 5, Number.MAX_SAFE_INTEGER];
    const records: Record[] = edges.map((value) => [value, value, -1, value, value]);
    records.push([0, 5, 65535, 1, 10]);
    expect(roundTrip(records)).toEqual(records);
  });

  it('gives back 300 000 random records in order, across many chunks', () => {
    const next = seededRandom(12);
    const value = (): number => Math.floor(next() ** 4 * 2 ** (1 + Math.floor(next() * 40)));
    const records: Record[] = Array.from({ length: 300_000 }, () => [value(), value(), Math.floor(next() * 70) - 1, value() + 1, value() + 1]);
    expect(roundTrip(records)).toEqual(records);
  });
});
