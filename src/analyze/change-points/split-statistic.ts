// The split statistic of change-point detection (see ../change-points.ts for the method) and
// its permutation distribution, for one segment of builds.
//
// For a segment of builds b_1..b_B with s_1..s_B runs (n in all) and a split before build j
// (left = b_1..b_{j−1}, right = b_j..b_B, nL and nR runs), the statistic is the standardized
// Mann–Whitney U of the right side against the left, with the tie-corrected variance:
//   z_j = (U_right − nL·nR/2) / σ_j,  σ_j² = nL·nR/12 · ((n + 1) − Σ(t³ − t) / (n(n − 1)))
// where U_right = R_right − nR(nR + 1)/2 and R_right is the sum of the right side's midranks
// in the whole segment (t running over the sizes of the groups of tied values). z > 0 means
// the runs after the split tend to be larger.
//
// Ranks are computed once per segment. A permutation reassigns the runs of the segment to its
// builds, keeping every build's number of runs, so it only shuffles the ranks among the n
// positions: the tie structure, nL, nR and σ_j stay the same and each z_j is a prefix sum of
// the shuffled ranks. Doubled midranks are integers, so the sums are exact and the observed
// and permuted statistics are computed by the same float operations on the same integers.

export interface SegmentSplits {
  /** Positions (within the segment's builds, 0-based) of the first build after each allowed split. */
  splitAt: number[];
  /** z of each allowed split (same order as splitAt); all 0 when every value of the segment is equal. */
  z: number[];
  /** False when every run in the segment has the same value: no split can show anything. */
  informative: boolean;
}

/**
 * Ranks the runs of a segment (one array of values per build, every build non-empty) and
 * computes z for every split that leaves at least `minBuilds` builds on each side.
 */
export function segmentSplits(builds: readonly (readonly number[])[], minBuilds: number): SegmentSplits & {
  doubledRanks: Int32Array;
  sizes: number[];
  /** 2σ_j for each allowed split (the scale of the doubled rank sums). */
  scale: number[];
} {
  const sizes = builds.map((runs) => runs.length);
  const values = builds.flat();
  const n = values.length;
  const { doubledRanks, tieSum } = doubledMidranks(values);
  const splitAt: number[] = [];
  for (let j = minBuilds; j <= builds.length - minBuilds; j++) splitAt.push(j);

  // Var(U) factor shared by all splits; 0 exactly when all values are equal.
  const spread = n > 1 ? n + 1 - tieSum / (n * (n - 1)) : 0;
  const informative = spread > 1e-12;
  const scale: number[] = [];
  const z: number[] = [];
  if (!informative) {
    return { splitAt, z: splitAt.map(() => 0), informative, doubledRanks, sizes, scale: splitAt.map(() => 0) };
  }
  const prefixRuns = prefix(sizes);
  const rankPrefix = buildRankPrefix(doubledRanks, sizes);
  const totalDoubled = n * (n + 1); // Σ of doubled ranks
  for (const j of splitAt) {
    const nL = prefixRuns[j]!;
    const nR = n - nL;
    const sigma = Math.sqrt(((nL * nR) / 12) * spread);
    scale.push(2 * sigma);
    // 2·(U_right − nL·nR/2) = 2R_right − nR(n + 1), from the doubled rank sum of the right side.
    z.push((totalDoubled - rankPrefix[j]! - nR * (n + 1)) / (2 * sigma));
  }
  return { splitAt, z, informative, doubledRanks, sizes, scale };
}

/**
 * Permutation p of max_j |z_j| ≥ `observed`, from up to `permutations` random reassignments
 * of the runs to the builds (sizes kept), with the sequential stopping rule of Besag &
 * Clifford (1991): sampling stops as soon as `stopAfter` permutations have reached the
 * observed statistic, after L permutations, and p = stopAfter / L; otherwise, after all N,
 * p = (1 + #reached) / (1 + N). Both are valid p-values; stopping early only spends fewer
 * permutations on series that are plainly not stepping (p ≈ 0.5 after ~40), which is most of
 * them. The generator is mulberry32 from `seed`, inlined.
 */
export function permutationP(
  splits: ReturnType<typeof segmentSplits>,
  observed: number,
  permutations: number,
  seed: number,
  stopAfter: number,
): number {
  const { doubledRanks, sizes, splitAt, scale } = splits;
  const n = doubledRanks.length;
  const ranks = Int32Array.from(doubledRanks);
  const prefixRuns = prefix(sizes);
  const boundaries = splitAt.map((j) => prefixRuns[j]!);
  const rightCounts = boundaries.map((b) => n - b);
  const total = n * (n + 1);
  // Compare on the unscaled deviation to skip the division in the inner loop:
  // |z_j| ≥ observed ⇔ |d_j| ≥ observed·scale_j. A relative slack of 10⁻⁹ keeps a permutation
  // that reproduces the observed statistic exactly (same integers) from being lost to rounding.
  const thresholds = scale.map((s) => observed * s * (1 - 1e-9));
  let state = seed >>> 0;
  let reached = 0;
  for (let done = 1; done <= permutations; done++) {
    // Fisher–Yates with mulberry32.
    for (let i = n - 1; i > 0; i--) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const k = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (i + 1));
      const swap = ranks[i]!;
      ranks[i] = ranks[k]!;
      ranks[k] = swap;
    }
    let position = 0;
    let leftSum = 0;
    for (let s = 0; s < boundaries.length; s++) {
      const boundary = boundaries[s]!;
      while (position < boundary) leftSum += ranks[position++]!;
      const deviation = total - leftSum - rightCounts[s]! * (n + 1);
      if (Math.abs(deviation) >= thresholds[s]!) {
        reached++;
        break;
      }
    }
    if (reached >= stopAfter) return reached / done;
  }
  return (1 + reached) / (1 + permutations);
}

/** Doubled midranks (integers) of `values` in their pooled order, and Σ(t³ − t) over tie groups. */
function doubledMidranks(values: readonly number[]): { doubledRanks: Int32Array; tieSum: number } {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const doubledRanks = new Int32Array(n);
  let tieSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end−1 hold ranks start+1..end; doubled mean = start + 1 + end.
    for (let i = start; i < end; i++) doubledRanks[order[i]!] = start + 1 + end;
    const t = end - start;
    tieSum += t * t * t - t;
    start = end;
  }
  return { doubledRanks, tieSum };
}

function prefix(sizes: readonly number[]): number[] {
  const out = [0];
  for (const size of sizes) out.push(out[out.length - 1]! + size);
  return out;
}

/** rankPrefix[j] = sum of the doubled ranks of builds 0..j−1. */
function buildRankPrefix(doubledRanks: Int32Array, sizes: readonly number[]): number[] {
  const out = [0];
  let position = 0;
  for (const size of sizes) {
    let sum = out[out.length - 1]!;
    for (let i = 0; i < size; i++) sum += doubledRanks[position++]!;
    out.push(sum);
  }
  return out;
}

/**
 * Seed for a segment's permutations from the values themselves (FNV-1a over their float
 * bits) and the caller's seed: the same input always gives the same p, and series of the same
 * shape do not all share one stream of permutations (which would correlate their Monte Carlo
 * errors across a family of tests).
 */
export function segmentSeed(builds: readonly (readonly number[])[], seed: number): number {
  const floats = new Float64Array(1);
  const words = new Uint32Array(floats.buffer);
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  const mix = (word: number): void => {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const runs of builds) {
    mix(runs.length);
    for (const value of runs) {
      floats[0] = value;
      mix(words[0]!);
      mix(words[1]!);
    }
  }
  return hash;
}
