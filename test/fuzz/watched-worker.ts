// One parse worker with a watchdog: a parse that has not answered within the time limit is a
// hang, and the worker is terminated (which stops even a synchronous loop) and started afresh
// for the next case. A worker that dies (out of memory, an error thrown outside a promise) is
// a crash of the case it was running.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { READY, type ParseOutcome, type ParseRequest, type ParseResponse } from './parse-protocol.js';

export type WatchedResult =
  | { kind: 'answered'; outcome: ParseOutcome; elapsedMs: number }
  | { kind: 'hang'; elapsedMs: number }
  | { kind: 'died'; message: string; elapsedMs: number };

const WORKER_SCRIPT = new URL('./parse-worker.ts', import.meta.url);

/** tsx's ESM API, by its package's exports map (a CommonJS `require` of it fails in an eval'd worker). */
function tsxApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(packageJson), exports['./esm/api']!.import.default)).href;
}

/**
 * Node 20 gives a worker none of the loader hooks of its parent (`--import tsx` in execArgv is
 * not applied either), so a one-line bootstrap loads the TypeScript worker through tsx's API,
 * which compiles it and what it imports.
 */
const BOOTSTRAP = `import(${JSON.stringify(tsxApiUrl())}).then((api) => api.tsImport(${JSON.stringify(WORKER_SCRIPT.href)}, ${JSON.stringify(import.meta.url)}))`;

/** Far above any seed's needs: a parse that wants more is a bug, reported as a crash. */
const HEAP_LIMIT_MB = 2048;

export class WatchedWorker {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private nextId = 1;

  constructor(private readonly timeLimitMs: number) {}

  /** The worker, started (and its library loaded) if it is not running. */
  private start(): Promise<Worker> {
    if (this.ready !== null) return this.ready;
    // The worker itself imports the built dist/; tsx only compiles the worker's own modules.
    const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB }, stdout: true });
    // A parser never prints (style.md), but a stray console.log must not end up in our report.
    worker.stdout.resume();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if (message !== READY) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(worker);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker exited with code ${code} while loading`)));
    });
    return this.ready;
  }

  private discard(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  async run(request: Omit<ParseRequest, 'id'>): Promise<WatchedResult> {
    let worker: Worker;
    try {
      worker = await this.start();
    } catch (error) {
      // The library did not load: no case can run; that is the fuzzer's failure, not a finding.
      this.discard();
      throw new Error(`the parse worker did not start: ${(error as Error).message}`, { cause: error });
    }
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve) => {
      const finish = (result: WatchedResult): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const elapsed = (): number => performance.now() - started;
      const timer = setTimeout(() => {
        this.discard();
        finish({ kind: 'hang', elapsedMs: elapsed() });
      }, this.timeLimitMs);
      const onMessage = (response: ParseResponse): void => {
        if (response.id === id) finish({ kind: 'answered', outcome: response.outcome, elapsedMs: response.elapsedMs });
      };
      const onError = (error: Error): void => {
        this.discard();
        finish({ kind: 'died', message: `${error.name}: ${error.message}`, elapsedMs: elapsed() });
      };
      const onExit = (code: number): void => {
        this.discard();
        finish({ kind: 'died', message: `the worker exited with code ${code}`, elapsedMs: elapsed() });
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // A copy: the worker may keep the bytes, and the caller writes them out on failure.
      worker.postMessage({ ...request, id, bytes: request.bytes.slice() } satisfies ParseRequest);
    });
  }

  /** Stops the worker (the process can then exit). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    await worker?.terminate();
  }
}
