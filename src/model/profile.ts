// One Profile for every source: a text or JSON `.prof`, an eventlog's time samples,
// or an aggregate of runs. Everything downstream (reports, folded stacks, flamegraphs,
// comparisons) reads only this.
import type { CallTreeNode } from './call-tree.js';
import type { CompactCallTree } from './compact-call-tree.js';
import type { CostCentre } from './cost-centre.js';
import type { InputWarning } from './diagnostic.js';

export type SourceFormat = 'prof-text' | 'prof-json' | 'eventlog' | 'aggregate';

export interface RunMetadata {
  /** Where the profile came from (a path, `-` for stdin). */
  source: string;
  format: SourceFormat;
  program: string | null;
  /** Program name, then every argument as GHC printed them (RTS ones included for text reports). */
  commandLine: string[];
  rtsArguments: string[];
  /** As GHC printed it, e.g. `Tue Nov 24 01:05 2026` (local time of the profiled machine). */
  timestamp: string | null;
  /** GHC's printed total time; not recomputed from ticks (they disagree with -N, see docs/formats.md §1.2). */
  totalTimeSecs: number | null;
  totalTicks: number | null;
  tickIntervalUs: number | null;
  processors: number | null;
  totalAllocBytes: number | null;
}

/**
 * How the numbers on the nodes were obtained. `exact`: read from the file as integers;
 * `approximate`: derived from printed one-decimal percentages and the header totals;
 * `absent`: the source does not record it (eventlog samples have no allocation or entries).
 */
export type Provenance = 'exact' | 'approximate' | 'absent';

export interface Measures {
  ticks: Provenance;
  bytes: Provenance;
  entries: Provenance;
  /** Whether the file printed percentages per row (text reports) or we compute them from totals. */
  percentages: 'printed' | 'derived';
}

/** A row of GHC's flat "top cost centres" table, as printed (kept for cross-checks; reports recompute it from the tree). */
export interface PrintedFlatRow {
  label: string;
  module: string;
  src: string | null;
  timePct: number;
  allocPct: number;
  ticks: number | null;
  bytes: number | null;
}

/** One system cost centre's costs, kept out of the call tree (see `SystemCosts`). */
export interface SystemCentreCost {
  label: string;
  module: string;
  ticks: number;
  bytes: number;
}

/**
 * The RTS's own cost centres (GC, OVERHEAD_of, IDLE, DONT_CARE, SYSTEM). `-p`/`-P` hide them
 * and leave them out of the header totals; `-pa`, `-pj` and eventlog samples count them.
 * Readers take them out of the tree so that every format's tree holds program costs only;
 * null where the file does not record them.
 */
export interface SystemCosts {
  ticks: number;
  bytes: number;
  centres: SystemCentreCost[];
}

export interface Profile {
  metadata: RunMetadata;
  costCentres: CostCentre[];
  /**
   * The call tree as node objects. A reader that builds the columns (`tree`) makes these from
   * them at the first read of `root` (profile-tree.ts): commands that need no node objects
   * should read `compactTreeOf(profile)` instead.
   */
  root: CallTreeNode | null;
  /** The call tree as columns, where the reader built it so (text reports); see `compactTreeOf`. */
  tree?: CompactCallTree | null;
  /** Call-tree nodes as written in the file. */
  nodeCount: number;
  measures: Measures;
  printedFlatTable: PrintedFlatRow[];
  /** Costs of the RTS's system cost centres, apart from the tree; null where the format hides them. */
  system: SystemCosts | null;
  warnings: InputWarning[];
}

export function emptyMetadata(source: string, format: SourceFormat): RunMetadata {
  return {
    source,
    format,
    program: null,
    commandLine: [],
    rtsArguments: [],
    timestamp: null,
    totalTimeSecs: null,
    totalTicks: null,
    tickIntervalUs: null,
    processors: null,
    totalAllocBytes: null,
  };
}
