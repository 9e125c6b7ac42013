// Reads the runs found by collectRuns into an aggregator, one profile at a time per thread, so
// memory holds the aggregate and a profile per thread, never all of them. Worker threads read
// them (runs-ahead.ts) and post back each run's summary, and its call tree when stacks are
// wanted, merged in input order; with one thread each is read here by the same function
// (parse-run.ts): the same aggregate, warnings and errors either way.
import { RunAggregator, walkCallTreeColumns } from '../analyze/aggregate.js';
import { buildIdentity } from '../model/run-meta.js';
import { isSummaryPath } from '../model/run-summary.js';
import type { CollectedRuns, RunInput } from './collect-runs.js';
import { parseRun } from './parse-run.js';
import { readSummaryFile, RunsAhead, type ReadRun } from './runs-ahead.js';
import { poolFor } from './worker-pool.js';

export interface LoadedRuns {
  aggregator: RunAggregator;
  warnings: string[];
  mixedBuilds: boolean;
}

/** Called before each run is read (done of total, the run's path), and once at the end (path ''). */
export type RunsProgress = (done: number, total: number, path: string) => void;

export interface LoadRunsOptions {
  onProgress?: RunsProgress;
  /** Threads that parse (default: threadsFor of threads.ts); 1 reads in this thread. */
  threads?: number;
  /**
   * Whether the aggregator gets the runs' call trees, for stacks and mean profiles (default
   * true). Without, worker threads post back only the runs' summaries (and `hasStacks` is
   * false): what a command that never looks at a stack needs, and far less to merge.
   */
  callTrees?: boolean;
}

function leftOut(input: RunInput, reason: string): string {
  return `${input.profilePath}: ${reason}; left out of the aggregate`;
}

/**
 * Reads one run in this thread as a worker reads it (parse-run.ts) and adds what it would post
 * back: the run's summary, and its call tree only when stacks are wanted, so one thread holds no
 * more than two do.
 */
async function addRunHere(aggregator: RunAggregator, warnings: string[], input: RunInput, callTrees: boolean): Promise<void> {
  const run = isSummaryPath(input.profilePath) ? readSummaryFile(input) : await parseRun({ kind: 'aggregate', input, callTree: callTrees });
  addReadRun(aggregator, warnings, input, run, callTrees);
}

/** Adds a run read here or by a worker (or a summary file). */
function addReadRun(aggregator: RunAggregator, warnings: string[], input: RunInput, run: ReadRun, callTrees: boolean): void {
  if ('summaryFile' in run) {
    warnings.push(...run.summaryFile.warnings);
    aggregator.addSummary(run.summaryFile);
  } else if ('skipped' in run) {
    warnings.push(...run.warnings, leftOut(input, run.skipped));
  } else {
    warnings.push(...run.summary.warnings);
    if (callTrees) aggregator.addParsedRun(run.summary, run.callTree === null ? null : walkCallTreeColumns(run.callTree));
    else aggregator.addSummary(run.summary);
  }
}

/** The runs of `collected`, taken from `ahead` (which reads them, among others, in this order). */
export async function loadRunsAhead(collected: CollectedRuns, ahead: RunsAhead, onProgress?: RunsProgress): Promise<LoadedRuns> {
  return loadEach(collected, onProgress, async (aggregator, warnings, input) => addReadRun(aggregator, warnings, input, await ahead.take(input), ahead.callTrees));
}

async function loadEach(
  collected: CollectedRuns,
  onProgress: RunsProgress | undefined,
  add: (aggregator: RunAggregator, warnings: string[], input: RunInput) => Promise<void>,
): Promise<LoadedRuns> {
  const aggregator = new RunAggregator(collected.inputs.length);
  const warnings: string[] = [];
  for (const [index, input] of collected.inputs.entries()) {
    onProgress?.(index, collected.inputs.length, input.profilePath);
    await add(aggregator, warnings, input);
  }
  onProgress?.(collected.inputs.length, collected.inputs.length, '');
  const identities = new Set(collected.runDirectories.map((info) => buildIdentity(info.meta)));
  return { aggregator, warnings, mixedBuilds: identities.size > 1 };
}

export async function loadRuns(collected: CollectedRuns, options: LoadRunsOptions = {}): Promise<LoadedRuns> {
  const pool = poolFor(collected.inputs, options.threads);
  const callTrees = options.callTrees ?? true;
  if (pool === null) return loadEach(collected, options.onProgress, (aggregator, warnings, input) => addRunHere(aggregator, warnings, input, callTrees));
  const ahead = new RunsAhead(pool, collected.inputs, callTrees);
  try {
    return await loadRunsAhead(collected, ahead, options.onProgress);
  } finally {
    ahead.close();
  }
}
