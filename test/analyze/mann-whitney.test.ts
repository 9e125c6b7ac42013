import { describe, expect, it } from 'vitest';
import { EXACT_MAX_PAIRS, mannWhitneyU, minimumRunsForSignificance } from '../../src/analyze/mann-whitney.js';

// Every reference number below comes from an independent computation in this file (brute-force
// enumeration of all assignments, a Gaussian-binomial generating function, Pascal's triangle)
// or from a published value; none from the code under test.

/** U of x by its definition: pairs with x > y, plus ½ per tied pair. */
function pairU(x: readonly number[], y: readonly number[]): number {
  let u = 0;
  for (const a of x) for (const b of y) u += a > b ? 1 : a === b ? 0.5 : 0;
  return u;
}

/** Midrank of each value in the pooled list, by definition: #less + (#equal + 1) / 2. */
function midranks(pooled: readonly number[]): number[] {
  return pooled.map((v) => pooled.filter((w) => w < v).length + (pooled.filter((w) => w === v).length + 1) / 2);
}

/**
 * Null distribution of U for the first `n` of `pooled` values against the rest, by
 * enumerating all C(N, n) ways to pick which values form the first sample. Keys are 2U.
 */
function bruteForceDistribution(pooled: readonly number[], n: number): Map<number, number> {
  const ranks = midranks(pooled);
  const counts = new Map<number, number>();
  const offset = (n * (n + 1)) / 2;
  const visit = (start: number, left: number, rankSum: number): void => {
    if (left === 0) {
      const twiceU = 2 * (rankSum - offset);
      counts.set(twiceU, (counts.get(twiceU) ?? 0) + 1);
      return;
    }
    for (let i = start; i <= pooled.length - left; i++) visit(i + 1, left - 1, rankSum + ranks[i]!);
  };
  visit(0, n, 0);
  return counts;
}

/** Two-sided p from a distribution keyed by 2U: min(1, 2·min(P(U ≤ u), P(U ≥ u))). */
function twoSidedP(distribution: Map<number, number>, u: number): number {
  let total = 0;
  let below = 0;
  let above = 0;
  for (const [twiceU, count] of distribution) {
    total += count;
    if (twiceU <= 2 * u) below += count;
    if (twiceU >= 2 * u) above += count;
  }
  return Math.min(1, (2 * Math.min(below, above)) / total);
}

/** C(a, b) from Pascal's triangle. */
function choose(a: number, b: number): number {
  let row = [1];
  for (let i = 1; i <= a; i++) row = [1, ...row.slice(1).map((v, k) => v + row[k]!), 1];
  return row[b]!;
}

/**
 * Counts of U = 0..n·m without ties from the Gaussian binomial coefficient
 * [n+m choose n]_q = Π_{i=1..n} (1 − q^(m+i)) / (1 − q^i): a different algorithm from the
 * recurrence under test (U counts the partitions of u into at most n parts of size ≤ m).
 */
function gaussianBinomialCounts(n: number, m: number): number[] {
  let poly = [1];
  for (let i = 1; i <= n; i++) {
    const times = new Array<number>(poly.length + m + i).fill(0);
    poly.forEach((c, k) => {
      times[k]! += c;
      times[k + m + i]! -= c;
    });
    // Divide by (1 − q^i): the quotient satisfies r[k] = t[k] + r[k − i].
    for (let k = i; k < times.length; k++) times[k]! += times[k - i]!;
    poly = times.slice(0, n * m + 1);
  }
  return poly;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function separated(n: number, m: number): { x: number[]; y: number[] } {
  return { x: Array.from({ length: n }, (_, i) => i + 1), y: Array.from({ length: m }, (_, j) => 100 + j) };
}

describe('Mann–Whitney U: exact distribution', () => {
  it('classic table values for completely separated samples', () => {
    const cases: Array<[n: number, m: number, p: number]> = [
      [3, 3, 2 / 20], // 0.1: 3 runs per side can never be significant at 0.05
      [4, 4, 2 / 70], // 0.02857
      [5, 5, 2 / 252], // 0.00794
      [2, 3, 2 / 10],
      [1, 19, 2 / 20],
    ];
    for (const [n, m, p] of cases) {
      const { x, y } = separated(n, m);
      expect(mannWhitneyU(x, y)).toEqual({ u: 0, p: expect.closeTo(p, 14), method: 'exact' });
      expect(mannWhitneyU(y, x)).toEqual({ u: n * m, p: expect.closeTo(p, 14), method: 'exact' });
    }
  });

  it('matches go-moremath’s published interleaved example (p = 34/70)', () => {
    // aclements/go-moremath stats/utest_test.go: {2,1,3,5} vs {0,4,6,7} → U = 5, P = 0.4857142857142857.
    const result = mannWhitneyU([2, 1, 3, 5], [0, 4, 6, 7]);
    expect(result.u).toBe(5);
    expect(result.p).toBeCloseTo(34 / 70, 14);
    expect(result.method).toBe('exact');
  });

  it('equals brute-force enumeration of every assignment for all n, m ≤ 6', () => {
    for (let n = 1; n <= 6; n++) {
      for (let m = 1; m <= 6; m++) {
        const pooled = Array.from({ length: n + m }, (_, i) => i + 1);
        const distribution = bruteForceDistribution(pooled, n);
        // Every assignment of the ranks 1..N to x (size n) and y (size m).
        const visit = (start: number, chosen: number[]): void => {
          if (chosen.length === n) {
            const x = chosen;
            const y = pooled.filter((v) => !chosen.includes(v));
            const result = mannWhitneyU(x, y);
            expect(result.method).toBe('exact');
            expect(result.u).toBe(pairU(x, y));
            expect(result.p).toBeCloseTo(twoSidedP(distribution, result.u), 12);
            return;
          }
          for (let v = start; v <= n + m; v++) visit(v + 1, [...chosen, v]);
        };
        visit(1, []);
      }
    }
  });

  it('equals the Gaussian-binomial distribution at every u for lopsided and larger sizes', () => {
    for (const [n, m] of [
      [7, 9],
      [12, 12],
      [2, 40],
      [50, 50],
      [5, 500],
    ] as const) {
      expect(n * m).toBeLessThanOrEqual(EXACT_MAX_PAIRS);
      const counts = gaussianBinomialCounts(n, m);
      const total = counts.reduce((a, b) => a + b, 0);
      expect(total / choose(n + m, n)).toBeCloseTo(1, 10);
      // Build samples with each target U: y = 1..m, x takes values between them.
      for (const target of [0, 1, 2, Math.floor((n * m) / 3), Math.floor((n * m) / 2), n * m - 1, n * m]) {
        // Put x values just above y values so that exactly `target` pairs have x > y.
        const x: number[] = [];
        let remaining = target;
        for (let i = 0; i < n; i++) {
          const beats = Math.min(m, Math.ceil(remaining / (n - i)));
          x.push(beats + 0.5 + i / (10 * n));
          remaining -= beats;
        }
        const y = Array.from({ length: m }, (_, j) => j + 1);
        expect(pairU(x, y)).toBe(target);
        let below = 0;
        let above = 0;
        counts.forEach((c, u) => {
          if (u <= target) below += c;
          if (u >= target) above += c;
        });
        const result = mannWhitneyU(x, y);
        expect(result.method).toBe('exact');
        expect(result.u).toBe(target);
        expect(result.p).toBeCloseTo(Math.min(1, (2 * Math.min(below, above)) / total), 12);
      }
    }
  });
});

describe('Mann–Whitney U: normal approximation', () => {
  it('is used beyond EXACT_MAX_PAIRS and stays close to the exact distribution (no ties)', () => {
    const random = seededRandom(7);
    // Balanced sizes: within 0.01 (about 0.0015 here). Very lopsided sizes: U of 3 runs is a
    // sum of 3 near-uniform ranks, visibly non-normal; within 0.02 (about 0.013 here).
    for (const [n, m, tolerance] of [
      [51, 51, 0.01],
      [40, 70, 0.01],
      [30, 90, 0.01],
      [3, 900, 0.02],
    ] as const) {
      expect(n * m).toBeGreaterThan(EXACT_MAX_PAIRS);
      const counts = gaussianBinomialCounts(n, m);
      const total = counts.reduce((a, b) => a + b, 0);
      for (const shift of [0, 0.05, 0.1, 0.2, 0.3, 0.5]) {
        const x = Array.from({ length: n }, () => random() + shift);
        const y = Array.from({ length: m }, () => random());
        const u = pairU(x, y);
        let below = 0;
        let above = 0;
        counts.forEach((c, value) => {
          if (value <= u) below += c;
          if (value >= u) above += c;
        });
        const exactP = Math.min(1, (2 * Math.min(below, above)) / total);
        const result = mannWhitneyU(x, y);
        expect(result.method).toBe('normal');
        expect(result.u).toBe(u);
        expect(Math.abs(result.p - exactP)).toBeLessThan(tolerance);
      }
    }
  });

  it('matches R’s wilcox.test on go-moremath’s large published samples (with and without ties)', () => {
    // aclements/go-moremath stats/utest_test.go, "for comparing with R's wilcox.test":
    // l1 = seq(0, 499)*2, l2 = seq(0, 599)*2 − 41, l3 = l2 with its first 30 values from l1.
    const l1 = Array.from({ length: 500 }, (_, i) => i * 2);
    const l2 = Array.from({ length: 600 }, (_, i) => i * 2 - 41);
    const l3 = l2.map((v, i) => (i < 30 ? l1[i]! : v));
    const noTies = mannWhitneyU(l1, l2);
    expect(Math.min(noTies.u, 500 * 600 - noTies.u)).toBe(135250);
    expect(noTies.p).toBeCloseTo(0.0049335360814172224, 6);
    const withTies = mannWhitneyU(l1, l3);
    expect(Math.min(withTies.u, 500 * 600 - withTies.u)).toBe(134845);
    expect(withTies.p).toBeCloseTo(0.0038703814239617884, 6);
    expect(mannWhitneyU(l1, l1).p).toBe(1);
  });

  it('with ties: u counts tied pairs as ½ and p stays within 0.02 of the exact conditional distribution', () => {
    // The exact reference is the permutation distribution given the ties (all C(20, 10)
    // splits of the pooled values). With this many ties at n ≈ 10 the tie-corrected normal
    // curve is off by up to ~0.016 (8 vs 12 runs on 5 levels), hence 0.02, not 0.01.
    const random = seededRandom(11);
    for (const [n, m, levels, shift] of [
      [10, 10, 6, 0],
      [10, 10, 6, 1],
      [10, 10, 12, 2],
      [8, 12, 5, 1],
      [9, 11, 20, 3],
    ] as const) {
      // Integers from a few levels: many ties, like rounded timings or allocation counts.
      const x = Array.from({ length: n }, () => Math.floor(random() * levels) + shift);
      const y = Array.from({ length: m }, () => Math.floor(random() * levels));
      const result = mannWhitneyU(x, y);
      expect(result.method).toBe('normal');
      expect(result.u).toBe(pairU(x, y));
      const exactP = twoSidedP(bruteForceDistribution([...x, ...y], n), result.u);
      expect(Math.abs(result.p - exactP)).toBeLessThan(0.02);
    }
  });

  it('never reports p below the permutation minimum 2/C(n+m, n), e.g. 3 equal runs vs 3 equal runs', () => {
    for (const [n, m] of [
      [3, 3],
      [4, 4],
      [5, 5],
      [2, 6],
    ] as const) {
      const x = new Array<number>(n).fill(1000);
      const y = new Array<number>(m).fill(1200);
      const result = mannWhitneyU(x, y);
      expect(result.method).toBe('normal');
      expect(result.u).toBe(0);
      // With only two tie groups the single most extreme arrangement is the observed one:
      // the exact conditional p is 2 / C(n+m, n), the floor.
      const exactP = twoSidedP(bruteForceDistribution([...x, ...y], n), 0);
      expect(exactP).toBeCloseTo(2 / choose(n + m, n), 14);
      expect(result.p).toBeCloseTo(exactP, 14);
    }
    expect(mannWhitneyU([1, 1, 1], [2, 2, 2]).p).toBeCloseTo(0.1, 14);
  });
});

describe('Mann–Whitney U: invariances and edge cases', () => {
  it('swapping x and y keeps p and turns u into n·m − u', () => {
    const random = seededRandom(3);
    for (const [n, m, levels] of [
      [4, 7, 0],
      [10, 10, 0],
      [60, 45, 0],
      [6, 9, 4],
      [30, 30, 10],
    ] as const) {
      const draw = (): number => (levels > 0 ? Math.floor(random() * levels) : random());
      const x = Array.from({ length: n }, draw);
      const y = Array.from({ length: m }, () => draw() + 0.1);
      const forward = mannWhitneyU(x, y);
      const backward = mannWhitneyU(y, x);
      expect(backward.method).toBe(forward.method);
      expect(backward.u).toBe(n * m - forward.u);
      expect(backward.p).toBeCloseTo(forward.p, 12);
    }
  });

  it('is invariant to strictly increasing transforms; a decreasing one only flips u', () => {
    const random = seededRandom(5);
    for (const [n, m] of [
      [5, 6],
      [20, 25],
      [55, 60],
    ] as const) {
      const x = Array.from({ length: n }, () => 1 + random() * 9);
      const y = Array.from({ length: m }, () => 1.5 + random() * 9);
      const base = mannWhitneyU(x, y);
      for (const transform of [(v: number) => Math.exp(v), (v: number) => v ** 3, (v: number) => Math.log(v), (v: number) => 1000 * v - 7]) {
        expect(mannWhitneyU(x.map(transform), y.map(transform))).toEqual(base);
      }
      const negated = mannWhitneyU(
        x.map((v) => -v),
        y.map((v) => -v),
      );
      expect(negated.u).toBe(n * m - base.u);
      expect(negated.p).toBeCloseTo(base.p, 12);
    }
  });

  it('empty samples throw a clear error; NaN is refused', () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(/at least one value in each sample \(got 0 and 2\)/);
    expect(() => mannWhitneyU([1], [])).toThrow(/at least one value in each sample/);
    expect(() => mannWhitneyU([1, Number.NaN], [2])).toThrow(/NaN/);
  });

  it('all values identical on both sides gives p = 1', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5])).toEqual({ u: 3, p: 1, method: 'normal' });
    expect(mannWhitneyU([7], [7])).toEqual({ u: 0.5, p: 1, method: 'normal' });
    const many = new Array<number>(80).fill(2);
    expect(mannWhitneyU(many, many).p).toBe(1);
  });

  it('one value on each side: p = 1 whichever is larger', () => {
    expect(mannWhitneyU([1], [2])).toEqual({ u: 0, p: 1, method: 'exact' });
    expect(mannWhitneyU([2], [1])).toEqual({ u: 1, p: 1, method: 'exact' });
  });
});

describe('minimumRunsForSignificance', () => {
  it('is the smallest n with 2/C(2n, n) < alpha (Pascal’s triangle), e.g. 4 runs for 0.05', () => {
    expect(minimumRunsForSignificance(0.05)).toBe(4);
    expect(minimumRunsForSignificance(0.01)).toBe(5);
    expect(minimumRunsForSignificance(0.001)).toBe(7);
    // 3 runs reach exactly 2/20 = 0.1, which is not below 0.1.
    expect(minimumRunsForSignificance(0.1)).toBe(4);
    for (const alpha of [0.5, 0.34, 0.2, 0.05, 0.02, 0.01, 0.005, 1e-4, 1e-6]) {
      let runs = 1;
      while (!(2 / choose(2 * runs, runs) < alpha)) runs++;
      expect(minimumRunsForSignificance(alpha)).toBe(runs);
    }
  });

  it('agrees with the test itself: separated samples of N runs reach p < alpha, of N − 1 do not', () => {
    for (const alpha of [0.2, 0.05, 0.01, 0.001]) {
      const runs = minimumRunsForSignificance(alpha);
      const enough = separated(runs, runs);
      expect(mannWhitneyU(enough.x, enough.y).p).toBeLessThan(alpha);
      const tooFew = separated(runs - 1, runs - 1);
      if (runs > 1) expect(mannWhitneyU(tooFew.x, tooFew.y).p).toBeGreaterThanOrEqual(alpha);
    }
  });

  it('refuses alpha ≤ 0 or NaN', () => {
    expect(() => minimumRunsForSignificance(0)).toThrow(/alpha/);
    expect(() => minimumRunsForSignificance(-0.05)).toThrow(/alpha/);
    expect(() => minimumRunsForSignificance(Number.NaN)).toThrow(/alpha/);
  });
});
