import { describe, expect, it } from 'vitest';
import {
  controlFalseDiscoveries,
  detectChangePoints,
  detectChangePointsAcrossSeries,
  type BuildSeries,
  type ChangePoint,
} from '../../src/analyze/change-points.js';
import { studentTwoSidedP } from '../../src/analyze/change-points/build-level.js';
import { permutationP, segmentSplits } from '../../src/analyze/change-points/split-statistic.js';
import { seededRandom } from '../support/seeded-random.js';

// Synthetic timelines from a seeded generator: 10 builds × 6 runs (3 nodes × 2 run
// directories), normal noise of σ = 1 around a level that may step. Expected answers come from
// how the data were made (where the step is, its sign) or from independent computations in
// this file (medians of the generated runs, brute-force permutation distributions, closed-form
// t tails), never from the code under test.

const BUILDS = 10;
const RUNS = 6;

/** Standard normal numbers (Box–Muller) from `seed`. */
function normals(seed: number): () => number {
  const random = seededRandom(seed);
  return () => {
    let u = 0;
    while (u === 0) u = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/**
 * A series whose build b has RUNS runs at level(b) + noise; `wobble` is the σ of an offset
 * shared by all runs of a build (load on the machine while that build was measured).
 */
function series(normal: () => number, level: (build: number) => number, wobble = 0): number[][] {
  return Array.from({ length: BUILDS }, (_, build) => {
    const offset = wobble * normal();
    return Array.from({ length: RUNS }, () => level(build) + offset + normal());
  });
}

function significant(points: readonly ChangePoint[]): ChangePoint[] {
  return points.filter((point) => point.significant);
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function runsOfBuilds(data: BuildSeries, from: number, to: number): number[] {
  return data.slice(from, to).flat();
}

/** C(n, k) in floating point. */
function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}

/** Standardized Mann–Whitney U of `right` against `left` from its definition (pair counts, tie-corrected variance). */
function referenceZ(left: readonly number[], right: readonly number[]): number {
  let u = 0;
  for (const r of right) for (const l of left) u += r > l ? 1 : r === l ? 0.5 : 0;
  const pooled = [...left, ...right];
  const n = pooled.length;
  const counts = new Map<number, number>();
  for (const v of pooled) counts.set(v, (counts.get(v) ?? 0) + 1);
  let tieSum = 0;
  for (const t of counts.values()) tieSum += t ** 3 - t;
  const variance = ((left.length * right.length) / 12) * (n + 1 - tieSum / (n * (n - 1)));
  return (u - (left.length * right.length) / 2) / Math.sqrt(variance);
}

describe('detectChangePoints', () => {
  it('finds one clean 5σ step at build 4, with its direction and size', () => {
    const data = series(normals(1), (b) => (b >= 4 ? 105 : 100));
    const points = controlFalseDiscoveries(detectChangePoints(data));
    const steps = significant(points);
    expect(steps).toHaveLength(1);
    const [step] = steps;
    expect(step!.afterIndex).toBe(4);
    expect(step!.beforeIndex).toBe(3);
    expect(step!.direction).toBe('increase');
    // One step in the series: the segments either side are builds 0–3 and 4–9.
    const before = medianOf(runsOfBuilds(data, 0, 4));
    const after = medianOf(runsOfBuilds(data, 4, BUILDS));
    expect(step!.beforeMedian).toBeCloseTo(before, 12);
    expect(step!.afterMedian).toBeCloseTo(after, 12);
    expect(step!.change).toBeCloseTo(after - before, 12);
    expect(step!.changePct).toBeCloseTo((100 * (after - before)) / before, 10);
    expect(step!.p).toBeLessThan(1e-4);
    expect(step!.z).toBeGreaterThan(0);
  });

  it('finds a 5σ decrease at build 4 in every one of 40 seeds, with few extra steps', () => {
    let extra = 0;
    for (let seed = 100; seed < 140; seed++) {
      const points = controlFalseDiscoveries(detectChangePoints(series(normals(seed), (b) => (b >= 4 ? 95 : 100))));
      const steps = significant(points);
      const step = steps.find((s) => s.afterIndex === 4);
      expect(step, `seed ${seed}`).toBeDefined();
      expect(step!.direction).toBe('decrease');
      expect(step!.change).toBeLessThan(0);
      extra += steps.length - 1;
    }
    // BH at 0.05 over each series' own few tests: a false extra split now and then, not often.
    expect(extra).toBeLessThanOrEqual(4);
  });

  it('finds two steps, up at build 4 and down at build 8, and describes each by its own segments', () => {
    const data = series(normals(2), (b) => (b >= 4 && b < 8 ? 105 : 100));
    const steps = significant(controlFalseDiscoveries(detectChangePoints(data)));
    expect(steps.map((s) => s.afterIndex)).toEqual([4, 8]);
    expect(steps.map((s) => s.direction)).toEqual(['increase', 'decrease']);
    const low = medianOf(runsOfBuilds(data, 0, 4));
    const high = medianOf(runsOfBuilds(data, 4, 8));
    const lowAgain = medianOf(runsOfBuilds(data, 8, BUILDS));
    expect(steps[0]!.change).toBeCloseTo(high - low, 12);
    expect(steps[1]!.change).toBeCloseTo(lowAgain - high, 12);
  });

  it('reports no step for a one-build bump (minSegmentBuilds 2), in any of 50 seeds', () => {
    for (let seed = 200; seed < 250; seed++) {
      const data = series(normals(seed), (b) => (b === 5 ? 110 : 100));
      const steps = significant(controlFalseDiscoveries(detectChangePoints(data, { minSegmentBuilds: 2 })));
      expect(steps, `seed ${seed}`).toEqual([]);
    }
  });

  it('gives no candidate and no NaN for constant series and deterministic ties', () => {
    const constant = Array.from({ length: BUILDS }, () => Array<number>(RUNS).fill(4242));
    expect(detectChangePoints(constant)).toEqual([]);
    expect(detectChangePoints(Array.from({ length: BUILDS }, () => Array<number>(RUNS).fill(0)))).toEqual([]);
    // Constant with missing builds and builds of different sizes.
    const ragged = constant.map((runs, b) => (b % 3 === 1 ? [] : runs.slice(0, 1 + (b % RUNS))));
    expect(detectChangePoints(ragged)).toEqual([]);
    // Too few builds to split at all.
    expect(detectChangePoints([[1, 2], [3, 4], [5, 6]])).toEqual([]);
    expect(detectChangePoints([])).toEqual([]);
    expect(() => detectChangePoints([[1], [Number.NaN]])).toThrow();
  });

  it('skips missing builds while keeping indices on the original builds', () => {
    const data = series(normals(3), (b) => (b >= 6 ? 110 : 100));
    data[2] = [];
    data[5] = []; // the build just before the step is missing
    const steps = significant(controlFalseDiscoveries(detectChangePoints(data)));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.afterIndex).toBe(6);
    expect(steps[0]!.beforeIndex).toBe(4);
    expect(steps[0]!.segmentStart).toBe(0);
    expect(steps[0]!.segmentEnd).toBe(BUILDS - 1);
    expect(steps[0]!.beforeMedian).toBeCloseTo(medianOf(runsOfBuilds(data, 0, 6)), 12);
    // A missing first and last build.
    const trimmed = series(normals(4), (b) => (b >= 5 ? 110 : 100));
    trimmed[0] = [];
    trimmed[BUILDS - 1] = [];
    const inner = significant(controlFalseDiscoveries(detectChangePoints(trimmed)));
    expect(inner.map((s) => [s.beforeIndex, s.afterIndex, s.segmentStart, s.segmentEnd])).toEqual([[4, 5, 1, BUILDS - 2]]);
  });

  it('applies minimumChange as an amount or a predicate, without dropping the test from the family', () => {
    // Entries that move by 1 out of 10⁶ at build 5, identical across runs: a clean but tiny step.
    const data = Array.from({ length: BUILDS }, (_, b) => Array<number>(RUNS).fill(b >= 5 ? 1_000_001 : 1_000_000));
    const plain = controlFalseDiscoveries(detectChangePoints(data));
    expect(significant(plain).map((s) => s.afterIndex)).toEqual([5]);
    for (const minimumChange of [
      5,
      (before: number, after: number) => Math.abs(after - before) / before > 0.0005 / 100,
    ]) {
      const points = controlFalseDiscoveries(detectChangePoints(data, { minimumChange }));
      expect(points).toHaveLength(plain.length);
      expect(points.every((p) => !p.significant)).toBe(true);
      expect(points.find((p) => p.afterIndex === 5)!.meetsMinimumChange).toBe(false);
    }
    expect(significant(controlFalseDiscoveries(detectChangePoints(data, { minimumChange: 0.5 })))).toHaveLength(1);
  });

  it('is deterministic', () => {
    const data = series(normals(5), (b) => (b >= 3 ? 101.5 : 100), 0.3);
    expect(detectChangePoints(data)).toEqual(detectChangePoints(data.map((runs) => [...runs])));
  });

  it('scores splits by the standardized Mann–Whitney U of all runs, and picks the largest |z|', () => {
    const data = series(normals(6), (b) => (b >= 7 ? 102 : 100)).map((runs) => runs.map((v) => Math.round(v * 2) / 2));
    const [first] = detectChangePoints(data, { splitThreshold: 1e-300 }); // one test, no recursion
    let bestZ = 0;
    let bestAt = -1;
    for (let at = 2; at <= BUILDS - 2; at++) {
      const z = referenceZ(runsOfBuilds(data, 0, at), runsOfBuilds(data, at, BUILDS));
      if (Math.abs(z) > Math.abs(bestZ)) [bestZ, bestAt] = [z, at];
    }
    expect(first!.afterIndex).toBe(bestAt);
    expect(first!.z).toBeCloseTo(bestZ, 10);
    expect(first!.splits).toBe(BUILDS - 3);
  });
});

describe('p-values', () => {
  it('permutation p matches the exact permutation distribution of max|z| (brute force)', () => {
    // 4 builds × 2 runs, splits after builds 1, 2, 3 (minBuilds 1): 8!/(2!)⁴ = 2520
    // assignments of the values to builds (every pairing of the 8 values, in every build
    // order), all enumerated here.
    const values = [3.1, 1.2, 5.5, 2.2, 4.4, 0.3, 6.6, 2.2];
    const builds = [values.slice(0, 2), values.slice(2, 4), values.slice(4, 6), values.slice(6, 8)];
    const maxAbsZ = (bs: readonly number[][]): number => {
      let best = 0;
      for (let at = 1; at < bs.length; at++) best = Math.max(best, Math.abs(referenceZ(bs.slice(0, at).flat(), bs.slice(at).flat())));
      return best;
    };
    const observed = maxAbsZ(builds);
    let atLeast = 0;
    let total = 0;
    // Enumerate unordered pairings (105), then each of the 4! build orders.
    const pairings: number[][][] = [];
    const pairUp = (remaining: number[], chosen: number[][]): void => {
      if (remaining.length === 0) return void pairings.push(chosen);
      for (let i = 1; i < remaining.length; i++) {
        pairUp(remaining.filter((_, k) => k !== 0 && k !== i), [...chosen, [remaining[0]!, remaining[i]!]]);
      }
    };
    pairUp(values, []);
    const orders = (items: number[][]): number[][][] =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => orders(items.filter((_, k) => k !== i)).map((o) => [item, ...o]));
    for (const pairing of pairings) {
      for (const order of orders(pairing)) {
        total++;
        if (maxAbsZ(order) >= observed - 1e-9) atLeast++;
      }
    }
    expect(total).toBe(2520);
    const exact = atLeast / total;
    const splits = segmentSplits(builds, 1);
    const estimate = permutationP(splits, observed, 40_000, 12345, Number.POSITIVE_INFINITY);
    // Monte Carlo standard error √(p(1−p)/N) ≤ 0.0025.
    expect(Math.abs(estimate - exact)).toBeLessThan(0.01);
  });

  it('resolves the tiny p of a clean exact jump: the Bonferroni bound of the exact U test', () => {
    // Entries ×3 at build 6, identical within builds: 36 runs below 24, no overlap.
    const data = Array.from({ length: BUILDS }, (_, b) => Array<number>(RUNS).fill(b >= 6 ? 3000 : 1000));
    const [step] = detectChangePoints(data);
    const splitsAllowed = BUILDS - 3;
    const exactU = 2 / binomial(BUILDS * RUNS, 4 * RUNS); // the most extreme of C(60, 24) assignments, both tails
    expect(step!.splits).toBe(splitsAllowed);
    expect(step!.pBonferroni!).toBeCloseTo(splitsAllowed * exactU, 25);
    expect(step!.p / (2 * splitsAllowed * exactU)).toBeCloseTo(1, 9);
    expect(step!.change).toBe(2000);
    expect(step!.changePct).toBe(200);
    expect(step!.pBuildLevel).toBe(0); // no spread between builds within either segment
  });

  it('student t tails match closed forms (df 1: Cauchy, df 2)', () => {
    for (const t of [0, 0.5, 1, 3, 10, 100]) {
      expect(studentTwoSidedP(t, 1)).toBeCloseTo(1 - (2 * Math.atan(t)) / Math.PI, 12);
      expect(studentTwoSidedP(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 12);
    }
    // Relative accuracy deep in the tail (df 2: 1 − t/√(2+t²) = 2/(√(2+t²)(√(2+t²)+t))).
    const t = 1e4;
    const root = Math.sqrt(2 + t * t);
    expect(studentTwoSidedP(t, 2) / (2 / (root * (root + t)))).toBeCloseTo(1, 9);
  });

  it('run-level p is not anti-conservative on pure noise (share below 0.05 at most ~5%)', () => {
    const normal = normals(7);
    let below = 0;
    const count = 400;
    for (let i = 0; i < count; i++) {
      const [first] = detectChangePoints(series(normal, () => 50), { splitThreshold: 1e-300 });
      if (first!.pRuns < 0.05) below++;
    }
    // Binomial(400, 0.05) has sd ≈ 4.4: 20 + 3 sd ≈ 33.
    expect(below).toBeLessThanOrEqual(33);
  });
});

describe('false discoveries across series', () => {
  it('pure noise across 300 series: at most 5% of series with any step (BH)', () => {
    const normal = normals(8);
    const noise = Array.from({ length: 300 }, () => series(normal, () => 20));
    const results = detectChangePointsAcrossSeries(noise, { alpha: 0.05, correction: 'bh' });
    const withStep = results.filter((points) => points.some((p) => p.significant)).length;
    expect(withStep / noise.length).toBeLessThanOrEqual(0.05);
    for (const points of results) for (const p of points) expect(Number.isFinite(p.pAdjusted)).toBe(true);
  });

  it('series that wobble from build to build (load): at most 5% with a step; run-level p alone would fail this', () => {
    const normal = normals(9);
    // Each build's runs share an offset as large as the run noise.
    const wobbly = Array.from({ length: 300 }, () => series(normal, () => 20, 1));
    const share = (points: ChangePoint[][]): number => points.filter((ps) => ps.some((p) => p.significant)).length / points.length;
    expect(share(detectChangePointsAcrossSeries(wobbly))).toBeLessThanOrEqual(0.05);
    // The same bound does fail without the build-level check: the test can fail.
    expect(share(detectChangePointsAcrossSeries(wobbly, { buildLevelCheck: false }))).toBeGreaterThan(0.05);
  });

  it('finds an exact ×3 jump in entries at build 6 among 300 noise series after BH (and Holm)', () => {
    const normal = normals(10);
    const list: number[][][] = Array.from({ length: 300 }, () => series(normal, () => 30));
    const entries = Array.from({ length: BUILDS }, (_, b) => Array<number>(RUNS).fill(b >= 6 ? 3 * 17_000 : 17_000));
    list.splice(137, 0, entries);
    for (const correction of ['bh', 'holm'] as const) {
      const results = detectChangePointsAcrossSeries(list, { correction });
      const steps = significant(results[137]!);
      expect(steps.map((s) => [s.afterIndex, s.direction])).toEqual([[6, 'increase']]);
      expect(steps[0]!.changePct).toBe(200);
    }
  });

  it("keeps the caller's fields and the input order; 'none' leaves p as is", () => {
    const a = detectChangePoints(series(normals(11), (b) => (b >= 4 ? 105 : 100))).map((c) => ({ ...c, key: 'a' }));
    const b = detectChangePoints(series(normals(12), () => 100)).map((c) => ({ ...c, key: 'b' }));
    const controlled = controlFalseDiscoveries([...a, ...b], { correction: 'none', alpha: 0.05 });
    expect(controlled.map((c) => c.key)).toEqual([...a, ...b].map((c) => c.key));
    expect(controlled.map((c) => c.pAdjusted)).toEqual([...a, ...b].map((c) => c.p));
    for (const c of controlled) expect(c.significant).toBe(c.splitsSegment && c.meetsMinimumChange && c.p <= 0.05);
  });

  it('runs 300 series × 10 builds × 6 runs in well under two seconds', () => {
    const normal = normals(13);
    const list = Array.from({ length: 300 }, (_, i) =>
      series(normal, (b) => (i % 10 === 0 && b >= 5 ? 12 : 10), i % 3 === 0 ? 0.5 : 0).map((runs) =>
        i % 2 === 0 ? runs.map((v) => Math.round(v * 100) / 100) : runs,
      ),
    );
    const start = performance.now();
    detectChangePointsAcrossSeries(list);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(2000);
  });
});
