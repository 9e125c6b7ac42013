// The parse workers as built (dist/src/runs/parse-worker.js: `npm run build` first): a task
// done in a worker gives what it gives in this thread, an InputError crosses as an InputError,
// a store task asks this thread whether the run is stored, and cancel stops what is left.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import type { RunInput } from '../../src/runs/collect-runs.js';
import { loadProfile } from '../../src/runs/load-profile.js';
import { parseRun } from '../../src/runs/parse-run.js';
import { WorkerPool } from '../../src/runs/worker-pool.js';
import { hashProfile, summarizeProfileInput } from '../../src/store/summaries.js';
import { projectRoot, samplePath } from '../support/samples.js';

const script = pathToFileURL(join(projectRoot, 'dist/src/runs/parse-worker.js'));
const input = (path: string): RunInput => ({ profilePath: path, statsPath: null, runDirectory: null, node: null });

describe('WorkerPool', () => {
  it('an aggregate task: the summary and flat call tree parseRun makes in this thread', async () => {
    const workers = new WorkerPool(2, script);
    for (const file of ['interp/a/run-1.prof', 'interp/a/run-1.json.prof', 'interp/a/heap.eventlog']) {
      for (const callTree of [false, true]) {
        const task = { kind: 'aggregate', input: input(samplePath(file)), callTree } as const;
        expect(await workers.run(task)).toEqual(await parseRun(task));
      }
    }
  });

  it('a bad file: an InputError with the message of this thread', async () => {
    const workers = new WorkerPool(1, script);
    const path = samplePath('interp/a/heap.hp');
    const here = await loadProfile(path).catch((error: unknown) => error);
    expect(here).toBeInstanceOf(InputError);
    const there = await workers.run({ kind: 'aggregate', input: input(path), callTree: false }).catch((error: unknown) => error);
    expect(there).toBeInstanceOf(InputError);
    expect((there as InputError).message).toBe((here as InputError).message);
  });

  it('a store task asks whether the run is stored: kept when it is, summarized as in this thread when not', async () => {
    const workers = new WorkerPool(1, script);
    const path = samplePath('interp/b/run-3.prof');
    const sha256 = await hashProfile(path);
    const storedId = vi.fn((hash: string) => (hash === sha256 ? 7 : null));
    expect(await workers.run({ kind: 'store', input: input(path), runDirectory: null }, { storedId })).toEqual({ alreadyStored: 7 });
    expect(storedId).toHaveBeenCalledWith(sha256);
    const fresh = await workers.run({ kind: 'store', input: input(path), runDirectory: null }, { storedId: () => null });
    expect(fresh).toEqual({ summary: await summarizeProfileInput(input(path), null, sha256) });
  });

  it('cancel fails the tasks begun and queued; the pool then starts new workers', async () => {
    const workers = new WorkerPool(1, script);
    const tasks = [1, 2, 3].map((n) => workers.run({ kind: 'aggregate', input: input(samplePath(`interp/a/run-${n}.prof`)), callTree: false }));
    workers.cancel();
    for (const task of tasks) await expect(task).rejects.toThrow(/cancelled/);
    const after = await workers.run({ kind: 'aggregate', input: input(samplePath('interp/a/run-4.prof')), callTree: false });
    expect('summary' in after).toBe(true);
  });
});
