// The profiles of an aggregate read in worker threads ahead of their turn, taken in input
// order (results-in-order.ts). A run summary file is small JSON: it is read here.
import { isSummaryPath, parseRunSummary, type RunSummary } from '../model/run-summary.js';
import type { RunInput } from './collect-runs.js';
import type { ParsedRun } from './parse-task.js';
import { readTextFile } from './read-text-file.js';
import { ResultsInOrder, type ReadJob } from './results-in-order.js';
import type { WorkerPool } from './worker-pool.js';

/** A run as read for an aggregate: parsed in a worker, or a summary file's. */
export type ReadRun = ParsedRun | { summaryFile: RunSummary };

/** A run summary file (`ghcprof summarize`), read in this thread: small JSON, the same rows as its profile, without stacks. */
export function readSummaryFile(input: RunInput): ReadRun {
  return { summaryFile: parseRunSummary(readTextFile(input.profilePath), input.profilePath) };
}

export class RunsAhead {
  private readonly results: ResultsInOrder<ReadRun>;
  private taken = 0;

  /** `callTrees`: whether the workers post back the runs' call trees, for stacks and mean profiles. */
  constructor(
    pool: WorkerPool,
    private readonly inputs: readonly RunInput[],
    readonly callTrees: boolean,
  ) {
    const jobs = inputs.map((input): ReadJob<ReadRun> => {
      if (isSummaryPath(input.profilePath)) {
        return { path: null, start: () => Promise.resolve().then(() => readSummaryFile(input)) };
      }
      return { path: input.profilePath, start: (onProgress) => pool.run({ kind: 'aggregate', input, callTree: callTrees }, { onProgress }) };
    });
    this.results = new ResultsInOrder(jobs, pool);
  }

  /** The next run; it must be `input`'s: the runs are taken in the order they were given. */
  take(input: RunInput): Promise<ReadRun> {
    if (this.inputs[this.taken++] !== input) throw new Error(`runs taken out of the order they were read in, at ${input.profilePath}`);
    return this.results.next();
  }

  /** Stops the reads no one will take (after an error). */
  close(): void {
    this.results.close();
  }
}
