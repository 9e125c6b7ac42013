// GC pauses: overlapping intervals of capabilities merge into one pause whatever order the
// capabilities' blocks come in, GC_STATS give each pause its generation, and what is held while
// the log streams stays bounded by the capabilities' lead over one another, not the log's length.
// Expected values are worked out here by brute force, not by the code under test.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { GcPauseCollector, type GcPauses } from '../../src/analyze/gc-pauses.js';
import { PauseTallies } from '../../src/analyze/pause-tallies.js';

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

/** Every pause as [start, end, generation], read batch by batch. */
function pauseList(pauses: GcPauses): Array<[number, number, number]> {
  const list: Array<[number, number, number]> = [];
  pauses.forEachBatch(({ count, startsNs, endsNs, generations }) => {
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) list.push([startsNs[i]!, endsNs[i]!, generations[i]!]);
  });
  expect(list.length, 'count').toBe(pauses.count);
  return list;
}

/** The first reading of the pauses made from them as read, one by one in time order. */
function talliesOf(pauses: GcPauses): PauseTallies {
  const tallies = new PauseTallies();
  for (const [start, end, generation] of pauseList(pauses)) tallies.add(end - start, generation);
  return tallies;
}

function pausesAsPairs(pauses: GcPauses): Array<[number, number]> {
  return pauseList(pauses).map(([start, end]) => [start, end]);
}

function generationsOf(pauses: GcPauses): number[] {
  return pauseList(pauses).map(([, , generation]) => generation);
}

interface Stats {
  cap: number;
  time: number;
  generation: number;
}

/** Each pause of the union takes the oldest generation of the GC_STATS from its start to the next pause's start. */
function generationsByBruteForce(union: Array<[number, number]>, stats: readonly Stats[]): number[] {
  return union.map(([start], i) => {
    const nextStart = i + 1 < union.length ? union[i + 1]![0] : Infinity;
    return Math.max(-1, ...stats.filter(({ time }) => time >= start && time < nextStart).map(({ generation }) => generation));
  });
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
    collector.gcStats(0, 200, 0);
    collector.gcStats(1, 201, 1);
    collector.gcStats(1, 600, 0);
    const pauses = collector.pauses();
    expect(pausesAsPairs(pauses)).toEqual([
      [100, 200],
      [300, 400],
      [500, 600],
    ]);
    expect(generationsOf(pauses)).toEqual([1, -1, 0]);
  });
});

describe('GcPauseCollector as the log streams', () => {
  it('gives pauses and generations as brute force does, with capabilities leading or flushed late and GC_STATS on any capability', () => {
    const next = seededRandom(2024);
    for (let trial = 0; trial < 200; trial++) {
      const caps = 1 + Math.floor(next() * 4);
      const intervals: Interval[] = [];
      const stats: Stats[] = [];
      let time = Math.floor(next() * 1e6);
      const gcs = 50 + Math.floor(next() * 1500);
      for (let gc = 0; gc < gcs; gc++) {
        time += 1 + Math.floor(next() * 5000);
        const joining = Array.from({ length: caps }, (_, cap) => cap).filter(() => next() < 0.7);
        if (joining.length === 0) joining.push(0);
        let end = time;
        for (const cap of joining) {
          const start = time + Math.floor(next() * 30);
          const interval = { cap, start, end: start + Math.floor(next() * 3000) };
          intervals.push(interval);
          end = Math.max(end, interval.end);
          // GHC posts GC_STATS from a capability inside its GC.
          if (next() < 0.5) stats.push({ cap, time: interval.start + Math.floor(next() * (interval.end - interval.start + 1)), generation: Math.floor(next() * 3) });
        }
        time = end;
      }
      // Each capability's events in time order, in blocks; blocks of the capabilities interleaved
      // in rounds with some capabilities a few blocks ahead and some written only at the end.
      const blockSize = 1 + Math.floor(next() * 80);
      type Event = { time: number; write: (collector: GcPauseCollector) => void };
      const blocksByCap = Array.from({ length: caps }, (_, cap) => {
        const events: Event[] = [];
        for (const interval of intervals.filter((candidate) => candidate.cap === cap)) {
          events.push({ time: interval.start, write: (collector) => collector.gcStart(cap, interval.start) });
          events.push({ time: interval.end, write: (collector) => collector.gcEnd(cap, interval.end) });
        }
        for (const stat of stats.filter((candidate) => candidate.cap === cap)) {
          events.push({ time: stat.time, write: (collector) => collector.gcStats(cap, stat.time, stat.generation) });
        }
        // Stable: a GC_STATS at its interval's end comes after the GC_END, a start before its end.
        events.sort((a, b) => a.time - b.time);
        return Array.from({ length: Math.ceil(events.length / blockSize) }, (_, b) => events.slice(b * blockSize, b * blockSize + blockSize));
      });
      const lead = Array.from({ length: caps }, () => (next() < 0.3 ? Math.floor(next() * 4) : 0));
      const late = new Set(Array.from({ length: caps }, (_, cap) => cap).filter(() => next() < 0.15));
      // Settling after a few intervals held, so that the logs' lengths cross many settlings.
      const collector = new GcPauseCollector(1 + Math.floor(next() * 300));
      const rounds = Math.max(...blocksByCap.map((blocks) => blocks.length));
      const written = blocksByCap.map(() => 0);
      for (let round = 0; round < rounds + 4; round++) {
        for (let cap = 0; cap < caps; cap++) {
          if (late.has(cap)) continue;
          while (written[cap]! <= Math.min(round + lead[cap]!, blocksByCap[cap]!.length - 1)) {
            for (const event of blocksByCap[cap]![written[cap]!]!) event.write(collector);
            written[cap]!++;
          }
        }
      }
      for (const cap of late) for (const block of blocksByCap[cap]!) for (const event of block) event.write(collector);
      const pauses = collector.pauses();
      const union = unionOf(intervals);
      expect(pausesAsPairs(pauses), `trial ${trial}`).toEqual(union);
      expect(generationsOf(pauses), `trial ${trial}`).toEqual(generationsByBruteForce(union, stats));
      // The figures counted as the pauses settled (late ones merged in) are those of the pauses as read.
      expect(pauses.tallies, `trial ${trial}`).toEqual(talliesOf(pauses));
    }
  });

  it('leaves a GC_STATS for the late intervals to place when one of them started after its pause', () => {
    const collector = new GcPauseCollector();
    collector.gcStart(1, 100);
    collector.gcEnd(1, 200);
    collector.gcStats(1, 250, 2);
    // Capability 0 goes back in time: [220, 230] comes late, and the GC_STATS at 250 is its pause's.
    for (const [start, end] of [
      [300, 310],
      [220, 230],
    ] as const) {
      collector.gcStart(0, start);
      collector.gcEnd(0, end);
    }
    const pauses = collector.pauses();
    expect(pausesAsPairs(pauses)).toEqual([
      [100, 200],
      [220, 230],
      [300, 310],
    ]);
    expect(generationsOf(pauses)).toEqual([-1, 2, -1]);
  });

  it('reads the pauses as often as asked, keeping lengths beyond 2^33 ns and ends before starts exactly', () => {
    const next = seededRandom(7);
    const collector = new GcPauseCollector();
    const expected: Array<[number, number]> = [];
    let time = 2 ** 50;
    for (let i = 0; i < 3000; i++) {
      const start = time;
      const end = i % 500 === 7 ? start - 1 - Math.floor(next() * 1e6) : start + (next() < 0.1 ? 2 ** 33 + Math.floor(next() * 1e9) : Math.floor(next() * 1e7));
      collector.gcStart(0, start);
      collector.gcEnd(0, end);
      expected.push([start, end]);
      time = Math.max(start, end) + 1 + Math.floor(next() * 1e9);
    }
    const pauses = collector.pauses();
    expect(pausesAsPairs(pauses)).toEqual(expected);
    expect(pausesAsPairs(pauses), 'a second reading').toEqual(expected);
  });

  it('holds only what comes after the slowest capability: 100,000 GCs on 2 capabilities written in blocks of 100', () => {
    const collector = new GcPauseCollector(1000);
    const gcs = 100_000;
    const block = 100;
    let mostHeld = 0;
    for (let first = 0; first < gcs; first += block) {
      for (const cap of [1, 0]) {
        for (let gc = first; gc < first + block; gc++) {
          collector.gcStart(cap, gc * 1000 + cap);
          collector.gcEnd(cap, gc * 1000 + 500);
          collector.gcStats(cap, gc * 1000 + 400, gc % 3);
        }
        mostHeld = Math.max(mostHeld, collector.held);
      }
    }
    // Intervals and GC_STATS: up to 1000 intervals held before a settling, and a block of one capability ahead of the other.
    expect(mostHeld).toBeGreaterThan(1000);
    expect(mostHeld).toBeLessThan(2 * (1000 + 2 * block));
    const pauses = collector.pauses();
    expect(pauses.count).toBe(gcs);
    const generations = generationsOf(pauses);
    expect(generations.every((generation, gc) => generation === gc % 3)).toBe(true);
  });

  it('holds little when a capability stops taking part in GCs, and still unites exactly when it comes back late', () => {
    const collector = new GcPauseCollector(1000);
    const intervals: Interval[] = [{ cap: 1, start: 0, end: 10 }];
    collector.gcStart(1, 0);
    collector.gcEnd(1, 10);
    let mostHeld = 0;
    for (let gc = 1; gc <= 50_000; gc++) {
      intervals.push({ cap: 0, start: gc * 100, end: gc * 100 + 40 });
      collector.gcStart(0, gc * 100);
      collector.gcEnd(0, gc * 100 + 40);
      mostHeld = Math.max(mostHeld, collector.held);
    }
    expect(mostHeld).toBeLessThanOrEqual(1000);
    // Capability 1's next block: GCs overlapping some of capability 0's, long passed.
    for (let gc = 1; gc <= 50_000; gc += 97) {
      intervals.push({ cap: 1, start: gc * 100 + 30, end: gc * 100 + 70 });
      collector.gcStart(1, gc * 100 + 30);
      collector.gcEnd(1, gc * 100 + 70);
    }
    expect(pausesAsPairs(collector.pauses())).toEqual(unionOf(intervals));
  });
});
