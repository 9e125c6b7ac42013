// Two-sided Mann–Whitney U test (Wilcoxon rank-sum), the test benchstat uses to say whether
// two builds differ (golang.org/x/perf/benchmath AssumeNothing.Compare → go-moremath
// stats.MannWhitneyUTest). It assumes nothing about the shape of run-to-run noise, only
// that runs are independent.
//
// Statistic. u is the U of the FIRST sample: the number of pairs (x_i, y_j) with x_i > y_j,
// plus ½ for each pair with x_i = y_j; u = R_x − n(n+1)/2 with R_x the sum of x's midranks.
// It lies in [0, n·m]; the U of y is n·m − u. (benchstat reports min(u, n·m − u) instead;
// ours keeps the direction: u > n·m/2 means x tends to be larger.)
//
// Two-sided p-value. p = min(1, 2·min(P(U ≤ u), P(U ≥ u))) under the null hypothesis that
// all C(n+m, n) assignments of the pooled values to the two samples are equally likely.
// Both tails include u itself, so an observation at the centre gives p = 1 rather than a
// value just below it.
//
// Method.
// - 'exact' when n·m ≤ EXACT_MAX_PAIRS (2500), with or without ties.
//   · No ties: the null distribution of U is counted by dynamic programming over (n, m, u)
//     (Mann & Whitney 1947). 2500 pairs is the worst case of benchstat's limit (both samples
//     ≤ 50, "a few milliseconds"). The work of the recurrence depends on n·m alone (about
//     (n·m)²/4 additions), so measuring the limit in pairs gives lopsided comparisons (3 runs
//     against 800) the exact distribution at the same cost; that is where the normal curve
//     is poorest.
//   · Ties: the exact distribution of U CONDITIONAL on the tie structure (Klotz 1966; the
//     permutation distribution of the midrank sum): every one of the C(n+m, n) splits of the
//     pooled multiset into samples of n and m is equally likely, and U moves in steps of ½.
//     Counted by dynamic programming over the groups of tied values (ascending), choosing how
//     many of each group go to the smaller sample (see exactTiedUCounts). Ties are common in
//     profile comparisons (allocation and entry counts are often identical across runs), and
//     for few runs the tie-corrected normal curve is poor: off by ~0.016 at 8 vs 12 runs on
//     5 levels, and far more with fewer levels, where U takes only a few values (x = four 1s,
//     y = eight 1s and two 0s: normal 0.415, exact 0.989). Over random samples of 2–10 runs
//     a side on 2–7 levels the normal p was off by 0.03 (median), 0.20 (90th percentile).
//     The same 2500-pair limit applies. Measured on Node 20 (a loaded 2-core machine), one
//     call at the limit: worst ~5 ms, for a few ties among
//     otherwise distinct values at 50 vs 50 with u near the centre (the untied recurrence,
//     cached per size, would be ~0.01 ms); 2 to 5 levels at 50 vs 50 0.5–3.5 ms; 3 vs 833
//     runs ≤ 2.5 ms; 20 vs 20 runs ~0.3 ms, 10 vs 10 ~0.02 ms. That is the cost of one row of
//     a comparison, so a 1000-row table of 50 runs a side stays within a few seconds. For
//     comparison, go-moremath (benchstat) computes the exact tied distribution only when both
//     samples have ≤ 25 values (MannWhitneyTiesExactLimit; 9 in older versions), the untied
//     one up to 50 each; beyond that it uses the normal approximation.
//     Unlike the untied case, the tied distribution need not be symmetric about n·m/2
//     (x = [1], y = [2, 2]: U is 0 or 1.5), so both tails are summed as defined above;
//     go-moremath doubles its CDF at min(U, n·m − U) instead, which can differ.
// - 'normal' beyond 2500 pairs (untied or tied). Normal approximation with the tie
//   correction of the variance and a continuity correction of ½. The normal p is never
//   reported below 2 / C(n+m, n), the smallest p ANY permutation test on these sample sizes
//   can give (each tail holds at least the observed assignment). The exact paths satisfy
//   this bound by construction; it is kept for the normal path because it is a true bound
//   that costs nothing and still binds beyond the limit for lopsided, heavily tied samples:
//   2 identical runs against 1300 other identical ones give z ≈ −36 and a normal p of 0,
//   where the permutation p is 2 / C(1302, 2) ≈ 2.4·10⁻⁶. Beyond the limit, heavy ties
//   (few levels) still make the normal p rough: U then moves in coarse steps that the
//   continuity correction of ½ does not model (off by up to ~0.06 in the tests).
// - All values identical: U = n·m/2 in every split, nothing can be concluded, p = 1
//   (benchstat reports ErrSamplesEqual and shows the comparison with P = 1). Within the
//   limit this is the exact tied distribution (a single point) and reports 'exact'.
//
// From simple-statistics: `errorFunction` (Numerical Recipes erfc, fractional error
// < 1.2·10⁻⁷) for the normal CDF. Not used, deliberately:
// - `cumulativeStdNormalProbability`: a table in steps of 0.01 in z with 4 decimals that
//   saturates at 0.999 (|z| ≥ 3.09), so p would never drop below 0.002 — too coarse for
//   p-values that Holm/BH then multiply by the number of rows.
// - `wilcoxonRankSum`: in 7.8.8 it does not reset its tie group after averaging one, so a
//   second tie group is averaged together with the first (x = [1, 1], y = [2, 3, 3] gives a
//   rank sum of 6 instead of 3).
// Written by hand: midranks and tie sizes, the exact U distributions (untied and tied), the
// minimum p.
import { errorFunction } from 'simple-statistics';

export type MannWhitneyMethod = 'exact' | 'normal';

export interface MannWhitneyResult {
  /** U of the first sample: pairs with x > y, plus ½ per tied pair; in [0, n·m]. */
  u: number;
  /** Two-sided p-value, min(1, 2·min(P(U ≤ u), P(U ≥ u))). */
  p: number;
  method: MannWhitneyMethod;
}

/** Largest n·m for which the exact distribution of U is computed (with or without ties). */
export const EXACT_MAX_PAIRS = 2500;

export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) {
    throw new Error(`Mann–Whitney U test needs at least one value in each sample (got ${n} and ${m})`);
  }
  if (x.some(Number.isNaN) || y.some(Number.isNaN)) {
    throw new Error('Mann–Whitney U test cannot rank NaN values');
  }

  const { rankSumX, tieSizes } = rankPooled(x, y);
  const u = rankSumX - (n * (n + 1)) / 2;
  const hasTies = tieSizes.some((size) => size > 1);

  if (n * m <= EXACT_MAX_PAIRS) {
    const p = hasTies ? exactTiedTwoSidedP(u, n, m, tieSizes) : exactTwoSidedP(u, n, m);
    return { u, p, method: 'exact' };
  }
  return { u, p: normalTwoSidedP(u, n, m, tieSizes), method: 'normal' };
}

/**
 * The smallest number of runs per side (equal on both sides) for which the exact two-sided
 * test can give p < alpha at all: its minimum p, 2 / C(2n, n), reached when the samples
 * do not overlap. alpha 0.05 → 4 runs (2/70 = 0.029; 3 runs give at best 2/20 = 0.1).
 * Strictly below alpha: at alpha = 0.1 this says 4, where benchstat (minP ≤ alpha) says 3.
 */
export function minimumRunsForSignificance(alpha: number): number {
  if (!(alpha > 0)) throw new Error(`alpha must be a positive number (got ${alpha})`);
  for (let runs = 1; ; runs++) {
    if (minimumTwoSidedP(runs, runs) < alpha) return runs;
  }
}

/** min(1, 2 / C(n+m, n)): no permutation test on these sizes gives a smaller two-sided p. */
function minimumTwoSidedP(n: number, m: number): number {
  let assignments = 1; // C(n+m, n), built up as C(m+k, k) for k = 1..n
  for (let k = 1; k <= n; k++) assignments = (assignments * (m + k)) / k;
  return Math.min(1, 2 / assignments);
}

/** Sum of x's midranks in the pooled sample (ranks from 1) and the size of every tie group. */
function rankPooled(x: readonly number[], y: readonly number[]): { rankSumX: number; tieSizes: number[] } {
  const pooled = [...x.map((value) => ({ value, fromX: true })), ...y.map((value) => ({ value, fromX: false }))];
  pooled.sort((a, b) => a.value - b.value);
  let rankSumX = 0;
  const tieSizes: number[] = [];
  for (let start = 0; start < pooled.length; ) {
    let end = start;
    let fromXCount = 0;
    while (end < pooled.length && pooled[end]!.value === pooled[start]!.value) {
      if (pooled[end]!.fromX) fromXCount++;
      end++;
    }
    // Positions start..end-1 hold ranks start+1..end; each gets their mean.
    rankSumX += fromXCount * ((start + 1 + end) / 2);
    tieSizes.push(end - start);
    start = end;
  }
  return { rankSumX, tieSizes };
}

function exactTwoSidedP(u: number, n: number, m: number): number {
  const cumulative = exactUCumulativeCounts(n, m);
  const total = cumulative[n * m]!;
  // U is symmetric about n·m/2, so P(U ≥ u) = P(U ≤ n·m − u): both tails are sums of small
  // terms, never 1 minus a sum, so a tiny p keeps its relative precision.
  const atOrBelow = cumulative[u]!;
  const atOrAbove = cumulative[n * m - u]!;
  return Math.min(1, (2 * Math.min(atOrBelow, atOrAbove)) / total);
}

/**
 * Two-sided p from the exact distribution of U given the tie group sizes (ascending values).
 * Counted for the smaller sample, whose U is u (x smaller or equal) or n·m − u (y smaller).
 * Only the tail on the observed side of the mean is counted: E[U] = n·m/2 whatever the ties,
 * and states whose partial U already exceeds the observed one cannot come back (U only grows
 * as groups are added), so the DP stops there; for an observed U above the mean the order of
 * the values is reversed, which turns every U into n·m − U. That halves the work at the
 * centre and cuts most of it for the small p-values that matter. The far tail follows from
 * the total C(n+m, n): P(U ≥ u) = 1 − P(U ≤ u) + P(U = u) for the lower tail.
 */
function exactTiedTwoSidedP(u: number, n: number, m: number, tieSizes: readonly number[]): number {
  const small = Math.min(n, m);
  const large = Math.max(n, m);
  // 2U of the smaller sample: an integer in [0, 2·n·m], mean n·m.
  let observed = n <= m ? 2 * u : 2 * (n * m - u);
  let groups = tieSizes;
  if (observed > n * m) {
    groups = [...tieSizes].reverse();
    observed = 2 * n * m - observed;
  }
  const counts = exactTiedUCounts(small, large, groups, observed);
  let nearTail = 0; // splits with 2U ≤ observed (in the possibly reversed order)
  for (let twiceU = 0; twiceU <= observed; twiceU++) nearTail += counts[twiceU]!;
  const total = binomialCoefficient(n + m, small);
  // Splits with 2U ≥ observed. A subtraction, but it is only small when the near tail holds
  // nearly all the mass, and its absolute error stays ~10⁻¹⁶·total: p is off by ~10⁻¹⁵ at most.
  const farTail = Math.max(0, total - nearTail + counts[observed]!);
  return Math.min(1, (2 * Math.min(nearTail, farTail)) / total);
}

/** C(a, b) in floating point, built up as C(a − b + k, k) for k = 1..b (relative error ~b·10⁻¹⁶). */
function binomialCoefficient(a: number, b: number): number {
  let value = 1;
  for (let k = 1; k <= b; k++) value = (value * (a - b + k)) / k;
  return value;
}

/**
 * counts[v] = number of the C(a+b, a) splits of the pooled multiset into a chosen sample of
 * size a and another of size b with 2U_chosen = v (U counting ½ per tied pair), for
 * v = 0..limit (limit ≤ 2ab; larger values are not counted), given the tie group sizes
 * `tieSizes` in ascending order of value (Σ = a + b).
 *
 * Dynamic programming over the groups (the idea of Klotz 1966; Cheung & Klotz 1997 keep the
 * same states in linked lists). State after the first s pooled values: rows[i][v] = number
 * of ways to pick i of them for the chosen sample with partial 2U = v. Adding a group of t
 * equal values of which r go to the chosen sample (C(t, r) ways): each of the r beats the
 * s − i earlier values of the other sample (2 each) and ties with the t − r of the group
 * that go to the other sample (1 each), so
 *   rows'[i + r][v + r·(2(s − i) + t − r)] += C(t, r) · rows[i][v].
 * Rows are updated in place with the target i descending, so the source rows i − r (r ≥ 1)
 * still describe the previous groups; r = 0 leaves a row as it is. Only states that can
 * still end at (a, b) are visited (i ≤ a, s − i ≤ b), and partial 2U is at most
 * 2·i·(s − i). Work is about Σ_groups Σ_i min(t, i)·min(2·i·(s − i), limit) multiply-adds,
 * i.e. a few times the untied recurrence; memory (a + 1)·(limit + 1) numbers. Counts above
 * 2⁵³ are rounded (relative ~10⁻¹⁶ per operation), as in the untied recurrence.
 */
function exactTiedUCounts(a: number, b: number, tieSizes: readonly number[], limit: number): Float64Array {
  const rows = Array.from({ length: a + 1 }, () => new Float64Array(limit + 1));
  rows[0]![0] = 1;
  let seen = 0; // s: pooled values in the groups processed so far
  for (const t of tieSizes) {
    const binomial = [1]; // C(t, r) for r = 0..min(t, a)
    for (let r = 1; r <= Math.min(t, a); r++) binomial.push((binomial[r - 1]! * (t - r + 1)) / r);
    const after = seen + t;
    for (let i = Math.min(a, after); i >= Math.max(1, after - b); i--) {
      const target = rows[i]!;
      // Sources i − r > seen are still all zero: skip them. (The other bound, seen − (i − r)
      // ≤ b, needs no check: it is at most after − i ≤ b since r ≤ t.)
      const rLow = Math.max(1, i - seen);
      const rHigh = Math.min(t, i);
      for (let r = rLow; r <= rHigh; r++) {
        const from = i - r;
        const source = rows[from]!;
        const weight = binomial[r]!;
        const shift = r * (2 * (seen - from) + t - r);
        const top = Math.min(2 * from * (seen - from), limit - shift);
        for (let v = 0; v <= top; v++) {
          const count = source[v]!;
          if (count !== 0) target[v + shift]! += weight * count;
        }
      }
    }
    seen = after;
  }
  return rows[a]!;
}

// Every row of a comparison has the same run counts, so the distribution is computed once
// per (n, m) and kept; a handful of distinct sizes is the normal case, the bound is a guard.
const cumulativeCache = new Map<string, Float64Array>();
const CUMULATIVE_CACHE_LIMIT = 64;

/** cumulative[u] = number of assignments with U ≤ u, for u = 0..n·m (no ties). */
function exactUCumulativeCounts(n: number, m: number): Float64Array {
  const key = `${Math.min(n, m)}x${Math.max(n, m)}`;
  const cached = cumulativeCache.get(key);
  if (cached) return cached;
  const cumulative = exactUCounts(n, m);
  for (let value = 1; value < cumulative.length; value++) cumulative[value]! += cumulative[value - 1]!;
  if (cumulativeCache.size >= CUMULATIVE_CACHE_LIMIT) cumulativeCache.clear();
  cumulativeCache.set(key, cumulative);
  return cumulative;
}

/**
 * counts[u] = number of the C(n+m, n) assignments with U = u (no ties), for u = 0..n·m.
 * Recurrence on the largest pooled value: if it belongs to x it beats all j values of y,
 *   c(i, j; u) = c(i−1, j; u−j) + c(i, j−1; u),   c(0, j; 0) = c(i, 0; 0) = 1.
 * The distribution is the same for (n, m) and (m, n), so i runs over the smaller sample.
 * One array per i is updated in place as j grows: when row i is updated for j, row i−1
 * already holds j and row i still holds j−1. Work is Σ_j Σ_i i·j ≈ (n·m)²/4 additions
 * whatever the shape (1.6·10⁶ at EXACT_MAX_PAIRS), memory (min(n, m)+1)·(n·m+1) numbers.
 * Counts exceed 2⁵³ beyond C(56, 28); they stay accurate to a relative ~10⁻¹³, enough for p.
 */
function exactUCounts(n: number, m: number): Float64Array {
  const small = Math.min(n, m);
  const large = Math.max(n, m);
  const rows = Array.from({ length: small + 1 }, () => new Float64Array(small * large + 1));
  for (const row of rows) row[0] = 1; // c(i, 0; ·): U = 0 only
  for (let j = 1; j <= large; j++) {
    for (let i = 1; i <= small; i++) {
      const row = rows[i]!; // c(i, j−1; ·) becoming c(i, j; ·)
      const fewer = rows[i - 1]!; // c(i−1, j; ·)
      for (let value = i * j; value >= j; value--) row[value]! += fewer[value - j]!;
    }
  }
  return rows[small]!;
}

function normalTwoSidedP(u: number, n: number, m: number, tieSizes: readonly number[]): number {
  const pooledSize = n + m;
  const tieSum = tieSizes.reduce((sum, size) => sum + size ** 3 - size, 0);
  // Var(U) = n·m/12 · ((N+1) − Σ(t³ − t) / (N(N−1))): the variance of U over all
  // assignments of the midranks, t running over tie group sizes (the correction R's
  // wilcox.test and go-moremath's tieCorrection use). N ≥ 2 since both samples are non-empty.
  const variance = ((n * m) / 12) * (pooledSize + 1 - tieSum / (pooledSize * (pooledSize - 1)));
  // 0 exactly when every value is equal (Σ(t³ − t) = N³ − N); otherwise at least n·m/4.
  if (!(variance > 0)) return 1;
  const sd = Math.sqrt(variance);
  const mean = (n * m) / 2;
  // Continuity correction: P(U ≤ u) ≈ Φ((u + ½ − μ)/σ), P(U ≥ u) ≈ Φ((μ − u + ½)/σ).
  const atOrBelow = standardNormalCdf((u + 0.5 - mean) / sd);
  const atOrAbove = standardNormalCdf((mean - u + 0.5) / sd);
  const p = Math.min(1, 2 * Math.min(atOrBelow, atOrAbove));
  return Math.max(p, minimumTwoSidedP(n, m));
}

/** Φ(z) = (1 + erf(z/√2)) / 2. For z ≪ 0 the result keeps an absolute error near 10⁻¹⁶. */
function standardNormalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}
