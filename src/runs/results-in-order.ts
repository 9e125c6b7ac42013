// Reads started ahead of their turn and taken in order. Whatever finishes first, the main
// thread merges the runs in the order of the inputs, so the output is the one a single
// thread gives; a few reads ahead keep the workers busy while it merges, and no more than
// that many results wait in memory.
import { showReadProgress } from './progress.js';
import { sizeOnDisk, type SizeOnDisk } from './size-on-disk.js';
import type { WorkerPool } from './worker-pool.js';

/** Jobs started per worker beyond the one waited for: enough to keep the workers busy while the main thread merges. */
const AHEAD_PER_THREAD = 2;

export interface ReadJob<R> {
  /** The file a worker reads, for the progress bar while the job is waited for; null for work done here. */
  path: string | null;
  start(onProgress: (bytesRead: number) => void): Promise<R>;
}

interface StartedJob<R> {
  result: Promise<R>;
  settled: boolean;
  readonly bytesRead: () => number;
}

/** The file's size for its bar; null (no bar) when it cannot be seen: its read, in the worker, says why. */
function sizeForProgress(path: string): SizeOnDisk | { sizeBytes: null; gzip: false } {
  try {
    return sizeOnDisk(path);
  } catch {
    return { sizeBytes: null, gzip: false };
  }
}

export class ResultsInOrder<R> {
  private readonly started: Array<StartedJob<R> | undefined> = [];
  private taken = 0;

  private readonly ahead: number;

  /** `pool`: the workers the jobs run in (those that are not done here). */
  constructor(
    private readonly jobs: readonly ReadJob<R>[],
    private readonly pool: WorkerPool,
  ) {
    this.ahead = AHEAD_PER_THREAD * pool.size;
  }

  /** The next job's result (its error thrown here, in its turn). */
  async next(): Promise<R> {
    if (this.taken >= this.jobs.length) throw new Error('ResultsInOrder: every job was taken');
    this.startAhead();
    const index = this.taken++;
    const job = this.jobs[index]!;
    const started = this.started[index]!;
    this.started[index] = undefined;
    const bar = started.settled || job.path === null ? null : showReadProgress({ ...sizeForProgress(job.path), bytesRead: started.bytesRead }, `reading ${job.path}`);
    try {
      return await started.result;
    } finally {
      bar?.stop();
    }
  }

  /** Stops the jobs started and not taken (after an error, their results are not wanted). */
  close(): void {
    if (this.started.length > this.taken) this.pool.cancel();
  }

  private startAhead(): void {
    const end = Math.min(this.jobs.length, this.taken + 1 + this.ahead);
    while (this.started.length < end) {
      const job = this.jobs[this.started.length]!;
      let bytesRead = 0;
      const started: StartedJob<R> = { result: job.start((bytes) => (bytesRead = bytes)), settled: false, bytesRead: () => bytesRead };
      // Also keeps a failure from being an unhandled rejection until its turn comes.
      started.result.then(
        () => (started.settled = true),
        () => (started.settled = true),
      );
      this.started.push(started);
    }
  }
}
