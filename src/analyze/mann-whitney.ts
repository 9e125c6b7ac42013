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
// - 'exact' when there are no ties and n·m ≤ EXACT_MAX_PAIRS (2500): the null distribution
//   of U is counted by dynamic programming over (n, m, u) (Mann & Whitney 1947). 2500 pairs
//   is the worst case of benchstat's limit (both samples ≤ 50, "a few milliseconds"). The
//   work of the recurrence depends on n·m alone (about (n·m)²/4 additions), so measuring
//   the limit in pairs gives lopsided comparisons (3 runs against 800) the exact
//   distribution at the same cost; that is where the normal curve is poorest.
// - 'normal' otherwise: any tie, or more than 2500 pairs. Normal approximation with the tie
//   correction of the variance and a continuity correction of ½. benchstat instead computes
//   the exact distribution conditional on the ties (Klotz 1966) for small tied samples; we
//   do not, but we keep the one property that matters most for few runs: the normal p is
//   never reported below 2 / C(n+m, n), the smallest p ANY permutation test on these sample
//   sizes can give (each tail holds at least the observed assignment). Without this floor,
//   3 identical runs against 3 other identical runs (deterministic allocation counts) would
//   get p ≈ 0.047, "significant", where the exact test gives 2/20 = 0.1.
// - All values identical: the variance is 0, nothing can be concluded, p = 1 (benchstat
//   reports ErrSamplesEqual and shows the comparison with P = 1).
//
// From simple-statistics: `errorFunction` (Numerical Recipes erfc, fractional error
// < 1.2·10⁻⁷) for the normal CDF. Not used, deliberately:
// - `cumulativeStdNormalProbability`: a table in steps of 0.01 in z with 4 decimals that
//   saturates at 0.999 (|z| ≥ 3.09), so p would never drop below 0.002 — too coarse for
//   p-values that Holm/BH then multiply by the number of rows.
// - `wilcoxonRankSum`: in 7.8.8 it does not reset its tie group after averaging one, so a
//   second tie group is averaged together with the first (x = [1, 1], y = [2, 3, 3] gives a
//   rank sum of 6 instead of 3).
// Written by hand: midranks and tie sizes, the exact U distribution, the minimum p.
import { errorFunction } from 'simple-statistics';

export type MannWhitneyMethod = 'exact' | 'normal';

export interface MannWhitneyResult {
  /** U of the first sample: pairs with x > y, plus ½ per tied pair; in [0, n·m]. */
  u: number;
  /** Two-sided p-value, min(1, 2·min(P(U ≤ u), P(U ≥ u))). */
  p: number;
  method: MannWhitneyMethod;
}

/** Largest n·m for which the exact distribution of U is computed (no ties only). */
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

  if (!hasTies && n * m <= EXACT_MAX_PAIRS) {
    return { u, p: exactTwoSidedP(u, n, m), method: 'exact' };
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
