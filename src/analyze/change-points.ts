// Change points of a timeline: the builds at which a series (a cost centre's seconds, bytes
// or entries, or a run total) STEPS to a new level and stays there, with a p-value, and
// false-discovery control across all the series of a report.
//
// Input. One series is an array over builds, in build order, of the values of that build's
// runs. A build with no runs for the series is missing: it is left out of every segment and
// statistic, and indices in the results still refer to the original builds. Values must be
// finite numbers.
//
// Method: binary segmentation with a rank statistic over ALL runs (the E-Divisive-with-
// permutation scheme performance-regression detectors use, e.g. MongoDB's signal processing,
// with the Mann–Whitney U in place of the energy distance).
// 1. In a segment of builds, every split between two builds that leaves at least
//    `minSegmentBuilds` builds (2 by default) on each side is scored by the standardized
//    Mann–Whitney U of all runs after the split against all runs before it, with the tie
//    correction of the variance (|z|; see change-points/split-statistic.ts). The split with
//    the largest |z| is the segment's candidate (the earliest one if several tie). Requiring
//    two builds a side is what keeps a one-build bump (a build measured under load) from
//    being a step: a step must persist over the following builds, and a bump inside a side
//    only blurs that side.
// 2. Its run-level p-value is for the MAX statistic over the segment's S splits (the split
//    was chosen because it scored best, so its own U test would be far too optimistic), under
//    the null that the segment's runs are exchangeable between its builds. Two valid tests of
//    that null are combined:
//    - a permutation test: the runs are reassigned at random to the builds, keeping every
//      build's number of runs, and max|z| recomputed; p_perm = (1 + #{perm ≥ observed}) /
//      (1 + N), N = `permutations` (999), with Besag & Clifford's (1991) sequential stop
//      (p = 20/L once 20 of L permutations reached the observed value), which is also a
//      valid p and spends ~40 permutations instead of 999 on a series that plainly does not
//      step. It accounts exactly for the strong correlation of neighbouring splits, but
//      cannot go below 1/(N + 1).
//    - a Bonferroni bound over the splits: p_bonf = min(1, S · p_U), p_U the exact two-sided
//      Mann–Whitney p of the chosen split (mann-whitney.ts: exact and tie-aware up to 2500
//      pairs, e.g. 30 × 30 runs; beyond that the tie-corrected normal curve). Valid because
//      P(S · p_{chosen} ≤ α) ≤ P(S · min_j p_j ≤ α) ≤ Σ_j P(p_j ≤ α/S) = α. Conservative by
//      up to S (≤ 7 for 10 builds) but it resolves tiny p: a perfectly clean step among 60
//      runs has p_U = 2/C(60, 24) ≈ 10⁻¹⁶.
//    pRuns = min(1, 2 · min(p_perm, p_bonf)), the Bonferroni combination of the two tests,
//    valid whatever their dependence. Why both: a report tests hundreds of series, and BH at
//    α = 0.05 over 300 of them needs p ≲ 0.05·k/300 (1.7·10⁻⁴ for a lone real step), far
//    below any affordable permutation resolution; the permutation test gives the sharper p
//    for moderate steps (where S·p_U overstates). Taking the max of the two instead would be
//    valid too but could never go below 1/(N + 1). The exact p_U (up to a few ms with many
//    ties) is skipped when the normal tail of z says it cannot beat p_perm even with a factor
//    4 to spare; dropping a term from the min only makes p larger, so that is always valid.
//    With a single allowed split (S = 1) the exact U test IS the exact permutation test of the
//    segment, and pRuns = p_U. permutations: 0 gives pRuns = p_bonf alone.
// 3. If pRuns < `splitThreshold` (0.05) the segment is split there and both sides are
//    examined the same way; otherwise the segment is final. A segment with fewer than
//    2·minSegmentBuilds builds, or whose runs all have one value (ties everywhere: counts that
//    never change), has no test: no candidate, no p, no NaN. Leaving those out of the family
//    is the "independent filtering" of Bourgon et al. (2010): whether all values are equal
//    does not depend on how they are assigned to builds, so under the null it is independent
//    of the p-value.
// 4. Build-level check (`buildLevelCheck`, on by default). The run-level null assumes runs are
//    exchangeable between builds. On a loaded machine they are not: load moves all runs of a
//    build together, so builds wobble by more than their runs' spread, and a run-level test
//    sees every wobble as a shift (the unit of replication for a step is then the build, not
//    the run). Measured with i.i.d. build offsets on 300 pure-noise series of 10 builds × 6
//    runs: offsets of 0.5 / 1 within-build σ gave ~18 / ~105 series with a BH-significant
//    "step" from the run-level p alone; and a single 5σ bump (one build) produced a step in
//    8% of series, via a second split inside the half holding it. So each splitting
//    candidate is also tested at the level of builds: a pooled two-sample t-test of the BUILD
//    MEANS of the final segments either side (df = builds − 2; the variance is the wobble of
//    whole builds within those segments, which includes the run noise), Bonferroni ×S like
//    p_bonf; pBuildLevel = min(1, S · p_t). The candidate's p = max(pRuns, pBuildLevel): a
//    valid p when either null holds, i.e. a step must stand out against the runs AND against
//    the builds. With the check: 0 / 1 such series of 300, bumps 0%. The parametric t keeps
//    small p resolvable (a clean 5σ step at build 4 of 10: p_t ~ 10⁻⁷; an exact jump with no
//    spread within segments: 0). The price is power for small steps with few builds (a 1σ
//    step at build 4 of 10 × 6 runs: found in a third of seeds instead of half), and nothing
//    can be said with one build in each neighbouring segment (df 0 → pBuildLevel 1).
// 5. Every test performed is returned as a candidate — including the best split of a final
//    segment (`splitsSegment: false`) — because false-discovery control must count every
//    hypothesis tested, not only those that passed the screen. controlFalseDiscoveries
//    adjusts all candidates of all series together (Benjamini–Hochberg by default, or Holm)
//    and marks as significant the splitting candidates with pAdjusted ≤ α whose change is
//    large enough (below).
//
// Describing a step. After full segmentation, a splitting candidate's beforeMedian and
// afterMedian are the medians of ALL runs of the final segments on either side of it (between
// it and the neighbouring splits), so `change` = afterMedian − beforeMedian is the size of
// the step itself, not of a mixture of later steps. (For a candidate that did not split its
// segment: the two sides of its split within that segment.) changePct = 100·change /
// |beforeMedian|, null when beforeMedian is 0. `direction` is the sign of z, i.e. of what was
// tested (runs after the split tend to be larger → 'increase'); it agrees with the sign of
// change except in contrived data where the two medians disagree with the ranks.
//
// Minimum change. GHC's -p figures are printed rounded (a ±0.05% estimate of a run's time),
// so a rank test can find a "step" that is only a rounding flip. `minimumChange` (an absolute
// amount, or a predicate on the two medians) says what counts as a step; candidates below it
// are still tested and counted in the family, they are just never significant (dropping
// discoveries after the adjustment keeps Holm's family-wise guarantee, and can only lower
// the number of false discoveries under BH).
//
// Cost. Ranks once per segment, then O(runs) per permutation (a shuffle and prefix sums): for
// 300 series × 10 builds × 6 runs, ~0.1–0.3 s. Deterministic: the permutations come from a
// seeded generator whose seed is derived from the segment's values and `seed`.
import { mannWhitneyU } from './mann-whitney.js';
import { adjustPValues, type PValueAdjustment } from './multiple-comparisons.js';
import { buildMeansTTestP } from './change-points/build-level.js';
import { permutationP, segmentSeed, segmentSplits } from './change-points/split-statistic.js';

/** One series: for each build in order, the values of its runs (empty: missing build). */
export type BuildSeries = readonly (readonly number[])[];

export type ChangeDirection = 'increase' | 'decrease';

export interface ChangePointOptions {
  /** Fewest (non-missing) builds on each side of a split. Default 2. */
  minSegmentBuilds?: number;
  /** Random reassignments for the permutation test of each segment. Default 999; 0 for the Bonferroni bound alone. */
  permutations?: number;
  /** A segment is split (and its sides examined) when the candidate's run-level p (pRuns) is below this. Default 0.05. */
  splitThreshold?: number;
  /**
   * What counts as a step: an absolute amount in the series' unit (|afterMedian − beforeMedian|
   * must exceed it), or a predicate on the two medians returning true for a real step.
   */
  minimumChange?: number | ((beforeMedian: number, afterMedian: number) => boolean);
  /**
   * Also require the step to stand out against the wobble of whole builds (a t-test on the
   * build means of the segments either side; see the header). Default true.
   */
  buildLevelCheck?: boolean;
  /** Seed mixed into every segment's permutations. Default 0x5eed. */
  seed?: number;
}

export interface ChangePointCandidate {
  /** Original index of the last build before the step (missing builds skipped). */
  beforeIndex: number;
  /** Original index of the first build after the step. */
  afterIndex: number;
  /** Original indices of the first and last build of the segment the test was run on. */
  segmentStart: number;
  segmentEnd: number;
  /** Median of all runs of the segment before the step, and of the one after (see the header). */
  beforeMedian: number;
  afterMedian: number;
  /** afterMedian − beforeMedian, in the series' unit. */
  change: number;
  /** 100 · change / |beforeMedian|; null when beforeMedian is 0. */
  changePct: number | null;
  direction: ChangeDirection;
  /** Standardized Mann–Whitney U of the runs after against the runs before (> 0: after larger). */
  z: number;
  /** The candidate's p-value: max(pRuns, pBuildLevel) (see the header). */
  p: number;
  /** Run-level p of the max statistic over the segment's splits. */
  pRuns: number;
  /** Permutation p of the max statistic; null when not run (one allowed split, or permutations 0). */
  pPermutation: number | null;
  /**
   * min(1, splits · exact Mann–Whitney p of this split); null when not computed because the
   * permutation p was plainly smaller.
   */
  pBonferroni: number | null;
  /** min(1, splits · build-means t-test p); null for a candidate that did not split its segment, or with buildLevelCheck off. */
  pBuildLevel: number | null;
  /** Number of splits the segment allowed (S). */
  splits: number;
  /** pRuns < splitThreshold: the segment was split here and its sides examined. */
  splitsSegment: boolean;
  /** The change passes `minimumChange` (true when no minimum is set). */
  meetsMinimumChange: boolean;
}

export interface FalseDiscoveryOptions {
  /** Default 0.05. */
  alpha?: number;
  /** Default 'bh' (Benjamini–Hochberg, false discovery rate); 'holm' for the family-wise rate. */
  correction?: PValueAdjustment;
}

export interface FalseDiscoveryControlled {
  pAdjusted: number;
  /** splitsSegment, meetsMinimumChange and pAdjusted ≤ alpha. */
  significant: boolean;
}

export type ChangePoint = ChangePointCandidate & FalseDiscoveryControlled;

interface PresentBuild {
  index: number;
  runs: readonly number[];
}

interface SegmentTest {
  /** Positions in the present builds: segment [start, end), first build after the split. */
  start: number;
  end: number;
  at: number;
  z: number;
  pRuns: number;
  pPermutation: number | null;
  pBonferroni: number | null;
  splits: number;
  splitsSegment: boolean;
}

const DEFAULTS = { minSegmentBuilds: 2, permutations: 999, splitThreshold: 0.05, seed: 0x5eed };
/** Besag–Clifford: stop a segment's permutations once this many reached the observed statistic. */
const STOP_AFTER_REACHED = 20;

/** Every test binary segmentation performs on one series, in build order of the split. */
export function detectChangePoints(series: BuildSeries, options: ChangePointOptions = {}): ChangePointCandidate[] {
  const minBuilds = options.minSegmentBuilds ?? DEFAULTS.minSegmentBuilds;
  const permutations = options.permutations ?? DEFAULTS.permutations;
  const splitThreshold = options.splitThreshold ?? DEFAULTS.splitThreshold;
  const seed = options.seed ?? DEFAULTS.seed;
  const buildLevelCheck = options.buildLevelCheck ?? true;
  if (!Number.isInteger(minBuilds) || minBuilds < 1) throw new Error(`minSegmentBuilds must be a positive integer (got ${minBuilds})`);
  if (!Number.isInteger(permutations) || permutations < 0) throw new Error(`permutations must be a non-negative integer (got ${permutations})`);
  if (!(splitThreshold > 0 && splitThreshold <= 1)) throw new Error(`splitThreshold must be in (0, 1] (got ${splitThreshold})`);
  series.forEach((runs, build) => {
    if (!runs.every(Number.isFinite)) throw new Error(`build ${build} has a run value that is not a finite number`);
  });

  const present: PresentBuild[] = [];
  series.forEach((runs, index) => {
    if (runs.length > 0) present.push({ index, runs });
  });

  const tests: SegmentTest[] = [];
  const examine = (start: number, end: number): void => {
    const test = testSegment(present, start, end, minBuilds, permutations, splitThreshold, seed);
    if (!test) return;
    tests.push(test);
    if (test.splitsSegment) {
      examine(start, test.at);
      examine(test.at, end);
    }
  };
  examine(0, present.length);

  const boundaries = tests.filter((t) => t.splitsSegment).map((t) => t.at).sort((a, b) => a - b);
  const runsOf = (from: number, to: number): number[] => present.slice(from, to).flatMap((b) => b.runs);
  return tests
    .sort((a, b) => a.at - b.at || a.start - b.start)
    .map((test) => {
      let from = test.start;
      let to = test.end;
      if (test.splitsSegment) {
        from = Math.max(0, ...boundaries.filter((b) => b < test.at));
        to = Math.min(present.length, ...boundaries.filter((b) => b > test.at));
      }
      const beforeMedian = median(runsOf(from, test.at));
      const afterMedian = median(runsOf(test.at, to));
      const change = afterMedian - beforeMedian;
      let pBuildLevel: number | null = null;
      if (test.splitsSegment && buildLevelCheck) {
        const means = (a: number, b: number): number[] => present.slice(a, b).map((build) => mean(build.runs));
        pBuildLevel = Math.min(1, test.splits * buildMeansTTestP(means(from, test.at), means(test.at, to)));
      }
      return {
        beforeIndex: present[test.at - 1]!.index,
        afterIndex: present[test.at]!.index,
        segmentStart: present[test.start]!.index,
        segmentEnd: present[test.end - 1]!.index,
        beforeMedian,
        afterMedian,
        change,
        changePct: beforeMedian !== 0 ? (100 * change) / Math.abs(beforeMedian) : null,
        direction: test.z >= 0 ? 'increase' : 'decrease',
        z: test.z,
        p: pBuildLevel === null ? test.pRuns : Math.max(test.pRuns, pBuildLevel),
        pRuns: test.pRuns,
        pPermutation: test.pPermutation,
        pBuildLevel,
        pBonferroni: test.pBonferroni,
        splits: test.splits,
        splitsSegment: test.splitsSegment,
        meetsMinimumChange: meetsMinimum(options.minimumChange, beforeMedian, afterMedian),
      } satisfies ChangePointCandidate;
    });
}

/**
 * Adjusts the p-values of candidates from any number of series as one family and marks the
 * significant ones. Returns the candidates (with any extra fields the caller added, e.g. a
 * series key) in the input order.
 */
export function controlFalseDiscoveries<T extends ChangePointCandidate>(
  candidates: readonly T[],
  options: FalseDiscoveryOptions = {},
): (T & FalseDiscoveryControlled)[] {
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'bh';
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1) (got ${alpha})`);
  const adjusted = adjustPValues(
    candidates.map((c) => c.p),
    correction,
  );
  return candidates.map((candidate, i) => ({
    ...candidate,
    pAdjusted: adjusted[i]!,
    significant: candidate.splitsSegment && candidate.meetsMinimumChange && adjusted[i]! <= alpha,
  }));
}

/**
 * detectChangePoints on every series, then controlFalseDiscoveries over all their candidates.
 * Result i holds series i's candidates (filter on `significant` for the steps).
 */
export function detectChangePointsAcrossSeries(
  seriesList: readonly BuildSeries[],
  options: ChangePointOptions & FalseDiscoveryOptions = {},
): ChangePoint[][] {
  const perSeries = seriesList.map((series) => detectChangePoints(series, options));
  const flat = perSeries.flatMap((candidates, series) => candidates.map((candidate) => ({ ...candidate, series })));
  const controlled = controlFalseDiscoveries(flat, options);
  const out: ChangePoint[][] = seriesList.map(() => []);
  for (const { series, ...point } of controlled) out[series]!.push(point);
  return out;
}

function testSegment(
  present: readonly PresentBuild[],
  start: number,
  end: number,
  minBuilds: number,
  permutations: number,
  splitThreshold: number,
  seed: number,
): SegmentTest | undefined {
  if (end - start < 2 * minBuilds) return undefined;
  const builds = present.slice(start, end).map((b) => b.runs);
  const splits = segmentSplits(builds, minBuilds);
  if (!splits.informative) return undefined;

  let best = 0;
  for (let s = 1; s < splits.z.length; s++) if (Math.abs(splits.z[s]!) > Math.abs(splits.z[best]!)) best = s;
  const at = splits.splitAt[best]!;
  const z = splits.z[best]!;
  const count = splits.splitAt.length;

  const left = builds.slice(0, at).flat();
  const right = builds.slice(at).flat();
  const exactBonferroni = (): number => Math.min(1, count * mannWhitneyU(right, left).p);

  let pRuns: number;
  let pPermutation: number | null = null;
  let pBonferroni: number | null = null;
  if (count === 1 || permutations === 0) {
    pBonferroni = exactBonferroni();
    pRuns = pBonferroni;
  } else {
    pPermutation = permutationP(splits, Math.abs(z), permutations, segmentSeed(builds, seed), STOP_AFTER_REACHED);
    // The exact U p costs up to a few ms with many ties; it can only matter when the bound
    // might beat the permutation p. Judged by the normal tail of z with a factor 4 to spare;
    // skipping it can only make p larger (2·p_perm alone is a valid p), never invalid.
    if (count * normalTwoSidedP(z) < 4 * pPermutation) pBonferroni = exactBonferroni();
    pRuns = Math.min(1, 2 * Math.min(pPermutation, pBonferroni ?? 1));
  }
  return {
    start,
    end,
    at: start + at,
    z,
    pRuns,
    pPermutation,
    pBonferroni,
    splits: count,
    splitsSegment: pRuns < splitThreshold,
  };
}

/** 2·(1 − Φ(|z|)) via erfc (simple-statistics' errorFunction loses the tail to cancellation). */
function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes erfcc, fractional error < 1.2·10⁻⁷). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const tau =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? tau : 2 - tau;
}

function meetsMinimum(minimum: ChangePointOptions['minimumChange'], before: number, after: number): boolean {
  if (minimum === undefined) return true;
  if (typeof minimum === 'number') return Math.abs(after - before) > minimum;
  return minimum(before, after);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
