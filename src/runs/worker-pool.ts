// Parse workers (parse-worker.ts), one task at a time each, started as tasks come and kept
// for the process: `compare` reads its base and new builds, a timeline its builds, with the
// same workers. An idle worker is unref'd, so a pool never keeps the process alive.
import { Worker } from 'node:worker_threads';
import { isSummaryPath } from '../model/run-summary.js';
import type { RunInput } from './collect-runs.js';
import type { MainMessage, ParseTask, TaskResult, WorkerMessage } from './parse-task.js';
import { revivedError } from './posted-error.js';
import { threadsFor } from './threads.js';

/** What the caller of a task hears while it runs. */
export interface TaskListener {
  onProgress?(bytesRead: number): void;
  /** A store task's question (is this run stored, and under which id?), answered to the worker. */
  storedId?(sha256: string): number | null;
}

interface PendingTask {
  task: ParseTask;
  listener: TaskListener;
  resolve(result: TaskResult<ParseTask>): void;
  reject(error: Error): void;
}

const CANCELLED = 'cancelled: an earlier run failed, or the reading stopped';

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, PendingTask>();
  private readonly queue: PendingTask[] = [];

  constructor(
    readonly size: number,
    private readonly script: URL,
  ) {}

  run<T extends ParseTask>(task: T, listener: TaskListener = {}): Promise<TaskResult<T>> {
    return new Promise<TaskResult<T>>((resolve, reject) => {
      this.queue.push({ task, listener, resolve: resolve as (result: TaskResult<ParseTask>) => void, reject });
      this.dispatch();
    });
  }

  /** Drops the tasks no worker has begun and stops the workers busy with others: whoever asked for them will not take the results. */
  cancel(): void {
    for (const pending of this.queue.splice(0)) pending.reject(new Error(CANCELLED));
    for (const [worker, pending] of [...this.busy]) {
      this.forget(worker);
      void worker.terminate();
      pending.reject(new Error(CANCELLED));
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.idle.length + this.busy.size < this.size ? this.start() : null);
      if (worker === null) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.ref();
      post(worker, { type: 'task', task: pending.task });
    }
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.on('message', (message: WorkerMessage) => this.heard(worker, message));
    // A worker that dies (out of memory, a crash) fails its task; a new one starts on demand.
    worker.on('error', (error: Error) => this.died(worker, error));
    worker.on('exit', (code: number) => this.died(worker, new Error(`a parse worker stopped (exit code ${code})`)));
    return worker;
  }

  private heard(worker: Worker, message: WorkerMessage): void {
    const pending = this.busy.get(worker);
    if (pending === undefined) return;
    switch (message.type) {
      case 'progress':
        pending.listener.onProgress?.(message.bytesRead);
        return;
      case 'hashed':
        post(worker, { type: 'stored', id: pending.listener.storedId?.(message.sha256) ?? null });
        return;
      case 'done':
      case 'failed':
        this.busy.delete(worker);
        worker.unref();
        this.idle.push(worker);
        if (message.type === 'done') pending.resolve(message.result);
        else pending.reject(revivedError(message.error));
        this.dispatch();
        return;
    }
  }

  private died(worker: Worker, error: Error): void {
    const pending = this.busy.get(worker);
    this.forget(worker);
    pending?.reject(error);
    this.dispatch();
  }

  private forget(worker: Worker): void {
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

function post(worker: Worker, message: MainMessage): void {
  worker.postMessage(message);
}

/**
 * The worker script, beside this module and built like it: esbuild's dist/parse-worker.mjs
 * beside the CLI's bundle and its chunks in dist/ (a chunk's import.meta.url is its own), tsc's
 * dist/src/runs/parse-worker.js beside dist/src/runs/worker-pool.js. Null when running from
 * the TypeScript sources (vitest), where no worker can load: reading stays in the main thread.
 */
function workerScript(): URL | null {
  const here = new URL(import.meta.url).pathname;
  if (here.endsWith('.mjs')) return new URL('./parse-worker.mjs', import.meta.url);
  if (here.endsWith('.js')) return new URL('./parse-worker.js', import.meta.url);
  return null;
}

let shared: WorkerPool | null = null;

/**
 * The process's pool of workers to read these inputs with (as many as threadsFor says), or
 * null to read them in the main thread: one thread, no worker that can run, fewer than two
 * profiles (a worker would only add its start), or standard input (which only the main
 * thread can read).
 */
export function poolFor(inputs: readonly RunInput[], threads: number | undefined): WorkerPool | null {
  if (inputs.some((input) => input.profilePath === '-')) return null;
  const profiles = inputs.filter((input) => !isSummaryPath(input.profilePath)).map((input) => input.profilePath);
  if (profiles.length < 2) return null;
  const size = threadsFor(profiles, threads);
  const script = workerScript();
  if (size <= 1 || script === null) return null;
  if (shared?.size !== size) shared = new WorkerPool(size, script);
  return shared;
}
