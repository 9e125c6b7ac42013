// Heap usage over time, broken down into bands (cost-centre stacks, modules, closure
// descriptions, types, ...): one model for `.hp` files and eventlog heap samples.
import type { InputWarning } from './diagnostic.js';

export interface HeapSample {
  timeSecs: number;
  /** Bytes per band; bands absent from a census had no live data (GHC skips zero counts). */
  bytesByBand: Map<string, number>;
}

export interface HeapMarker {
  timeSecs: number;
  label: string;
}

export interface HeapSeries {
  source: string;
  format: 'hp' | 'eventlog';
  /** The `JOB` line: program, arguments, RTS flags. */
  job: string | null;
  date: string | null;
  /** What a band is: `cost-centre stack`, `module`, `closure description`, `type`, ...; null when unknown (.hp does not say). */
  breakdown: string | null;
  /**
   * `.hp` sample times are mutator CPU seconds; eventlog times are elapsed seconds since the
   * program started (docs/formats.md §3.3): do not mix them.
   */
  timeBasis: 'mutator-cpu' | 'elapsed';
  samples: HeapSample[];
  /** Band names in order of first appearance. */
  bands: string[];
  markers: HeapMarker[];
  warnings: InputWarning[];
}
