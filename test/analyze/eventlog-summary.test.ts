// The eventlog summary against figures recomputed from ghc-events' own text dump of each
// log (the .reference files), which our decoder shares nothing with.
import { readFileSync } from 'node:fs';
import { max, mean, quantileSorted, sum } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { summariseEventlog } from '../../src/index.js';
import { allSampleFiles, readSample, samplePath } from '../support/samples.js';
import { seededRandom } from '../support/seeded-random.js';
import { decodeAll } from '../formats/eventlog/helpers.js';
import { payload, SyntheticEventlog } from '../formats/eventlog/synthetic-eventlog.js';

interface ReferenceFigures {
  lastTimeNs: number;
  threadsCreated: number;
  markers: Array<{ timeNs: number; name: string }>;
  timeSamples: number;
  heapCensuses: number;
  peakLive: number | null;
  peakSize: number | null;
  allocated: number | null;
  pauses: Array<[number, number]>;
}

function referenceFigures(text: string): ReferenceFigures {
  const lines = text.split('\n').filter((line) => /^\s*\d+: /.test(line));
  const open = new Map<string, number>();
  const intervals: Array<[number, number]> = [];
  const allocatedByCap = new Map<string, number>();
  let peakLive: number | null = null;
  let peakSize: number | null = null;
  let lastTimeNs = 0;
  const figures = { threadsCreated: 0, markers: [] as ReferenceFigures['markers'], timeSamples: 0, heapCensuses: 0 };
  for (const line of lines) {
    const time = Number(/^\s*(\d+):/.exec(line)![1]);
    lastTimeNs = Math.max(lastTimeNs, time);
    const cap = /^\s*\d+: cap (\d+):/.exec(line)?.[1] ?? '-';
    let match: RegExpExecArray | null;
    if (/: starting GC$/.test(line)) open.set(cap, time);
    else if (/: finished GC$/.test(line) && open.has(cap)) {
      intervals.push([open.get(cap)!, time]);
      open.delete(cap);
    } else if (/: creating thread \d+$/.test(line)) figures.threadsCreated++;
    else if ((match = /: marker: (.*)$/.exec(line))) figures.markers.push({ timeNs: time, name: match[1]! });
    else if (/, prof sample \d+, /.test(line)) figures.timeSamples++;
    else if (/: start heap prof sample \d+$/.test(line)) figures.heapCensuses++;
    else if ((match = /live data in heap capset \d+: (\d+) bytes$/.exec(line))) peakLive = Math.max(peakLive ?? 0, Number(match[1]));
    else if ((match = /size of heap capset \d+: (\d+) bytes$/.exec(line))) peakSize = Math.max(peakSize ?? 0, Number(match[1]));
    else if ((match = /allocated on heap capset \d+: (\d+) total bytes till now$/.exec(line))) allocatedByCap.set(cap, Number(match[1]));
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const pauses: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const last = pauses[pauses.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else pauses.push([start, end]);
  }
  const allocated = allocatedByCap.size > 0 ? [...allocatedByCap.values()].reduce((a, b) => a + b, 0) : null;
  return { lastTimeNs, ...figures, peakLive, peakSize, allocated, pauses };
}

describe('eventlog summary', () => {
  const logs = allSampleFiles().filter((file) => file.endsWith('.eventlog') && allSampleFiles().includes(`${file}.reference`));

  it('covers every eventlog with a reference', () => {
    expect(logs.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of logs) {
    it(`${file}: counts, peaks, GC pauses and markers as the reference dump has them`, async () => {
      const expected = referenceFigures(readSample(`${file}.reference`));
      const summary = await summariseEventlog([readFileSync(samplePath(file))], { source: file });
      expect(summary.durationSecs).toBeCloseTo(expected.lastTimeNs / 1e9, 9);
      expect(summary.threadsCreated).toBe(expected.threadsCreated);
      expect(summary.markers.map((marker) => [Math.round(marker.timeSecs * 1e9), marker.name])).toEqual(
        [...expected.markers].sort((a, b) => a.timeNs - b.timeNs).map((marker) => [marker.timeNs, marker.name]),
      );
      expect(summary.samples.timeProfile).toBe(expected.timeSamples);
      expect(summary.samples.heapCensuses).toBe(expected.heapCensuses);
      expect(summary.heap.peakLiveBytes).toBe(expected.peakLive);
      expect(summary.heap.peakSizeBytes).toBe(expected.peakSize);
      expect(summary.heap.allocatedBytes).toBe(expected.allocated);
      expect(summary.gc.pauses.count).toBe(expected.pauses.length);
      const totalSecs = expected.pauses.reduce((sum, [start, end]) => sum + (end - start), 0) / 1e9;
      expect(summary.gc.pauses.totalSecs).toBeCloseTo(totalSecs, 9);
      if (expected.pauses.length > 0) {
        expect(summary.gc.pauses.maxSecs).toBeCloseTo(Math.max(...expected.pauses.map(([s, e]) => e - s)) / 1e9, 9);
        expect(summary.gc.productivity).toBeCloseTo(1 - totalSecs / (expected.lastTimeNs / 1e9), 9);
      }
    });
  }

  it('per-generation pauses add up to all pauses on the threaded log', async () => {
    const summary = await summariseEventlog([readFileSync(samplePath('workers/n2.eventlog'))], { source: 'n2' });
    expect(summary.capabilities).toBe(2);
    expect(summary.rtsVersion).toMatch(/^GHC-9\.0\.2/);
    const counted = summary.gc.byGeneration.reduce((sum, generation) => sum + generation.count, 0);
    expect(counted).toBe(summary.gc.pauses.count);
  });

  it('a truncated log summarises what was read and warns with the byte offset', async () => {
    const bytes = readFileSync(samplePath('interp/a/time.eventlog'));
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    const summary = await summariseEventlog([cut], { source: 'cut.eventlog' });
    expect(summary.events).toBeGreaterThan(100);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]!.location.byteOffset).toBeGreaterThan(0);
  });

  it('pause figures are those of a plain computation over the events, to the last bit', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = parallelGcLog(seed).bytes();
      const summary = await summariseEventlog([bytes], { source: 'gc.eventlog' });
      const expected = await plainPauseFigures(bytes);
      expect(summary.gc.pauses, `seed ${seed}`).toEqual(expected.all);
      expect(summary.gc.byGeneration, `seed ${seed}`).toEqual(expected.byGeneration);
    }
  });

  it('heap and GC events declared too short for their fields count for nothing, as when decoded', async () => {
    const log = new SyntheticEventlog()
      .declare(GC_START, 0, 'Starting GC')
      .declare(GC_END, 0, 'Finished GC')
      .declare(HEAP_LIVE, 4, 'Live data in heap')
      .declare(GC_STATS, 6, 'GC statistics');
    log.event(GC_START, 10).event(GC_END, 20).event(HEAP_LIVE, 21, payload().u32(0)).event(GC_STATS, 22, payload().u32(0).u16(1));
    const summary = await summariseEventlog([log.bytes()], { source: 'short.eventlog' });
    expect(summary.heap.peakLiveBytes).toBeNull();
    expect(summary.gc.pauses.count).toBe(1);
    expect(summary.gc.byGeneration).toEqual([]);
  });
});

const GC_START = 9;
const GC_END = 10;
const BLOCK_MARKER = 18;
const HEAP_LIVE = 51;
const GC_STATS = 53;

/**
 * Parallel GCs of two capabilities, each capability's blocks written out of time order with the
 * other's (as the RTS flushes them), the intervals overlapping, touching or apart; GC_STATS of
 * generation 0, 1 or 2 after some, on either capability.
 */
function parallelGcLog(seed: number): SyntheticEventlog {
  const next = seededRandom(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  const log = new SyntheticEventlog()
    .declare(GC_START, 0, 'Starting GC')
    .declare(GC_END, 0, 'Finished GC')
    .declare(BLOCK_MARKER, 14, 'Block marker')
    .declare(GC_STATS, 58, 'GC statistics');
  const blocks: Array<Array<{ type: number; time: number; body?: ReturnType<typeof payload> }>> = [[], []];
  let time = 1000;
  for (let gc = 0; gc < 50 + pick(200); gc++) {
    time += pick(3) === 0 ? 0 : pick(500);
    for (const cap of [0, 1]) {
      const start = time + pick(3) * pick(40);
      const end = start + pick(4) * pick(300);
      blocks[cap]!.push({ type: GC_START, time: start }, { type: GC_END, time: end });
      if (pick(3) > 0) blocks[cap]!.push({ type: GC_STATS, time: end + pick(5), body: gcStats(pick(3)) });
      time = Math.max(time, end);
    }
    if (pick(20) === 0) {
      for (const cap of [1, 0]) {
        const events = blocks[cap]!.splice(0);
        const bodyBytes = events.reduce((total, event) => total + 10 + (event.body?.length ?? 0), 0);
        log.event(BLOCK_MARKER, Math.min(...events.map((event) => event.time), time), payload().u32(24 + bodyBytes).u64(2 ** 40).u16(cap));
        for (const event of events) log.event(event.type, event.time, event.body);
      }
    }
  }
  for (const cap of [1, 0]) {
    const events = blocks[cap]!;
    const bodyBytes = events.reduce((total, event) => total + 10 + (event.body?.length ?? 0), 0);
    log.event(BLOCK_MARKER, Math.min(...events.map((event) => event.time), time), payload().u32(24 + bodyBytes).u64(2 ** 40).u16(cap));
    for (const event of events) log.event(event.type, event.time, event.body);
  }
  return log;
}

function gcStats(generation: number): ReturnType<typeof payload> {
  return payload().u32(0).u16(generation).u64(1).u64(2).u64(3).u32(2).u64(4).u64(5).u64(6);
}

/** The pause figures computed plainly from the decoded events: objects, arrays and sorts with comparators. */
async function plainPauseFigures(bytes: Uint8Array): Promise<{ all: object; byGeneration: object[] }> {
  const { events } = await decodeAll([bytes]);
  const open = new Map<number | null, number>();
  const intervals: Array<{ start: number; end: number }> = [];
  const stats: Array<{ time: number; generation: number }> = [];
  for (const event of events) {
    if (event.info.kind === 'gcStart') open.set(event.cap, event.timeNs);
    else if (event.info.kind === 'gcEnd' && open.has(event.cap)) {
      intervals.push({ start: open.get(event.cap)!, end: event.timeNs });
      open.delete(event.cap);
    } else if (event.info.kind === 'gcStats') stats.push({ time: event.timeNs, generation: event.info.generation });
  }
  const pauses: Array<{ start: number; end: number; generation: number | null }> = [];
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = pauses.at(-1);
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else pauses.push({ start, end, generation: null });
  }
  for (const stat of stats) {
    const pause = pauses.filter((candidate) => candidate.start <= stat.time).at(-1);
    if (pause !== undefined) pause.generation = Math.max(pause.generation ?? 0, stat.generation);
  }
  const figures = (chosen: typeof pauses): object => {
    const sorted = chosen.map((pause) => (pause.end - pause.start) / 1e9).sort((a, b) => a - b);
    if (sorted.length === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
    return {
      count: sorted.length,
      meanSecs: mean(sorted),
      p50Secs: quantileSorted(sorted, 0.5),
      p95Secs: quantileSorted(sorted, 0.95),
      p99Secs: quantileSorted(sorted, 0.99),
      maxSecs: max(sorted),
      totalSecs: sum(sorted),
    };
  };
  const generations = [...new Set(pauses.flatMap((pause) => (pause.generation === null ? [] : [pause.generation])))].sort((a, b) => a - b);
  return {
    all: figures(pauses),
    byGeneration: generations.map((generation) => ({ generation, ...figures(pauses.filter((pause) => pause.generation === generation)) })),
  };
}
