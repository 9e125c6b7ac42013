// Several runs of one build: where each came from, its totals, and its RTS statistics.
import type { RunMeta } from '../parse/profnix-meta.js';

export interface RunRecord {
  /** The profile's path. */
  source: string;
  /** The profnix run directory it belongs to, if any (`run/<tag>`). */
  runDirectory: string | null;
  /** The node folder (`node-0`), if any. */
  node: string | null;
  totals: {
    timeSecs: number | null;
    ticks: number | null;
    allocBytes: number | null;
  };
  /** Numeric figures of `+RTS -t --machine-readable` (cardano-node.stats) when present. */
  stats: Record<string, number>;
}

export interface RunDirectoryInfo {
  path: string;
  meta: RunMeta;
}
