// GC pauses: overlapping intervals of capabilities merge into one pause whatever order the
// capabilities' blocks come in; pause lengths come out sorted, overall and per generation.
// Expected values are worked out here by brute force, not by the code under test.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { GcPauseCollector, pauseLengths, type GcPauses } from '../../src/analyze/gc-pauses.js';

interface Interval {
  cap: number;
  start: number;
  end: number;
}

/** The union of intervals, by sorting them and sweeping: the textbook way. */
function unionOf(intervals: readonly Interval[]): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const union: Array<[number, number]> = [];
  for (const { start, end } of sorted) {
    const last = union.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else union.push([start, end]);
  }
  return union;
}

function pausesAsPairs(pauses: GcPauses): Array<[number, number]> {
  return Array.from(pauses.startsNs, (start, i) => [start, pauses.endsNs[i]!] as [number, number]);
}

describe('GcPauseCollector', () => {
  it('merges the intervals of a parallel GC into one pause, with capabilities written block by block out of time order', () => {
    const next = seededRandom(12);
    const caps = 4;
    const intervals: Interval[] = [];
    // 500 GCs 1e10 ns apart; each capability joins most of them, with its own start and end.
    for (let gc = 0; gc < 500; gc++) {
      for (let cap = 0; cap < caps; cap++) {
        if (next() < 0.2) continue;
        const start = gc * 1e10 + Math.floor(next() * 1000);
        intervals.push({ cap, start, end: start + 1 + Math.floor(next() * 5e6) });
      }
    }
    // The file: each capability's events in blocks of 37 intervals, the blocks of all capabilities interleaved in turn.
    const blocksByCap = Array.from({ length: caps }, (_, cap) => {
      const own = intervals.filter((interval) => interval.cap === cap);
      return Array.from({ length: Math.ceil(own.length / 37) }, (_, b) => own.slice(b * 37, b * 37 + 37));
    });
    const collector = new GcPauseCollector();
    for (let b = 0; blocksByCap.some((blocks) => b < blocks.length); b++) {
      for (let cap = caps - 1; cap >= 0; cap--) {
        for (const { start, end } of blocksByCap[cap]![b] ?? []) {
          collector.gcStart(cap, start);
          collector.gcEnd(cap, end);
        }
      }
    }
    const pauses = collector.pauses();
    const expected = unionOf(intervals);
    expect(pauses.count).toBe(expected.length);
    expect(pausesAsPairs(pauses)).toEqual(expected);
  });

  it('still merges a capability whose GCs go back in time (not what GHC writes)', () => {
    const collector = new GcPauseCollector();
    const intervals: Interval[] = [
      { cap: 0, start: 500, end: 600 },
      { cap: 0, start: 100, end: 200 },
      { cap: 1, start: 150, end: 250 },
      { cap: 0, start: 250, end: 300 },
      { cap: 1, start: 550, end: 700 },
    ];
    for (const { cap, start, end } of intervals) {
      collector.gcStart(cap, start);
      collector.gcEnd(cap, end);
    }
    expect(pausesAsPairs(collector.pauses())).toEqual(unionOf(intervals));
    expect(unionOf(intervals)).toEqual([
      [100, 300],
      [500, 700],
    ]);
  });

  it('unites like a sort of every interval would, for logs of many shapes (parallel or one-capability GCs, blocks of any size, capabilities first seen late)', () => {
    const next = seededRandom(99);
    for (let trial = 0; trial < 300; trial++) {
      const caps = 1 + Math.floor(next() * 5);
      const parallel = next() < 0.6;
      const intervals: Interval[] = [];
      let time = 0;
      for (let gc = 0; gc < 200; gc++) {
        time += 1 + Math.floor(next() * 3000);
        const length = Math.floor(next() * 2000);
        const joining = parallel ? Array.from({ length: caps }, (_, cap) => cap).filter(() => next() < 0.8) : [Math.floor(next() * caps)];
        // Capabilities join a parallel GC a little apart; ends may touch the next GC's start.
        for (const cap of joining) {
          const start = time + Math.floor(next() * 50);
          intervals.push({ cap, start, end: start + length + Math.floor(next() * 50) });
        }
        time += length;
      }
      const blockSize = 1 + Math.floor(next() * 60);
      const blocksByCap = Array.from({ length: caps }, (_, cap) => {
        const own = intervals.filter((interval) => interval.cap === cap);
        return Array.from({ length: Math.ceil(own.length / blockSize) }, (_, b) => own.slice(b * blockSize, b * blockSize + blockSize));
      });
      const collector = new GcPauseCollector();
      // Blocks in rounds, each round's capabilities in a random order; some capabilities' blocks all come at the end.
      const lateCaps = new Set(Array.from({ length: caps }, (_, cap) => cap).filter(() => next() < 0.3));
      const write = (cap: number, b: number): void => {
        for (const { start, end } of blocksByCap[cap]![b] ?? []) {
          collector.gcStart(cap, start);
          collector.gcEnd(cap, end);
        }
      };
      const rounds = Math.max(...blocksByCap.map((blocks) => blocks.length));
      for (let b = 0; b < rounds; b++) {
        const order = Array.from({ length: caps }, (_, cap) => cap).filter((cap) => !lateCaps.has(cap)).sort(() => next() - 0.5);
        for (const cap of order) write(cap, b);
      }
      for (const cap of lateCaps) for (let b = 0; b < rounds; b++) write(cap, b);
      expect(pausesAsPairs(collector.pauses()), `trial ${trial}`).toEqual(unionOf(intervals));
    }
  });

  it('ignores a GC_END without its GC_START, and keeps the capability of none (-1) apart', () => {
    const collector = new GcPauseCollector();
    collector.gcEnd(0, 5);
    collector.gcStart(-1, 10);
    collector.gcStart(0, 30);
    collector.gcEnd(-1, 20);
    collector.gcEnd(0, 40);
    expect(pausesAsPairs(collector.pauses())).toEqual([
      [10, 20],
      [30, 40],
    ]);
  });

  it('gives each pause the oldest generation of the GC_STATS that follow it', () => {
    const collector = new GcPauseCollector();
    for (const [cap, start, end] of [
      [1, 100, 200],
      [0, 110, 190],
      [0, 300, 400],
      [1, 500, 600],
    ] as const) {
      collector.gcStart(cap, start);
      collector.gcEnd(cap, end);
    }
    collector.gcStats(200, 0);
    collector.gcStats(201, 1);
    collector.gcStats(600, 0);
    const pauses = collector.pauses();
    expect(pausesAsPairs(pauses)).toEqual([
      [100, 200],
      [300, 400],
      [500, 600],
    ]);
    expect(Array.from(pauses.generations)).toEqual([1, -1, 0]);
  });
});

describe('pauseLengths', () => {
  it('gives every pause its length in seconds, in time order, and each generation its own, for lengths beyond 2^33 ns', () => {
    const next = seededRandom(7);
    const count = 3000;
    const startsNs = new Float64Array(count);
    const endsNs = new Float64Array(count);
    const generations = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      startsNs[i] = i * 1e10;
      endsNs[i] = startsNs[i]! + (next() < 0.1 ? 2 ** 33 + Math.floor(next() * 1e9) : Math.floor(next() * 1e7));
      generations[i] = next() < 0.1 ? -1 : Math.floor(next() * 3);
    }
    const lengths = pauseLengths({ count, startsNs, endsNs, generations });
    const all = Array.from({ length: count }, (_, i) => (endsNs[i]! - startsNs[i]!) / 1e9);
    expect(Array.from(lengths.allSecs)).toEqual(all);
    expect(lengths.byGeneration.map((group) => group.generation)).toEqual([0, 1, 2]);
    for (const { generation, secs } of lengths.byGeneration) expect(Array.from(secs)).toEqual(all.filter((_, i) => generations[i] === generation));
  });
});
