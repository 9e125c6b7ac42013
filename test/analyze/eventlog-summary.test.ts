// The eventlog summary against figures recomputed from ghc-events' own text dump of each
// log (the .reference files), which our decoder shares nothing with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summariseEventlog } from '../../src/analyze/eventlog-summary.js';
import { allSampleFiles, readSample, samplePath } from '../support/samples.js';

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
      const summary = await summariseEventlog([readFileSync(samplePath(file))], file);
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
    const summary = await summariseEventlog([readFileSync(samplePath('workers/n2.eventlog'))], 'n2');
    expect(summary.capabilities).toBe(2);
    expect(summary.rtsVersion).toMatch(/^GHC-9\.0\.2/);
    const counted = summary.gc.byGeneration.reduce((sum, generation) => sum + generation.count, 0);
    expect(counted).toBe(summary.gc.pauses.count);
  });

  it('a truncated log summarises what was read and warns with the byte offset', async () => {
    const bytes = readFileSync(samplePath('interp/a/time.eventlog'));
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    const summary = await summariseEventlog([cut], 'cut.eventlog');
    expect(summary.events).toBeGreaterThan(100);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]!.location.byteOffset).toBeGreaterThan(0);
  });
});
