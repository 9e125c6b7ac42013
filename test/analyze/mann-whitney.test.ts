import { describe, expect, it } from 'vitest';
import { EXACT_MAX_PAIRS, mannWhitneyU, minimumRunsForSignificance } from '../../src/analyze/mann-whitney.js';
import { seededRandom } from '../support/seeded-random.js';

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

/**
 * Null distribution of U for x against y given the ties, by enumerating how many of each
 * distinct value go to the first sample: every vector (r_1..r_K) with 0 ≤ r_k ≤ t_k and
 * Σ r_k = n, weighted by Π C(t_k, r_k) in exact big integers (a multivariate hypergeometric
 * enumeration, feasible for 50 vs 50 when there are few distinct values). U comes from the
 * rank sum, U = Σ r_k · midrank_k − n(n+1)/2. Keys are 2U.
 */
function levelSplitDistribution(x: readonly number[], y: readonly number[]): Map<number, bigint> {
  const pooled = [...x, ...y].sort((a, b) => a - b);
  const levels = [...new Set(pooled)];
  const sizes = levels.map((v) => pooled.filter((w) => w === v).length);
  const midrank = levels.map((v) => pooled.filter((w) => w < v).length + (pooled.filter((w) => w === v).length + 1) / 2);
  const n = x.length;
  const counts = new Map<number, bigint>();
  const visit = (k: number, left: number, rankSum: number, ways: bigint): void => {
    if (k === levels.length) {
      if (left !== 0) return;
      const twiceU = 2 * rankSum - n * (n + 1);
      counts.set(twiceU, (counts.get(twiceU) ?? 0n) + ways);
      return;
    }
    for (let r = 0; r <= Math.min(left, sizes[k]!); r++) visit(k + 1, left - r, rankSum + r * midrank[k]!, ways * bigChoose(sizes[k]!, r));
  };
  visit(0, n, 0, 1n);
  return counts;
}

/** Two-sided p from a big-integer distribution keyed by 2U. */
function twoSidedPBig(distribution: Map<number, bigint>, u: number): number {
  let total = 0n;
  let below = 0n;
  let above = 0n;
  for (const [twiceU, count] of distribution) {
    total += count;
    if (twiceU <= 2 * u) below += count;
    if (twiceU >= 2 * u) above += count;
  }
  const tail = below < above ? below : above;
  // Scale before dividing so that the quotient keeps 16 significant digits down to p ≈ 10⁻²⁴.
  return Math.min(1, Number((2n * tail * 10n ** 40n) / total) / 1e40);
}

/** C(a, b) in big integers, from Pascal's triangle (rows kept). */
const bigPascal: bigint[][] = [[1n]];
function bigChoose(a: number, b: number): bigint {
  while (bigPascal.length <= a) {
    const last = bigPascal[bigPascal.length - 1]!;
    bigPascal.push([1n, ...last.slice(1).map((v, k) => v + last[k]!), 1n]);
  }
  return bigPascal[a]![b]!;
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

describe('Mann–Whitney U: exact distribution with ties', () => {
  /** Checks one tied (or untied) pair of small samples against brute-force enumeration. */
  const expectBruteForce = (x: readonly number[], y: readonly number[]): void => {
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('exact');
    expect(result.u).toBe(pairU(x, y));
    expect(result.p).toBeCloseTo(twoSidedP(bruteForceDistribution([...x, ...y], x.length), result.u), 12);
  };
  const hasTie = (x: readonly number[], y: readonly number[]): boolean => new Set([...x, ...y]).size < x.length + y.length;

  it('equals brute-force enumeration of all C(n+m, n) splits for tie patterns at every n, m ≤ 7', () => {
    const random = seededRandom(17);
    const from = (length: number, draw: () => number): number[] => Array.from({ length }, draw);
    const level = (count: number, offset = 0) => (): number => Math.floor(random() * count) + offset;
    // Each pattern gives x (n values) and y (m values).
    const patterns: Array<(n: number, m: number) => [number[], number[]]> = [
      (n, m) => [from(n, level(2)), from(m, level(2))], // two levels: big groups everywhere
      (n, m) => [from(n, level(3)), from(m, level(3))],
      (n, m) => [from(n, level(4, 1)), from(m, level(4))], // shifted: skewed U, small p
      (n, m) => [from(n, () => 2), from(m, level(5))], // x all one value inside y's range
      (n, m) => [from(n, level(4)), from(m, () => 1)], // y all one value
      (n, m) => [from(n, () => 0), from(m, level(3))], // x all equal to y's lowest level (or below)
      (n, m) => [from(n, () => 5), from(m, () => 3)], // each side one value, the sides differ
      (n, m) => [from(n, () => 4), from(m, () => 4)], // all values equal: p = 1
      (n, m) => [from(n, () => 1000 + 10 * Math.floor(random() * 2)), from(m, () => 1000 + 10 * Math.floor(random() * 3))],
      // Distinct values except one tie group straddling the middle.
      (n, m) => [from(n, () => (random() < 0.5 ? 0.5 : random())), from(m, () => (random() < 0.5 ? 0.5 : random()))],
      // Mostly distinct, one pair tied across the samples.
      (n, m) => {
        const x = from(n, () => random());
        const y = from(m, () => random());
        y[0] = x[0]!;
        return [x, y];
      },
    ];
    let tied = 0;
    for (let n = 1; n <= 7; n++) {
      for (let m = 1; m <= 7; m++) {
        for (const pattern of patterns) {
          for (let repeat = 0; repeat < 2; repeat++) {
            const [x, y] = pattern(n, m);
            if (hasTie(x, y)) tied++;
            expectBruteForce(x, y);
          }
        }
      }
    }
    expect(tied).toBeGreaterThan(900); // of 49 · 11 · 2 = 1078 cases
  });

  it('equals brute force for every sample with n + m ≤ 7 drawn from 3 levels (all tie patterns)', () => {
    for (let total = 2; total <= 7; total++) {
      for (let n = 1; n < total; n++) {
        for (let code = 0; code < 3 ** total; code++) {
          const values = Array.from({ length: total }, (_, i) => Math.floor(code / 3 ** i) % 3);
          expectBruteForce(values.slice(0, n), values.slice(n));
        }
      }
    }
  });

  it('gives the samples where the normal curve was off by up to 0.016 their exact p', () => {
    // Formerly the 'normal' path: integers from a few levels, C(20, 10) splits each.
    const random = seededRandom(11);
    for (const [n, m, levels, shift] of [
      [10, 10, 6, 0],
      [10, 10, 6, 1],
      [10, 10, 12, 2],
      [8, 12, 5, 1],
      [9, 11, 20, 3],
    ] as const) {
      const x = Array.from({ length: n }, () => Math.floor(random() * levels) + shift);
      const y = Array.from({ length: m }, () => Math.floor(random() * levels));
      expect(hasTie(x, y)).toBe(true);
      expectBruteForce(x, y);
    }
  });

  it('identical runs on each side: 3 vs 3 gives p = 0.1 and 4 vs 4 gives 2/70 exactly', () => {
    const fill = (length: number, value: number): number[] => new Array<number>(length).fill(value);
    expect(mannWhitneyU(fill(3, 1000), fill(3, 1200))).toEqual({ u: 0, p: 0.1, method: 'exact' });
    expect(mannWhitneyU(fill(3, 1200), fill(3, 1000))).toEqual({ u: 9, p: 0.1, method: 'exact' });
    expect(mannWhitneyU(fill(4, 1000), fill(4, 1200))).toEqual({ u: 0, p: 2 / 70, method: 'exact' });
    expect(mannWhitneyU(fill(4, 1200), fill(4, 1000))).toEqual({ u: 16, p: 2 / 70, method: 'exact' });
    // In general the observed split is the only one this extreme: 2 / C(n+m, n), the smallest
    // p any permutation test can give (the floor the normal path used to apply here).
    for (const [n, m] of [
      [5, 5],
      [2, 6],
      [7, 3],
      [1, 9],
    ] as const) {
      const result = mannWhitneyU(fill(n, 1000), fill(m, 1200));
      expect(result.method).toBe('exact');
      expect(result.u).toBe(0);
      expect(result.p).toBeCloseTo(2 / choose(n + m, n), 15);
      expect(result.p / (2 / choose(n + m, n))).toBeCloseTo(1, 13);
    }
  });

  it('few levels: U takes a few values and the exact p follows the hypergeometric split', () => {
    // x = four 1s, y = eight 1s and two 0s. Only r, the number of 0s that go to x, matters:
    // U = 4·2 + ½·4·8 = 24 when r = 0 (C(12, 4) = 495 of C(14, 4) = 1001 splits), less
    // otherwise. P(U ≥ 24) = 495/1001 and P(U ≤ 24) = 1, so p = 990/1001 (the tie-corrected
    // normal curve said 0.415).
    const result = mannWhitneyU([1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 0, 0, 1, 1]);
    expect(result).toEqual({ u: 24, p: expect.closeTo(990 / 1001, 14), method: 'exact' });
  });

  it('sums both tails: the tied distribution of U need not be symmetric about n·m/2', () => {
    // x = [1], y = [2, 2]: U is 0 (x takes the 1) or 1.5 (x takes a 2, twice): P = 1/3, 2/3.
    expect(mannWhitneyU([1], [2, 2])).toEqual({ u: 0, p: expect.closeTo(2 / 3, 14), method: 'exact' });
    // x = [2], y = [1, 1]: U is 2 (x takes the 2) or 0.5 (x takes a 1, twice). P(U ≤ 2) = 1 and
    // P(U ≥ 2) = 1/3, so p = 2/3; doubling P(U ≤ min(u, n·m − u)) = P(U ≤ 0) would give 0.
    expect(mannWhitneyU([2], [1, 1])).toEqual({ u: 2, p: expect.closeTo(2 / 3, 14), method: 'exact' });
    expectBruteForce([2], [1, 1]);
    expectBruteForce([3, 3, 1], [1, 1, 1, 1, 2]);
  });

  it('is symmetric: swapping x and y, or negating every value, keeps p and turns u into n·m − u', () => {
    const random = seededRandom(29);
    for (const [n, m, levels] of [
      [3, 5, 2],
      [7, 7, 3],
      [6, 13, 4],
      [20, 20, 5],
      [50, 50, 6],
      [2, 1000, 30],
      [45, 55, 40],
    ] as const) {
      expect(n * m).toBeLessThanOrEqual(EXACT_MAX_PAIRS);
      const x = Array.from({ length: n }, () => Math.floor(random() * levels));
      const y = Array.from({ length: m }, () => Math.floor(random() * levels + 0.5));
      expect(hasTie(x, y)).toBe(true);
      const base = mannWhitneyU(x, y);
      expect(base.method).toBe('exact');
      for (const mirrored of [
        mannWhitneyU(y, x),
        mannWhitneyU(
          x.map((v) => -v),
          y.map((v) => -v),
        ),
      ]) {
        expect(mirrored.method).toBe('exact');
        expect(mirrored.u).toBe(n * m - base.u);
        expect(mirrored.p).toBeCloseTo(base.p, 12);
      }
      // Swapping and negating together gives back the same u and p.
      const both = mannWhitneyU(
        y.map((v) => -v),
        x.map((v) => -v),
      );
      expect(both.u).toBe(base.u);
      expect(both.p).toBeCloseTo(base.p, 12);
    }
  });

  it('50 vs 50 (and 3 vs 833) with heavy ties equals enumeration over the split of each level', () => {
    // Reference: exact big-integer counts over how many of each level go to x (not a DP).
    const random = seededRandom(31);
    for (const [n, m, levels, shift] of [
      [50, 50, 2, 0], // two levels: U is a function of one hypergeometric count
      [50, 50, 3, 0],
      [50, 50, 4, 0.5],
      [50, 50, 5, 0],
      [50, 50, 3, 1],
      [25, 100, 4, 0.3],
      [3, 833, 6, 0.4],
    ] as const) {
      expect(n * m).toBeLessThanOrEqual(EXACT_MAX_PAIRS);
      const x = Array.from({ length: n }, () => Math.floor(random() * levels + shift));
      const y = Array.from({ length: m }, () => Math.floor(random() * levels));
      const result = mannWhitneyU(x, y);
      expect(result.method).toBe('exact');
      expect(result.u).toBe(pairU(x, y));
      const exactP = twoSidedPBig(levelSplitDistribution(x, y), result.u);
      expect(result.p).toBeCloseTo(exactP, 12);
      expect(result.p / exactP).toBeCloseTo(1, 12); // relative, too: one case has p ≈ 3.5·10⁻⁸
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

  it('with ties beyond EXACT_MAX_PAIRS: u counts tied pairs as ½, p stays near the exact conditional p', () => {
    // Reference: the permutation distribution given the ties, by enumerating how many of each
    // level go to x (exact big integers). Few levels, many ties: the hardest case for the
    // tie-corrected normal curve. With 3 to 5 levels U lives on a coarse lattice and the
    // continuity correction of ½ assumes unit steps: the error reaches 0.062 here (30 vs 90
    // runs on 3 levels, exact 0.967, normal 0.905), 0.035 at 51 vs 51 on 3 levels; hence 0.07.
    // (Within EXACT_MAX_PAIRS the exact conditional distribution is used instead.)
    const random = seededRandom(23);
    for (const [n, m, levels, shift] of [
      [51, 51, 3, 0],
      [51, 51, 4, 1],
      [51, 51, 5, 0.3],
      [40, 70, 4, 0.5],
      [30, 90, 3, 0.4],
      [26, 100, 5, 0.6],
    ] as const) {
      expect(n * m).toBeGreaterThan(EXACT_MAX_PAIRS);
      for (let repeat = 0; repeat < 3; repeat++) {
        const x = Array.from({ length: n }, () => Math.min(levels - 1, Math.floor(random() * levels + shift * repeat)));
        const y = Array.from({ length: m }, () => Math.floor(random() * levels));
        const result = mannWhitneyU(x, y);
        expect(result.method).toBe('normal');
        expect(result.u).toBe(pairU(x, y));
        const exactP = twoSidedPBig(levelSplitDistribution(x, y), result.u);
        expect(Math.abs(result.p - exactP)).toBeLessThan(0.07);
      }
    }
  });

  it('keeps p at or above the permutation minimum 2/C(n+m, n) beyond EXACT_MAX_PAIRS', () => {
    // 2 identical runs against 1300 other identical runs: z ≈ −36, the normal p is 0; the
    // permutation p is 2/C(1302, 2), the observed split being the only one with U = 0.
    const x = new Array<number>(2).fill(1000);
    const y = new Array<number>(1300).fill(1200);
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('normal');
    expect(result.u).toBe(0);
    const exactP = twoSidedP(bruteForceDistribution([...x, ...y], 2), 0);
    expect(exactP).toBeCloseTo(2 / ((1302 * 1301) / 2), 15);
    expect(result.p).toBeCloseTo(exactP, 15);
    expect(result.p / exactP).toBeCloseTo(1, 12);
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
    // Within EXACT_MAX_PAIRS this is the exact tied distribution (U = n·m/2 in every split).
    expect(mannWhitneyU([5, 5, 5], [5, 5])).toEqual({ u: 3, p: 1, method: 'exact' });
    expect(mannWhitneyU([7], [7])).toEqual({ u: 0.5, p: 1, method: 'exact' });
    const fifty = new Array<number>(50).fill(3);
    expect(mannWhitneyU(fifty, fifty)).toEqual({ u: 1250, p: 1, method: 'exact' });
    // Beyond it the normal path sees a variance of 0.
    const many = new Array<number>(80).fill(2);
    expect(mannWhitneyU(many, many)).toEqual({ u: 3200, p: 1, method: 'normal' });
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
