// Distribution figures of a log's GC pauses, of all and of each generation: count, total and
// mean, p50, p95, p99 and max. A big log has millions of pauses: they are read twice from where
// the collector keeps them (gc-pauses.ts), never gathered into arrays. The figures are those
// simple-statistics gives for the lengths in seconds in time order: `sum` (compensated-sum.ts),
// its mean, and `quantile` (bucketed-quantiles.ts).
import { bucketOf, QuantileHistogram, quantileRanks, type QuantilePicker } from './bucketed-quantiles.js';
import { CompensatedSum } from './compensated-sum.js';
import type { GcPauses } from './gc-pauses.js';

export interface PauseStatistics {
  count: number;
  meanSecs: number;
  p50Secs: number;
  p95Secs: number;
  p99Secs: number;
  maxSecs: number;
  totalSecs: number;
}

export interface PauseStatisticsByGeneration {
  all: PauseStatistics;
  /** Ascending by generation; pauses without GC_STATS count only in `all`. */
  byGeneration: Array<{ generation: number } & PauseStatistics>;
}

const QUANTILES = [0.5, 0.95, 0.99] as const;
const NS_PER_SEC = 1e9;

/** The figures of one group of pauses, gathered over the two readings. */
class PauseGroup {
  private readonly total = new CompensatedSum();
  private readonly histogram = new QuantileHistogram();
  private maxSecs = -Infinity;
  private picker: QuantilePicker | null = null;

  /** A pause's length: counted in the first reading, offered to the picker in the second. */
  read(lengthNs: number, bucket: number): void {
    if (this.picker !== null) {
      this.picker.offer(lengthNs, bucket);
      return;
    }
    const secs = lengthNs / NS_PER_SEC;
    this.total.add(secs);
    if (secs > this.maxSecs) this.maxSecs = secs;
    this.histogram.add(bucket);
  }

  /** Between the readings: which lengths the second must keep. */
  plan(): void {
    this.picker = this.histogram.picker(QUANTILES.flatMap((p) => quantileRanks(this.histogram.count, p)));
  }

  statistics(): PauseStatistics {
    const count = this.histogram.count;
    if (count === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
    const [p50Secs, p95Secs, p99Secs] = QUANTILES.map((p) => {
      const values = quantileRanks(count, p).map((rank) => this.picker!.at(rank) / NS_PER_SEC);
      return values.length === 2 ? (values[0]! + values[1]!) / 2 : values[0]!;
    }) as [number, number, number];
    const totalSecs = this.total.value;
    return { count, meanSecs: totalSecs / count, p50Secs, p95Secs, p99Secs, maxSecs: this.maxSecs, totalSecs };
  }
}

export function pauseStatistics(pauses: GcPauses): PauseStatisticsByGeneration {
  const all = new PauseGroup();
  // Generations are small numbers: a group per generation, by index.
  const byGeneration: PauseGroup[] = [];
  readPauses(pauses, all, byGeneration);
  all.plan();
  byGeneration.forEach((group) => group.plan());
  readPauses(pauses, all, byGeneration);
  return {
    all: all.statistics(),
    // A sparse array: forEach and flatMap skip the generations no pause has.
    byGeneration: byGeneration.flatMap((group, generation) => [{ generation, ...group.statistics() }]),
  };
}

/** One reading: each pause's length to `all` and to its generation's group (made on first sight). */
function readPauses(pauses: GcPauses, all: PauseGroup, byGeneration: PauseGroup[]): void {
  pauses.forEachBatch(({ count, startsNs, endsNs, generations }) => {
    for (let i = 0; i < count; i++) {
      const lengthNs = endsNs[i]! - startsNs[i]!;
      const bucket = bucketOf(lengthNs);
      all.read(lengthNs, bucket);
      const generation = generations[i]!;
      if (generation >= 0) (byGeneration[generation] ??= new PauseGroup()).read(lengthNs, bucket);
    }
  });
}
