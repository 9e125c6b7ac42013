// Quantiles selected from one copy equal simple-statistics' `quantile` of each p alone (the
// definition the summary has always used), for every length parity, duplicates and edge p.
import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { ascendingQuantiles, pauseStatistics } from '../../src/analyze/pause-statistics.js';

describe('ascendingQuantiles', () => {
  it('equals quantile(values, p) for each p, on short and long arrays, with and without repeated values', () => {
    const next = seededRandom(3);
    const ps = [0, 0.05, 0.25, 0.5, 0.5, 0.95, 0.99, 1];
    for (let trial = 0; trial < 400; trial++) {
      const length = trial < 40 ? trial + 1 : 1 + Math.floor(next() * 5000);
      const spread = next() < 0.5 ? 10 : 1e6;
      const values = Float64Array.from({ length }, () => Math.floor(next() * spread) / 7);
      const before = Float64Array.from(values);
      const expected = ps.map((p) => quantile(Array.from(values), p));
      expect(ascendingQuantiles(values, ps), `length ${length}`).toEqual(expected);
      expect(values, 'the input is left as it was').toEqual(before);
    }
  });
});

describe('pauseStatistics', () => {
  it('gives count, total, mean, p50, p95, p99 and max of pauses in any order', () => {
    const secs = Float64Array.from([0.004, 0.001, 0.003, 0.002, 0.01]);
    const stats = pauseStatistics(secs);
    expect(stats).toMatchObject({ count: 5, p50Secs: 0.003, p95Secs: 0.01, p99Secs: 0.01, maxSecs: 0.01 });
    expect(stats.totalSecs).toBeCloseTo(0.02, 15);
    expect(stats.meanSecs).toBeCloseTo(0.004, 15);
    expect(pauseStatistics(new Float64Array(0)).count).toBe(0);
  });
});
