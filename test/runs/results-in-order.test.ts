// Jobs started ahead and taken in input order, whatever order they finish in; a failure is
// thrown in its turn (never as an unhandled rejection before it); what is left is cancelled.
import { describe, expect, it, vi } from 'vitest';
import { ResultsInOrder, type ReadJob } from '../../src/runs/results-in-order.js';
import type { WorkerPool } from '../../src/runs/worker-pool.js';

interface Deferred {
  resolve(value: string): void;
  reject(error: Error): void;
}

/** Jobs whose results the test hands out, counting how many were started. */
function jobs(count: number): { jobs: ReadJob<string>[]; deferred: Deferred[] } {
  const deferred: Deferred[] = [];
  const list = Array.from({ length: count }, (): ReadJob<string> => ({
    path: null,
    start: () => new Promise<string>((resolve, reject) => deferred.push({ resolve, reject })),
  }));
  return { jobs: list, deferred };
}

/** A pool of `size` workers as ResultsInOrder sees it, and its `cancel`. */
function pool(size: number): { workers: WorkerPool; cancel: ReturnType<typeof vi.fn> } {
  const cancel = vi.fn();
  return { workers: { size, cancel } as unknown as WorkerPool, cancel };
}

describe('ResultsInOrder', () => {
  it('gives the results in job order, having started two per thread ahead of the one waited for', async () => {
    const { jobs: list, deferred } = jobs(6);
    const results = new ResultsInOrder(list, pool(1).workers);
    const first = results.next();
    expect(deferred).toHaveLength(3);
    deferred[2]!.resolve('c');
    deferred[1]!.resolve('b');
    deferred[0]!.resolve('a');
    expect(await first).toBe('a');
    const rest: string[] = [await results.next(), await results.next()];
    expect(rest).toEqual(['b', 'c']);
    expect(deferred).toHaveLength(5);
  });

  it('throws a failure in its turn, after the results before it; close cancels the jobs still running', async () => {
    const { jobs: list, deferred } = jobs(4);
    const { workers, cancel } = pool(1);
    const results = new ResultsInOrder(list, workers);
    const first = results.next();
    deferred[1]!.reject(new Error('second failed'));
    deferred[0]!.resolve('a');
    expect(await first).toBe('a');
    await expect(results.next()).rejects.toThrow('second failed');
    results.close();
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('close after every result was taken cancels nothing', async () => {
    const { jobs: list, deferred } = jobs(1);
    const { workers, cancel } = pool(2);
    const results = new ResultsInOrder(list, workers);
    const only = results.next();
    deferred[0]!.resolve('a');
    expect(await only).toBe('a');
    results.close();
    expect(cancel).not.toHaveBeenCalled();
  });
});
