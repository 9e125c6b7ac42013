// What the main thread and a parse worker (parse-worker.ts) say to each other. A worker has
// one task at a time; it may post its read's progress, and for a store task asks once whether
// the store already holds the run; it ends the task with its result or its error. Results
// are compact (a run summary, a flat call tree), never a Profile's object graph.
import type { RunDirectoryInfo } from '../model/run-meta.js';
import type { RunSummary } from '../model/run-summary.js';
import type { RunInput } from './collect-runs.js';
import type { FlatCallTree } from './flat-call-tree.js';
import type { PostedError } from './posted-error.js';

/** A profile read for an aggregate: its summary, and its call tree when the command needs stacks. */
export interface AggregateTask {
  kind: 'aggregate';
  input: RunInput;
  callTree: boolean;
}

/** A profile summarized for the store: hashed first, and read only when the store lacks it. */
export interface StoreTask {
  kind: 'store';
  input: RunInput;
  runDirectory: RunDirectoryInfo | null;
}

export type ParseTask = AggregateTask | StoreTask;

/** An aggregate task's run: its summary (with its read warnings) and call tree, or why it is left out. */
export type ParsedRun = { summary: RunSummary; callTree: FlatCallTree | null } | { skipped: string; warnings: string[] };

/** A store task's run: summarizeRun's answer, less the input. */
export type StoreOutcome = { summary: RunSummary } | { skipped: string } | { alreadyStored: number };

export type TaskResult<T extends ParseTask> = T extends AggregateTask ? ParsedRun : StoreOutcome;

/** From a worker. `hashed` asks whether the store holds that run; `stored` answers. */
export type WorkerMessage =
  | { type: 'progress'; bytesRead: number }
  | { type: 'hashed'; sha256: string }
  | { type: 'done'; result: ParsedRun | StoreOutcome }
  | { type: 'failed'; error: PostedError };

/** To a worker. */
export type MainMessage = { type: 'task'; task: ParseTask } | { type: 'stored'; id: number | null };
