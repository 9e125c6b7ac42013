// The summaries `store add` stores, in input order, as summarizeRun (store/summaries.ts) gives
// them one after another. With worker threads the profiles are hashed and read ahead of their
// turn; a worker asks the main thread, which holds the store, whether a run is stored before
// it reads the profile. Asked ahead, the store may lack a run an earlier input of the same
// batch adds in its turn: that run is read for nothing, and the store keeps it once all the same.
import { InputError } from '../model/diagnostic.js';
import { isSummaryPath } from '../model/run-summary.js';
import { summarizeRun, type SummarizedRun } from '../store/summaries.js';
import type { CollectedRuns, RunInput } from './collect-runs.js';
import { ResultsInOrder, type ReadJob } from './results-in-order.js';
import { poolFor } from './worker-pool.js';

/** A run's summary (or why it has none), or the InputError that keeps it out. */
export type SummaryOutcome = SummarizedRun | { input: RunInput; failed: InputError };

export interface RunSummaries {
  /** The next run's outcome; an error other than an InputError is thrown. */
  next(): Promise<SummaryOutcome>;
  /** Stops the reads no one will take (after an error). */
  close(): void;
}

async function outcome(input: RunInput, summarized: Promise<SummarizedRun>): Promise<SummaryOutcome> {
  try {
    return await summarized;
  } catch (error) {
    if (error instanceof InputError) return { input, failed: error };
    throw error;
  }
}

/** `storedId(sha256)`: the store's id of a run, or null; asked in this thread. */
export function summarizeRunsInOrder(collected: CollectedRuns, storedId: (sha256: string) => number | null, threads: number | undefined): RunSummaries {
  const pool = poolFor(collected.inputs, threads);
  if (pool === null) {
    // One at a time, each only when asked for: the store has every earlier run by then.
    let next = 0;
    return { next: () => outcome(collected.inputs[next]!, summarizeRun(collected.inputs[next++]!, collected, storedId)), close: () => {} };
  }
  const jobs = collected.inputs.map((input): ReadJob<SummaryOutcome> => {
    if (isSummaryPath(input.profilePath)) return { path: null, start: () => outcome(input, summarizeRun(input, collected)) };
    // The run directory as summarizeRun finds it.
    const runDirectory = input.runDirectory === null ? null : (collected.runDirectories.find((info) => info.path === input.runDirectory) ?? null);
    return {
      path: input.profilePath,
      start: (onProgress) => outcome(input, pool.run({ kind: 'store', input, runDirectory }, { onProgress, storedId }).then((result) => ({ input, ...result }))),
    };
  });
  const results = new ResultsInOrder(jobs, pool);
  return { next: () => results.next(), close: () => results.close() };
}
