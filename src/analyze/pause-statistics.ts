// Distribution figures of a log's GC pauses, of all and of each generation: count, total and
// mean, p50, p95, p99 and max. A big log has millions of pauses: they are read twice, never
// gathered into arrays, the first time as they settle (pause-tallies.ts), the second from where
// the collector keeps them (gc-pauses.ts). The figures are those simple-statistics gives for the
// lengths in seconds in time order: `sum` (compensated-sum.ts), its mean, and `quantile`
// (bucketed-quantiles.ts).
import { bucketOf, quantileRanks, type QuantilePicker } from './bucketed-quantiles.js';
import type { GcPauses } from './gc-pauses.js';
import { NS_PER_SEC, type PauseTally } from './pause-tallies.js';

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

/** The figures of one group of pauses: its first reading, and the lengths the second keeps. */
class PauseGroup {
  private readonly picker: QuantilePicker;

  constructor(private readonly tally: PauseTally) {
    const histogram = tally.histogram;
    this.picker = histogram.picker(QUANTILES.flatMap((p) => quantileRanks(histogram.count, p)));
  }

  /** A pause's length, in the second reading. */
  read(lengthNs: number, bucket: number): void {
    this.picker.offer(lengthNs, bucket);
  }

  statistics(): PauseStatistics {
    const count = this.tally.histogram.count;
    if (count === 0) return { count: 0, meanSecs: 0, p50Secs: 0, p95Secs: 0, p99Secs: 0, maxSecs: 0, totalSecs: 0 };
    const [p50Secs, p95Secs, p99Secs] = QUANTILES.map((p) => {
      const values = quantileRanks(count, p).map((rank) => this.picker.at(rank) / NS_PER_SEC);
      return values.length === 2 ? (values[0]! + values[1]!) / 2 : values[0]!;
    }) as [number, number, number];
    const totalSecs = this.tally.total.value;
    return { count, meanSecs: totalSecs / count, p50Secs, p95Secs, p99Secs, maxSecs: this.tally.maxSecs, totalSecs };
  }
}

export function pauseStatistics(pauses: GcPauses): PauseStatisticsByGeneration {
  const all = new PauseGroup(pauses.tallies.all);
  // Generations are small numbers: a group per generation, by index, as sparse as the tallies.
  const byGeneration = pauses.tallies.byGeneration.map((tally) => new PauseGroup(tally));
  readPauses(pauses, all, byGeneration);
  return {
    all: all.statistics(),
    // Sparse arrays: map and flatMap skip the generations no pause has.
    byGeneration: byGeneration.flatMap((group, generation) => [{ generation, ...group.statistics() }]),
  };
}

/** The second reading: each pause's length to `all` and to its generation's group. */
function readPauses(pauses: GcPauses, all: PauseGroup, byGeneration: PauseGroup[]): void {
  pauses.forEachBatch(({ count, startsNs, endsNs, generations }) => {
    for (let i = 0; i < count; i++) {
      const lengthNs = endsNs[i]! - startsNs[i]!;
      const bucket = bucketOf(lengthNs);
      all.read(lengthNs, bucket);
      const generation = generations[i]!;
      if (generation >= 0) byGeneration[generation]!.read(lengthNs, bucket);
    }
  });
}
