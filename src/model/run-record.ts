// One run of a set: where it came from, its totals, and its RTS statistics.
import type { Measures, SourceFormat } from './profile.js';

export interface RunRecord {
  /** The profile's path. */
  source: string;
  /** The profnix run directory it belongs to, if any (`run/<tag>`). */
  runDirectory: string | null;
  /** The node folder (`node-0`), if any. */
  node: string | null;
  format: SourceFormat;
  /** `-p`, `-P`, `-pa`, `-pj` or `eventlog`: which of GHC's outputs, since they count costs differently. */
  formatDetail: string;
  program: string | null;
  measures: Measures;
  totals: {
    /** GHC's printed total time (seconds, divided over capabilities as GHC prints it). */
    timeSecs: number | null;
    /** Program ticks: the header total less the system cost centres where the format counts them. */
    ticks: number | null;
    /** Program bytes, likewise. */
    allocBytes: number | null;
    /** Seconds per tick (the tick interval); null when the file does not say. */
    secondsPerTick: number | null;
    /** Ticks and bytes of the system cost centres (GC, ...) where the format records them. */
    systemTicks: number | null;
    systemBytes: number | null;
  };
  /** Numeric figures of `+RTS -t --machine-readable` (cardano-node.stats) when present. */
  stats: Record<string, number>;
}
