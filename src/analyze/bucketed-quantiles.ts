// Exact quantiles of millions of numbers read twice, without holding them: the first reading
// counts them into buckets (a histogram, 128 buckets per power of two, either sign); the second
// keeps only the numbers in the buckets that hold the ranks asked for, which are few, and sorts
// those. The ranks, and how two values are averaged, are simple-statistics' `quantileSorted`'s,
// so the quantiles equal `quantile(values, p)`.

const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
/** Magnitudes from 2^64 up share the last bucket (times in an eventlog are u64 nanoseconds). */
const TOP_EXPONENT = 64;
const MAGNITUDE_BUCKETS = SUB_BUCKETS + (TOP_EXPONENT - SUB_BUCKET_BITS) * SUB_BUCKETS + 1;
const BUCKETS = 2 * MAGNITUDE_BUCKETS;
const TWO_TO_32 = 2 ** 32;
const TOP_MAGNITUDE = 2 ** TOP_EXPONENT;
/** 2^-(exponent - 7) by exponent: a multiplication by a power of two is exact, and far cheaper than `**`. */
const MANTISSA_SCALE = Float64Array.from({ length: TOP_EXPONENT }, (_, exponent) => 2 ** (SUB_BUCKET_BITS - exponent));

/** Bucket of a magnitude (>= 0), ascending with it: exact below 128, then 7 bits of mantissa. */
function magnitudeBucket(magnitude: number): number {
  if (magnitude < SUB_BUCKETS) return Math.floor(magnitude);
  if (magnitude >= TOP_MAGNITUDE) return MAGNITUDE_BUCKETS - 1;
  const exponent = magnitude < TWO_TO_32 ? 31 - Math.clz32(magnitude) : 63 - Math.clz32(Math.floor(magnitude / TWO_TO_32));
  const mantissa = Math.floor(magnitude * MANTISSA_SCALE[exponent]!) - SUB_BUCKETS;
  return SUB_BUCKETS + (exponent - SUB_BUCKET_BITS) * SUB_BUCKETS + mantissa;
}

/** Bucket of any number, ascending with it: negative numbers below the others. */
export function bucketOf(value: number): number {
  return value >= 0 ? MAGNITUDE_BUCKETS + magnitudeBucket(value) : MAGNITUDE_BUCKETS - 1 - magnitudeBucket(-value);
}

/** The ranks (0-based, ascending order) `quantileSorted(x, p)` reads, for x of length `count`. */
export function quantileRanks(count: number, p: number): number[] {
  const index = count * p;
  if (p === 1) return [count - 1];
  if (p === 0) return [0];
  if (index % 1 !== 0) return [Math.ceil(index) - 1];
  if (count % 2 === 0) return [index - 1, index];
  return [index];
}

/** The first reading: counts each number into its bucket. */
export class QuantileHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;

  /** Counts a number of bucket `bucket` (`bucketOf`: worked out once for all the histograms a number goes in). */
  add(bucket: number): void {
    this.counts[bucket]!++;
    this.count++;
  }

  /** What the second reading keeps, to give the numbers at `ranks`. */
  picker(ranks: readonly number[]): QuantilePicker {
    const wanted = [...new Set(ranks)].sort((a, b) => a - b);
    const picks: Array<{ bucket: number; firstRank: number }> = [];
    let below = 0;
    let next = 0;
    for (let bucket = 0; bucket < BUCKETS && next < wanted.length; bucket++) {
      const inBucket = this.counts[bucket]!;
      if (wanted[next]! < below + inBucket) picks.push({ bucket, firstRank: below });
      while (next < wanted.length && wanted[next]! < below + inBucket) next++;
      below += inBucket;
    }
    return new QuantilePicker(picks);
  }
}

/** The second reading: keeps the numbers of the buckets holding the wanted ranks. */
export class QuantilePicker {
  /** Index + 1 into `kept` for each wanted bucket, 0 for the others. */
  private readonly keptIndexByBucket = new Int32Array(BUCKETS);
  private readonly kept: number[][];
  private sorted = false;

  constructor(private readonly picks: ReadonlyArray<{ bucket: number; firstRank: number }>) {
    this.kept = picks.map(() => []);
    picks.forEach(({ bucket }, i) => (this.keptIndexByBucket[bucket] = i + 1));
  }

  /** Offers a number of bucket `bucket`. */
  offer(value: number, bucket: number): void {
    const index = this.keptIndexByBucket[bucket]!;
    if (index !== 0) this.kept[index - 1]!.push(value);
  }

  /** The number at `rank` (one of those asked for) in ascending order of all. */
  at(rank: number): number {
    if (!this.sorted) for (const values of this.kept) values.sort((a, b) => a - b);
    this.sorted = true;
    for (let i = this.picks.length - 1; i >= 0; i--) {
      const { firstRank } = this.picks[i]!;
      if (rank >= firstRank) return this.kept[i]![rank - firstRank]!;
    }
    throw new Error(`rank ${rank} was not asked for`);
  }
}
