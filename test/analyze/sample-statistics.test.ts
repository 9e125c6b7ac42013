import { describe, expect, it } from 'vitest';
import { findOutliers } from '../../src/analyze/outliers.js';
import { medianIntervalIndices, summariseSample } from '../../src/analyze/sample-statistics.js';

/** P(B <= k) for B ~ Binomial(n, 1/2), from binomial coefficients (independent of the code under test). */
function binomialCdfHalf(n: number, k: number): number {
  let coefficient = 1;
  let total = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) coefficient = (coefficient * (n - i + 1)) / i;
    total += coefficient;
  }
  return total / 2 ** n;
}

describe('sample statistics', () => {
  it('mean, median, sample stddev, cv, min, max of a known sample', () => {
    const summary = summariseSample([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary).toMatchObject({ n: 8, mean: 5, median: 4.5, min: 2, max: 9 });
    expect(summary.stddev).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(summary.cv).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12);
  });

  it('the median CI is the narrowest order-statistic interval with >= 95% coverage', () => {
    for (let n = 2; n <= 40; n++) {
      const { lo, hi, level } = medianIntervalIndices(n);
      expect(hi).toBe(n - 1 - lo);
      expect(level).toBeCloseTo(1 - 2 * binomialCdfHalf(n, lo), 12);
      if (n >= 6) {
        expect(level).toBeGreaterThanOrEqual(0.95);
        // One step narrower would fall short of 95%.
        expect(1 - 2 * binomialCdfHalf(n, lo + 1)).toBeLessThan(0.95);
      } else {
        expect([lo, hi]).toEqual([0, n - 1]);
      }
    }
  });

  it('known cases: n = 8 gives [min, max] at 99.2%; n = 10 drops one value at each end', () => {
    expect(medianIntervalIndices(8)).toEqual({ lo: 0, hi: 7, level: 1 - 2 / 256 });
    expect(medianIntervalIndices(10).lo).toBe(1);
    const summary = summariseSample([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    expect([summary.ciLow, summary.ciHigh]).toEqual([2, 9]);
  });

  it('one run: no spread, the value itself', () => {
    expect(summariseSample([3])).toMatchObject({ n: 1, median: 3, stddev: 0, ciLow: 3, ciHigh: 3 });
  });

  it('flags a run far from the others and nothing in ordinary noise', () => {
    expect(findOutliers([100, 102, 98, 101, 99, 100, 103, 97])).toEqual([]);
    const outliers = findOutliers([100, 102, 98, 101, 99, 100, 103, 160]);
    expect(outliers.map((outlier) => outlier.index)).toEqual([7]);
    // Identical deterministic values: only a real departure (beyond 1%) is flagged.
    expect(findOutliers([500, 500, 500, 501, 500])).toEqual([]);
    expect(findOutliers([500, 500, 500, 600, 500]).map((outlier) => outlier.index)).toEqual([3]);
  });
});
