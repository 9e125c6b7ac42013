// A parse worker thread's entry (worker-pool.ts starts it; esbuild bundles it as
// dist/parse-worker.mjs beside the CLI's bundle). It takes one task at a time and posts back
// the result, its reads' progress (the main thread draws the bar) and, for a store task,
// the question whether the store holds the run.
import { parentPort } from 'node:worker_threads';
import { transferables } from './flat-call-tree.js';
import type { MainMessage, ParseTask, WorkerMessage } from './parse-task.js';
import { parseRun, summarizeForStore } from './parse-run.js';
import { postedError } from './posted-error.js';
import { PROGRESS_INTERVAL_MS, showReadProgressWith } from './progress.js';

if (parentPort === null) throw new Error('parse-worker runs as a worker thread (worker-pool.ts starts it)');
const port = parentPort;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

showReadProgressWith((input) => {
  const timer = setInterval(() => post({ type: 'progress', bytesRead: input.bytesRead() }), PROGRESS_INTERVAL_MS);
  return { stop: () => clearInterval(timer) };
});

/** The main thread's answer to the store question of the task at hand. */
let answerStored: ((id: number | null) => void) | null = null;

function storedId(sha256: string): Promise<number | null> {
  return new Promise((resolve) => {
    answerStored = resolve;
    post({ type: 'hashed', sha256 });
  });
}

async function perform(task: ParseTask): Promise<void> {
  try {
    if (task.kind === 'aggregate') {
      const result = await parseRun(task);
      post({ type: 'done', result }, 'callTree' in result && result.callTree !== null ? transferables(result.callTree) : []);
    } else {
      post({ type: 'done', result: await summarizeForStore(task, storedId) });
    }
  } catch (error) {
    post({ type: 'failed', error: postedError(error) });
  }
}

port.on('message', (message: MainMessage) => {
  if (message.type === 'task') {
    void perform(message.task);
  } else {
    answerStored?.(message.id);
    answerStored = null;
  }
});
