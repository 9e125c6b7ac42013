// Pause figures read from pauses as the collector gives them equal simple-statistics' `sum`, mean,
// `quantile` and `max` of the lengths in seconds gathered into arrays: the definition the summary
// has always used, here computed the plain way for every group.
import { max, quantile, sum } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import type { GcPauses } from '../../src/analyze/gc-pauses.js';
import { pauseStatistics, type PauseStatistics } from '../../src/analyze/pause-statistics.js';
import { PauseTallies } from '../../src/analyze/pause-tallies.js';

type Pause = [startNs: number, endNs: number, generation: number];

/** The pauses in batches of up to 1000, and their first reading, as the collector gives them. */
function pausesOf(list: readonly Pause[]): GcPauses {
  const tallies = new PauseTallies();
  for (const [start, end, generation] of list) tallies.add(end - start, generation);
  return {
    count: list.length,
    tallies,
    forEachBatch: (visit) => {
      for (let first = 0; first < list.length; first += 1000) {
        const batch = list.slice(first, first + 1000);
        visit({
          count: batch.length,
          startsNs: Float64Array.from(batch, ([start]) => start),
          endsNs: Float64Array.from(batch, ([, end]) => end),
          // Longer than the batch, as the collector's reused arrays may be.
          generations: Int32Array.from([...batch.map(([, , generation]) => generation), 7, 7]),
        });
      }
    },
  };
}

function plainStatistics(secs: number[]): PauseStatistics {
  if (secs.length === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
  const totalSecs = sum(secs);
  return {
    count: secs.length,
    meanSecs: totalSecs / secs.length,
    p50Secs: quantile(secs, 0.5),
    p95Secs: quantile(secs, 0.95),
    p99Secs: quantile(secs, 0.99),
    maxSecs: max(secs),
    totalSecs,
  };
}

describe('pauseStatistics', () => {
  it('gives count, total, mean, p50, p95, p99 and max of pauses in any order', () => {
    const stats = pauseStatistics(pausesOf([0.004, 0.001, 0.003, 0.002, 0.01].map((secs, i): Pause => [i * 1e9, i * 1e9 + secs * 1e9, -1])));
    expect(stats.all).toMatchObject({ count: 5, p50Secs: 0.003, p95Secs: 0.01, p99Secs: 0.01, maxSecs: 0.01 });
    expect(stats.all.totalSecs).toBeCloseTo(0.02, 15);
    expect(stats.all.meanSecs).toBeCloseTo(0.004, 15);
    expect(stats.byGeneration).toEqual([]);
    expect(pauseStatistics(pausesOf([])).all.count).toBe(0);
  });

  it('equals the plain figures of all pauses and of each generation, on short and long lists, repeated lengths, huge and negative ones', () => {
    const next = seededRandom(3);
    for (let trial = 0; trial < 300; trial++) {
      const count = trial < 40 ? trial + 1 : 1 + Math.floor(next() * 20000);
      const shape = Math.floor(next() * 4);
      const pauses: Pause[] = [];
      let time = 0;
      for (let i = 0; i < count; i++) {
        // Few distinct lengths (ties across bucket edges), microseconds to seconds, beyond 2^33 ns, or an end before its start.
        const length =
          shape === 0 ? Math.floor(next() * 10) * 64 : shape === 1 ? Math.floor(next() ** 3 * 1e9) : shape === 2 ? 2 ** 33 + Math.floor(next() * 2 ** 40) : Math.floor((next() - 0.2) * 1e6);
        const generation = next() < 0.1 ? -1 : Math.floor(next() * 3) * (trial % 5 === 0 ? 2 : 1);
        pauses.push([time, time + length, generation]);
        time += Math.abs(length) + 1 + Math.floor(next() * 1e6);
      }
      const secsOf = (list: Pause[]): number[] => list.map(([start, end]) => (end - start) / 1e9);
      const stats = pauseStatistics(pausesOf(pauses));
      expect(stats.all, `trial ${trial}`).toEqual(plainStatistics(secsOf(pauses)));
      const generations = [...new Set(pauses.map(([, , generation]) => generation).filter((generation) => generation >= 0))].sort((a, b) => a - b);
      expect(stats.byGeneration, `trial ${trial}`).toEqual(
        generations.map((generation) => ({ generation, ...plainStatistics(secsOf(pauses.filter((pause) => pause[2] === generation))) })),
      );
    }
  });
});
