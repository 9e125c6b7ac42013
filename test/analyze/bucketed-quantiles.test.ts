// Buckets ascend with the numbers they hold, so that counting then keeping the few buckets that
// hold the wanted ranks gives exactly simple-statistics' `quantile`, computed here on the array.
import { quantile, quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { bucketOf, QuantileHistogram, quantileRanks } from '../../src/analyze/bucketed-quantiles.js';

describe('bucketOf', () => {
  it('never puts a larger number in a lower bucket, at powers of two, 2^32, 2^53, 2^64 and beyond, of either sign', () => {
    const next = seededRandom(5);
    const edges = [0, 1, 127, 128, 129, 255, 256, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1, 2 ** 53, 2 ** 63, 2 ** 64, 2 ** 70];
    const values = [...edges, ...edges.map((edge) => -edge), 0.5, -0.5, 127.9];
    for (let i = 0; i < 20000; i++) values.push((next() < 0.5 ? -1 : 1) * Math.floor(2 ** (next() * 66)));
    values.sort((a, b) => a - b);
    for (let i = 1; i < values.length; i++) expect(bucketOf(values[i]!), `${values[i - 1]} then ${values[i]}`).toBeGreaterThanOrEqual(bucketOf(values[i - 1]!));
    // The small whole numbers have a bucket each; each power of two splits into 128.
    expect(new Set([0, 1, 2, 127].map(bucketOf)).size).toBe(4);
    expect(bucketOf(2 ** 20 + 2 ** 13)).toBe(bucketOf(2 ** 20) + 1);
    expect(bucketOf(2 ** 20 + 2 ** 13 - 1)).toBe(bucketOf(2 ** 20));
  });
});

describe('quantileRanks', () => {
  it('names the ranks quantileSorted reads, for every length parity and edge p', () => {
    for (let count = 1; count < 60; count++) {
      const sorted = Array.from({ length: count }, (_, i) => i * 10);
      for (const p of [0, 0.01, 0.05, 0.25, 0.5, 0.95, 0.99, 1]) {
        const ranks = quantileRanks(count, p);
        const fromRanks = ranks.length === 2 ? (sorted[ranks[0]!]! + sorted[ranks[1]!]!) / 2 : sorted[ranks[0]!]!;
        expect(fromRanks, `count ${count}, p ${p}`).toBe(quantileSorted(sorted, p));
      }
    }
  });
});

describe('QuantileHistogram and QuantilePicker', () => {
  it('give quantile(values, p) exactly, from two readings, with repeated values and values sharing buckets', () => {
    const next = seededRandom(11);
    const ps = [0, 0.05, 0.5, 0.95, 0.99, 1];
    for (let trial = 0; trial < 300; trial++) {
      const length = trial < 40 ? trial + 1 : 1 + Math.floor(next() * 5000);
      const spread = next() < 0.5 ? 10 : 1e12;
      const values = Array.from({ length }, () => Math.floor((next() - 0.1) * spread) / 7);
      const histogram = new QuantileHistogram();
      for (const value of values) histogram.add(bucketOf(value));
      expect(histogram.count).toBe(length);
      const picker = histogram.picker(ps.flatMap((p) => quantileRanks(length, p)));
      for (const value of values) picker.offer(value, bucketOf(value));
      for (const p of ps) {
        const ranks = quantileRanks(length, p).map((rank) => picker.at(rank));
        const picked = ranks.length === 2 ? (ranks[0]! + ranks[1]!) / 2 : ranks[0]!;
        expect(picked, `trial ${trial}, p ${p}`).toBe(quantile(values, p));
      }
    }
  });

  it('refuses a rank it was not asked for', () => {
    const histogram = new QuantileHistogram();
    for (const value of [1, 2, 3]) histogram.add(bucketOf(value));
    const picker = histogram.picker([2]);
    for (const value of [1, 2, 3]) picker.offer(value, bucketOf(value));
    expect(picker.at(2)).toBe(3);
    expect(() => picker.at(0)).toThrow(/rank 0/);
  });
});
