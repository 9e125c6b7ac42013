// How many threads read: --threads, else GHCPROF_THREADS, else one per core once the
// profiles are large enough to repay the workers' start.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/diagnostic.js';
import { threadsFor, THREADS_VARIABLE } from '../../src/runs/threads.js';
import { samplePath } from '../support/samples.js';

const small = [samplePath('interp/a/run-1.prof'), samplePath('interp/a/run-2.prof')];
const big = Array.from({ length: 5 }, () => samplePath('big/big.prof.gz'));

describe('threadsFor', () => {
  const saved = process.env[THREADS_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[THREADS_VARIABLE];
    else process.env[THREADS_VARIABLE] = saved;
  });

  it('the option first, then the variable, then one per core for 16 MB of profile text (a .gz counted as about ten times its size)', () => {
    delete process.env[THREADS_VARIABLE];
    expect(threadsFor(small, 3)).toBe(3);
    expect(threadsFor(small, undefined)).toBe(1);
    expect(threadsFor(big, undefined)).toBe(availableParallelism());
    process.env[THREADS_VARIABLE] = '4';
    expect(threadsFor(small, undefined)).toBe(4);
    expect(threadsFor(big, 1)).toBe(1);
  });

  it('a variable that is not a whole number from 1 is an input error naming it', () => {
    for (const text of ['0', '-2', 'two', '1.5']) {
      process.env[THREADS_VARIABLE] = text;
      expect(() => threadsFor(small, undefined)).toThrow(InputError);
      expect(() => threadsFor(small, undefined)).toThrow(/^GHCPROF_THREADS: expected a whole number of threads/);
    }
  });
});
