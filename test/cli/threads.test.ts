// `--threads` (and GHCPROF_THREADS): worker threads read the profiles and the main thread
// merges them in input order, so every command gives, byte for byte, what one thread gives,
// warnings and errors included. The built bin/ghcprof.js in child processes, as a user meets it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectRoot, samplePath } from '../support/samples.js';

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ghcprof(args: string[], threads?: string): Outcome {
  const env = { ...process.env };
  if (threads === undefined) delete env['GHCPROF_THREADS'];
  else env['GHCPROF_THREADS'] = threads;
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args], { encoding: 'utf8', env, maxBuffer: 256 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The command with --threads 1 and with --threads 2 (through GHCPROF_THREADS where it has no option). */
function bothWays(args: string[], through: 'option' | 'variable' = 'option'): [Outcome, Outcome] {
  const run = (threads: string): Outcome => (through === 'option' ? ghcprof([...args, '--threads', threads]) : ghcprof(args, threads));
  return [run('1'), run('2')];
}

function expectSame(args: string[], through: 'option' | 'variable' = 'option'): Outcome {
  const [one, two] = bothWays(args, through);
  expect(two).toEqual(one);
  return one;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ghcprof-threads-'));
}

const buildA = samplePath('interp/a');
const buildB = samplePath('interp/b');
const runsOf = (build: string): string[] => Array.from({ length: 8 }, (_, i) => samplePath(`interp/${build}/run-${i + 1}.prof`));
const timelineRuns = samplePath('timeline/run');

describe('aggregate with worker threads', () => {
  it('text and JSON, per cost centre, module and stack: the output of one thread (samples/interp a + b)', () => {
    for (const format of ['text', 'json']) {
      for (const by of ['cost-centre', 'module', 'stack']) {
        const one = expectSame(['aggregate', ...runsOf('a'), ...runsOf('b'), '--by', by, '--top', '0', '--format', format]);
        expect(one.status, one.stderr).toBe(0);
      }
    }
    // The folders: their -pj and -P profiles too.
    expect(expectSame(['aggregate', buildA, buildB, '--format', 'json']).status).toBe(0);
  });

  it('text and JSON of profnix run directories (RTS statistics from node-N/*.stats)', () => {
    for (const format of ['text', 'json']) {
      const one = expectSame(['aggregate', samplePath('profnix'), '--top', '0', '--format', format]);
      expect(one.status, one.stderr).toBe(0);
    }
  });

  it('warnings in the same order: an eventlog without samples left out, a truncated gzip read as far as it goes', () => {
    const dir = tempDir();
    const cut = join(dir, 'cut.prof.gz');
    writeFileSync(cut, spawnSync('gzip', ['-c', samplePath('interp/a/run-4.prof')]).stdout.subarray(0, 3000));
    const one = expectSame(['aggregate', samplePath('interp/a/run-1.prof'), cut, samplePath('interp/a/heap.eventlog'), samplePath('interp/a/run-2.prof'), '--format', 'json']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/heap\.eventlog: no time-profile samples; left out of the aggregate/);
  });

  it('a bad file among good ones: the same one-line error and exit code', () => {
    const bad = join(tempDir(), 'bad.prof');
    writeFileSync(bad, 'not a profile\n');
    const runs = runsOf('a');
    const one = expectSame(['aggregate', ...runs.slice(0, 3), bad, ...runs.slice(3)]);
    expect(one.status).toBe(2);
    expect(one.stderr).toBe(`ghcprof: ${bad}:1: not a GHC profile: expected a time and allocation report (+RTS -p/-P/-pa), a JSON profile (-pj) or an eventlog\n`);
    const missing = expectSame(['aggregate', ...runs.slice(0, 2), join(tempDir(), 'none.prof')]);
    expect(missing.status).toBe(2);
  });

  it('--threads and GHCPROF_THREADS take whole numbers from 1', () => {
    const zero = ghcprof(['aggregate', buildA, '--threads', '0']);
    expect(zero.status).not.toBe(0);
    expect(zero.stderr).toMatch(/--threads <n>.*expected a whole number of threads, 1 or more/);
    const variable = ghcprof(['aggregate', ...runsOf('a')], 'many');
    expect(variable).toMatchObject({ status: 2, stderr: 'ghcprof: GHCPROF_THREADS: expected a whole number of threads, 1 or more (1: read in the main thread only), not "many"\n' });
  });
});

describe('compare with worker threads', () => {
  it('text, JSON, per stack, and the differential flamegraph: the output of one thread', () => {
    for (const extra of [[], ['--format', 'json'], ['--by', 'stack', '--format', 'json'], ['--by', 'module', '--regressions']]) {
      const one = expectSame(['compare', buildA, buildB, ...extra]);
      expect(one.status, one.stderr).toBe(0);
    }
    const dir = tempDir();
    const flamegraphs = ['1', '2'].map((threads) => {
      const path = join(dir, `diff-${threads}.svg`);
      expect(ghcprof(['compare', '--base', ...runsOf('a'), '--new', ...runsOf('b'), '--flamegraph', path, '--threads', threads]).status).toBe(0);
      return readFileSync(path, 'utf8');
    });
    expect(flamegraphs[1]).toBe(flamegraphs[0]);
  });

  it('a bad file on the new side: the same error and exit code', () => {
    const bad = join(tempDir(), 'bad.prof');
    writeFileSync(bad, 'not a profile\n');
    const one = expectSame(['compare', '--base', ...runsOf('a'), '--new', ...runsOf('b').slice(0, 4), bad]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^ghcprof: .*bad\.prof:1: not a GHC profile/);
  });
});

describe('timeline with worker threads (GHCPROF_THREADS: timeline has no option of its own)', () => {
  it('text and JSON of the 60 sample runs: the output of one thread', () => {
    for (const format of ['text', 'json']) {
      const one = expectSame(['timeline', timelineRuns, '--format', format], 'variable');
      expect(one.status, one.stderr).toBe(0);
    }
  });
});

describe('store add with worker threads', () => {
  /** Every row of every table (ids included), less when it was added, in one order. */
  function rows(path: string): Record<string, unknown[]> {
    const db = new Sqlite(path, { readonly: true });
    try {
      const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      return Object.fromEntries(
        tables.map((table) => [
          table,
          (db.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>)
            .map((row) => {
              const { added_at: _addedAt, ...rest } = row;
              return JSON.stringify(rest);
            })
            .sort(),
        ]),
      );
    } finally {
      db.close();
    }
  }

  /** The command's lines, less the store's name and the time it took. */
  const lines = (outcome: Outcome, store: string): Outcome => ({ ...outcome, stdout: outcome.stdout.replace(store, 'STORE').replace(/ \(\d+\.\d+ s\)$/m, '') });

  it('the same lines and the same rows; a run already stored, or added twice in one batch, is kept once', () => {
    const dir = tempDir();
    const [one, two] = ['1', '2'].map((threads) => {
      const store = join(dir, `runs-${threads}.db`);
      const first = ghcprof(['store', 'add', timelineRuns, '--store', store, '--threads', threads]);
      expect(first.status, first.stderr).toBe(0);
      // Again, with a new profile given twice: the stored runs and the second copy are kept.
      const again = ghcprof(['store', 'add', runsOf('a')[0]!, runsOf('a')[0]!, timelineRuns, '--store', store, '--threads', threads]);
      return { first: lines(first, store), again: lines(again, store), rows: rows(store) };
    });
    expect(two!.first).toEqual(one!.first);
    expect(two!.again).toEqual(one!.again);
    expect(one!.again.stdout).toMatch(/: 1 added, 61 already stored; 61 runs stored/);
    expect(two!.rows).toEqual(one!.rows);
  });

  it('a bad file among good ones: the others stored, the same message, exit code 2', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.prof');
    writeFileSync(bad, 'not a profile\n');
    const runs = runsOf('b');
    const [one, two] = ['1', '2'].map((threads) => {
      const store = join(dir, `runs-${threads}.db`);
      return { outcome: lines(ghcprof(['store', 'add', ...runs.slice(0, 2), bad, ...runs.slice(2), '--store', store, '--threads', threads]), store), rows: rows(store) };
    });
    expect(two!.outcome).toEqual(one!.outcome);
    expect(one!.outcome.status).toBe(2);
    expect(one!.outcome.stderr).toMatch(/^ghcprof: .*bad\.prof:1: not a GHC profile/);
    expect(one!.outcome.stdout).toMatch(/: 8 added, 0 already stored, 1 failed; 8 runs stored/);
    expect(two!.rows).toEqual(one!.rows);
  });
});
