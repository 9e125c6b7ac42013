// The one table of figures of a whole run: the program's total time and allocation (from
// the profile), then the statistics GHC's `+RTS -t --machine-readable` writes (profnix's
// `cardano-node.stats`). Per figure its unit, which way it gets worse and its title; the
// aggregate, compare and timeline commands take their run totals from here.
//
// Values are converted to the unit on reading (`scale`): GHC's `peak_megabytes_allocated`
// is MiB (max_mem_in_use_bytes / 2^20), and its `*_percent` figures and `work_balance`
// are fractions (0.82), despite their names.
import { METRICS, type MetricUnit } from './metric.js';
import type { RunRecord } from './run-record.js';

/**
 * Which way a figure gets worse: `higher` (costs), `lower` (productivity), or null where
 * neither way is worse in itself (`alloc_rate` rises when a program allocates more, and
 * when its mutator gets faster; `n_capabilities` is a setting).
 */
export type WorseDirection = 'higher' | 'lower' | null;

export interface RunStatistic {
  /** `time`, `alloc`, or the `.stats` key. */
  key: string;
  /** Row title: GHC's key for its statistics, so that they can be found in the file. */
  title: string;
  unit: MetricUnit;
  worse: WorseDirection;
  /** Shown in text reports (aggregate, timeline) before, or instead of, the rest. */
  headline: boolean;
  /** The value in `unit` is the figure as written × scale. */
  scale: number;
}

/** A program total: read off the run's record (system cost centres left out, so every format counts the same costs). */
export interface ProgramTotal extends RunStatistic {
  value(run: RunRecord): number | null;
}

export const PROGRAM_TOTALS: readonly ProgramTotal[] = [
  {
    key: 'time',
    title: `total ${METRICS.time.title}`,
    unit: METRICS.time.unit,
    worse: 'higher',
    headline: true,
    scale: 1,
    value: (run) => (run.totals.ticks !== null && run.totals.secondsPerTick !== null ? run.totals.ticks * run.totals.secondsPerTick : null),
  },
  { key: 'alloc', title: `total ${METRICS.alloc.title}`, unit: METRICS.alloc.unit, worse: 'higher', headline: true, scale: 1, value: (run) => run.totals.allocBytes },
];

interface StatisticOptions {
  title?: string;
  headline?: boolean;
  scale?: number;
}

function statistic(key: string, unit: MetricUnit, worse: WorseDirection, options: StatisticOptions = {}): RunStatistic {
  return { key, title: options.title ?? key, unit, worse, headline: options.headline ?? false, scale: options.scale ?? 1 };
}

const HEADLINE = { headline: true };
const MEBIBYTES = { scale: 2 ** 20 };
const FRACTION = { scale: 100 };

/** GHC's statistics in the order it writes them (rts/Stats.c, report_machine_readable). */
export const RTS_STATISTICS: readonly RunStatistic[] = [
  statistic('bytes allocated', 'bytes', 'higher', HEADLINE),
  statistic('num_GCs', 'count', 'higher', HEADLINE),
  statistic('average_bytes_used', 'bytes', 'higher'),
  statistic('max_bytes_used', 'bytes', 'higher', HEADLINE),
  statistic('num_byte_usage_samples', 'count', 'higher'),
  statistic('peak_megabytes_allocated', 'bytes', 'higher', MEBIBYTES),
  statistic('init_cpu_seconds', 'seconds', 'higher'),
  statistic('init_wall_seconds', 'seconds', 'higher'),
  statistic('mut_cpu_seconds', 'seconds', 'higher', HEADLINE),
  statistic('mut_wall_seconds', 'seconds', 'higher'),
  // GHC before 8.2 named the mutator's times in full.
  statistic('mutator_cpu_seconds', 'seconds', 'higher', HEADLINE),
  statistic('mutator_wall_seconds', 'seconds', 'higher'),
  statistic('GC_cpu_seconds', 'seconds', 'higher', HEADLINE),
  statistic('GC_wall_seconds', 'seconds', 'higher', HEADLINE),
  statistic('exit_cpu_seconds', 'seconds', 'higher'),
  statistic('exit_wall_seconds', 'seconds', 'higher'),
  // Retainer and heap profiling (profiled RTS only).
  statistic('rp_cpu_seconds', 'seconds', 'higher'),
  statistic('rp_wall_seconds', 'seconds', 'higher'),
  statistic('hc_cpu_seconds', 'seconds', 'higher'),
  statistic('hc_wall_seconds', 'seconds', 'higher'),
  statistic('total_cpu_seconds', 'seconds', 'higher'),
  statistic('total_wall_seconds', 'seconds', 'higher', HEADLINE),
  statistic('major_gcs', 'count', 'higher'),
  statistic('allocated_bytes', 'bytes', 'higher'),
  statistic('max_live_bytes', 'bytes', 'higher'),
  statistic('max_large_objects_bytes', 'bytes', 'higher'),
  statistic('max_compact_bytes', 'bytes', 'higher'),
  statistic('max_slop_bytes', 'bytes', 'higher'),
  statistic('max_mem_in_use_bytes', 'bytes', 'higher'),
  statistic('cumulative_live_bytes', 'bytes', 'higher'),
  statistic('copied_bytes', 'bytes', 'higher'),
  statistic('par_copied_bytes', 'bytes', 'higher'),
  statistic('cumulative_par_max_copied_bytes', 'bytes', 'higher'),
  // Only a share of par_copied_bytes says how well balanced: that is work_balance.
  statistic('cumulative_par_balanced_copied_bytes', 'bytes', null),
  // Non-threaded RTS only; GHC writes gc_cpu_percent under both names (and its integer division makes it 0 mostly).
  statistic('gc_cpu_percent', 'percent', 'higher', FRACTION),
  statistic('gc_wall_percent', 'percent', 'higher', FRACTION),
  statistic('fragmentation_bytes', 'bytes', 'higher'),
  statistic('alloc_rate', 'bytes', null, { title: 'alloc_rate (per MUT second)' }),
  statistic('productivity_cpu_percent', 'percent', 'lower', { ...FRACTION, ...HEADLINE }),
  statistic('productivity_wall_percent', 'percent', 'lower', { ...FRACTION, ...HEADLINE }),
  // Threaded RTS only.
  statistic('bound_task_count', 'count', null),
  statistic('sparks_count', 'count', null),
  statistic('sparks_converted', 'count', null),
  statistic('sparks_overflowed', 'count', 'higher'),
  statistic('sparks_dud', 'count', 'higher'),
  statistic('sparks_gcd', 'count', 'higher'),
  statistic('sparks_fizzled', 'count', 'higher'),
  statistic('work_balance', 'percent', 'lower', FRACTION),
  statistic('n_capabilities', 'count', null),
  statistic('task_count', 'count', null),
  statistic('peak_worker_count', 'count', null),
  statistic('worker_count', 'count', null),
  // Internal counters (an RTS built with PROF_SPIN): contention, so more is worse.
  statistic('gc_alloc_block_sync_spin', 'count', 'higher'),
  statistic('gc_alloc_block_sync_yield', 'count', 'higher'),
  statistic('waitForGcThreads_spin', 'count', 'higher'),
  statistic('waitForGcThreads_yield', 'count', 'higher'),
  statistic('whitehole_gc_spin', 'count', 'higher'),
  statistic('whitehole_lockClosure_spin', 'count', 'higher'),
  statistic('whitehole_lockClosure_yield', 'count', 'higher'),
  statistic('whitehole_executeMessage_spin', 'count', 'higher'),
  statistic('whitehole_threadPaused_spin', 'count', 'higher'),
  statistic('any_work', 'count', 'higher'),
  statistic('scav_find_work', 'count', 'higher'),
  statistic('max_n_todo_overflow', 'count', 'higher'),
  // The non-moving collector (-xn).
  statistic('nonmoving_sync_wall_seconds', 'seconds', 'higher'),
  statistic('nonmoving_sync_max_pause_seconds', 'seconds', 'higher'),
  statistic('nonmoving_sync_avg_pause_seconds', 'seconds', 'higher'),
  statistic('nonmoving_concurrent_cpu_seconds', 'seconds', 'higher'),
  statistic('nonmoving_concurrent_wall_seconds', 'seconds', 'higher'),
  statistic('nonmoving_concurrent_max_pause_seconds', 'seconds', 'higher'),
  statistic('nonmoving_concurrent_avg_pause_seconds', 'seconds', 'higher'),
];

/** GHC's per-generation statistics, `gen_<g>_<suffix>` for every generation g, by suffix. */
const GENERATION_STATISTICS: readonly RunStatistic[] = [
  statistic('collections', 'count', 'higher'),
  statistic('par_collections', 'count', null),
  statistic('cpu_seconds', 'seconds', 'higher'),
  statistic('wall_seconds', 'seconds', 'higher'),
  statistic('max_pause_seconds', 'seconds', 'higher', HEADLINE),
  statistic('avg_pause_seconds', 'seconds', 'higher'),
  statistic('sync_spin', 'count', 'higher'),
  statistic('sync_yield', 'count', 'higher'),
];

const BY_KEY = new Map<string, RunStatistic>([...PROGRAM_TOTALS, ...RTS_STATISTICS].map((entry) => [entry.key, entry]));
const GENERATION_KEY = /^gen_\d+_(.+)$/;

/**
 * What a run figure is, by its key: a program total, a statistic of the table, a
 * per-generation one; any other key (a later GHC's) a plain number that is never judged.
 * GHC writes one key with a trailing space (`"sparks_dud "`).
 */
export function runStatistic(key: string): RunStatistic {
  const known = BY_KEY.get(key.trim());
  if (known !== undefined) return known;
  const suffix = GENERATION_KEY.exec(key)?.[1];
  const generation = GENERATION_STATISTICS.find((entry) => entry.key === suffix);
  if (generation !== undefined) return { ...generation, key, title: key };
  return statistic(key, 'count', null);
}

/** A run's value of an RTS statistic in the statistic's unit; null where the run lacks it. */
export function rtsStatisticValue(run: RunRecord, key: string): number | null {
  const value = run.stats[key];
  return value === undefined ? null : value * runStatistic(key).scale;
}
