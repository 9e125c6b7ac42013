// `ghcprof store`, `ghcprof summarize`, and `aggregate`/`compare --store` as a user meets
// them: the built bin/ghcprof.js in child processes, on the timeline samples (ten builds, two
// run directories each, three nodes each: 60 profiles).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseRunSummary } from '../../src/model/run-summary.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { storedRuns } from '../../src/store/load.js';
import { openStore } from '../../src/store/store.js';
import { summarizeRuns } from '../../src/store/summaries.js';
import type { RunSummary } from '../../src/model/run-summary.js';
import { projectRoot, samplePath } from '../support/samples.js';

const bin = join(projectRoot, 'bin/ghcprof.js');
const timelineRuns = [join(projectRoot, 'samples/timeline/run'), join(projectRoot, '../shared/samples/timeline/run')].find((path) => existsSync(path))!;
const runDirectories = readdirSync(timelineRuns)
  .sort()
  .map((tag) => join(timelineRuns, tag));
/** The run directories of a build, by its node commit's short form. */
const directoriesOf = (commit: string): string[] => runDirectories.filter((path) => path.includes(`-${commit.slice(0, 5)}-`));

function ghcprof(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs ghcprof, expecting success, and returns its standard output. */
function ok(args: string[]): string {
  const result = ghcprof(args);
  expect(result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

function json<T = Record<string, unknown>>(args: string[]): T {
  return JSON.parse(ok([...args, '--format', 'json'])) as T;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ghcprof-store-cli-'));
}

function runCount(path: string): number {
  const db = new Sqlite(path, { timeout: 5000 });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM runs').pluck().get()!;
  } finally {
    db.close();
  }
}

async function storedSummaries(path: string): Promise<RunSummary[]> {
  const store = await openStore(path);
  try {
    return [...storedRuns(store)].map((run) => run.summary);
  } finally {
    store.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

// One store of all 60 runs for the comparisons below.
const shared = join(tempDir(), 'timeline.db');

describe('ghcprof store add and store list', () => {
  it('adds the 60 runs once: a second add keeps every run as it was (same row counts)', () => {
    const first = ok(['store', 'add', timelineRuns, '--store', shared]);
    expect(first).toMatch(/: 60 added, 0 already stored; 60 runs stored/);
    expect(first.split('\n').filter((line) => line.startsWith('added '))).toHaveLength(60);
    const counts = (): unknown => {
      const db = new Sqlite(shared, { readonly: true });
      try {
        return ['runs', 'run_stats', 'cost_centres', 'run_cost_centres', 'run_modules'].map((table) => db.prepare(`SELECT count(*) AS n FROM ${table}`).get());
      } finally {
        db.close();
      }
    };
    const before = counts();
    const second = ok(['store', 'add', timelineRuns, '--store', shared]);
    expect(second).toMatch(/: 0 added, 60 already stored; 60 runs stored/);
    expect(counts()).toEqual(before);
  });

  it('store list: one entry per stored profile, with its build; --build narrows; JSON has every field', () => {
    const text = ok(['store', 'list', '--store', shared]);
    expect(text).toMatch(/^60 runs in .* \(schema version 1; 10 builds\)/);
    expect(text.trimEnd().split('\n')).toHaveLength(1 + 1 + 1 + 60);
    const listed = json<{ runs: Array<{ id: number; build: string; node: string; source: string; sha256: string }>; builds: Array<{ name: string; runs: number }> }>(['store', 'list', '--store', shared]);
    expect(listed.runs).toHaveLength(60);
    expect(new Set(listed.runs.map((run) => run.sha256)).size).toBe(60);
    expect(listed.builds.map((build) => build.runs)).toEqual(Array.from({ length: 10 }, () => 6));
    const c02 = json<{ runs: Array<{ build: string }> }>(['store', 'list', '--store', shared, '--build', 'c02bb00']);
    expect(c02.runs.map((run) => run.build)).toEqual(Array.from({ length: 6 }, () => 'c02bb00'));
    const unknown = ghcprof(['store', 'list', '--store', shared, '--build', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no build "nope" in the store/);
    const missing = ghcprof(['store', 'list', '--store', join(tempDir(), 'none.db')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such store/);
  });
});

describe('aggregate --store and compare --store give the answers the files give', () => {
  it('aggregate --store equals aggregate over the same paths: every run, and one build (per cost centre and per module)', () => {
    for (const by of ['cost-centre', 'module']) {
      const fromStore = json(['aggregate', '--store', shared, '--by', by, '--top', '0']);
      const fromFiles = json(['aggregate', timelineRuns, '--by', by, '--top', '0']);
      expect(fromStore['costCentres']).toEqual(fromFiles['costCentres']);
      expect(fromStore['runMetrics']).toEqual(fromFiles['runMetrics']);
      expect(fromStore['mixedBuilds']).toBe(true);
      const build = json(['aggregate', '--store', shared, '--build', 'c03cc00', '--by', by, '--top', '0']);
      const files = json(['aggregate', ...directoriesOf('c03cc00'), '--by', by, '--top', '0']);
      // Everything but where each run's statistics came from.
      const { runs: storeRuns, ...storeRest } = build;
      const { runs: fileRuns, ...fileRest } = files;
      expect(storeRest).toEqual(fileRest);
      expect(storeRuns).toEqual(fileRuns);
    }
  });

  it('compare --store --base-build --new-build equals compare --base --new of their run directories (JSON rows, totals, added, removed)', () => {
    for (const [base, next] of [
      ['c02bb00', 'c03cc00'],
      ['c01aa00', 'c100000'],
    ] as const) {
      for (const by of ['cost-centre', 'module']) {
        const fromStore = json(['compare', '--store', shared, '--base-build', base, '--new-build', next, '--by', by]);
        const fromFiles = json(['compare', '--base', ...directoriesOf(base), '--new', ...directoriesOf(next), '--by', by]);
        expect((fromStore['rows'] as unknown[]).length).toBeGreaterThan(0);
        expect(fromStore['rows']).toEqual(fromFiles['rows']);
        expect(fromStore).toEqual(fromFiles);
      }
    }
  });

  it('--by stack and --flamegraph need call trees: a usage error with --store; so are mixed flags', () => {
    for (const args of [
      ['aggregate', '--store', shared, '--by', 'stack'],
      ['compare', '--store', shared, '--base-build', 'c01aa00', '--new-build', 'c02bb00', '--by', 'stack'],
      ['compare', '--store', shared, '--base-build', 'c01aa00', '--new-build', 'c02bb00', '--flamegraph', join(tempDir(), 'x.svg')],
    ]) {
      const result = ghcprof(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/needs call trees, and a store keeps per cost centre and module totals only/);
    }
    expect(ghcprof(['compare', '--store', shared, '--base-build', 'c01aa00']).stderr).toMatch(/give --base-build NAME and --new-build NAME/);
    expect(ghcprof(['compare', '--store', shared, '--base-build', 'c01aa00', '--new-build', 'zzz']).stderr).toMatch(/no build "zzz" in the store/);
    expect(ghcprof(['compare', '--base-build', 'c01aa00', '--new-build', 'c02bb00']).stderr).toMatch(/give --store FILE too/);
    expect(ghcprof(['aggregate', timelineRuns, '--build', 'c01aa00']).stderr).toMatch(/give --store FILE too/);
    expect(ghcprof(['aggregate', '--store', shared, timelineRuns]).stderr).toMatch(/not both/);
  });
});

describe('ghcprof summarize', () => {
  it('summarize then store add of the summaries stores the same runs as adding the profiles (the profile’s hash travels in the summary)', async () => {
    const dir = tempDir();
    const directory = directoriesOf('c04dd00')[0]!;
    const written = ok(['summarize', directory, '--output-dir', join(dir, 'summaries')]).trim().split('\n');
    expect(written.map((path) => path.slice(join(dir, 'summaries').length + 1))).toEqual(['node-0', 'node-1', 'node-2'].map((node) => `2026-11-30-10-06-c04dd-interp-timeline-prof.${node}.summary.json`));
    const fromSummaries = join(dir, 'from-summaries.db');
    const fromProfiles = join(dir, 'from-profiles.db');
    expect(ok(['store', 'add', ...written, '--store', fromSummaries])).toMatch(/3 added/);
    expect(ok(['store', 'add', directory, '--store', fromProfiles])).toMatch(/3 added/);
    expect(await storedSummaries(fromSummaries)).toEqual(await storedSummaries(fromProfiles));
    // The same runs: adding the profiles to the store of their summaries adds nothing.
    expect(ok(['store', 'add', directory, '--store', fromSummaries])).toMatch(/0 added, 3 already stored/);
    const summary = parseRunSummary(readFileSync(written[0]!, 'utf8'), written[0]!);
    expect(summary.ghcprofSummary).toBe(1);
    expect(summary.record.source).toBe(join(directory, 'node-0', 'cardano-node.prof'));
    expect(summary.runDirectory?.start).toBe('2026-11-30-10-06');
  });

  it('aggregate and compare read summaries as they read the profiles; -o names one summary; --by stack is a usage error for summaries', () => {
    const dir = tempDir();
    const base = Array.from({ length: 8 }, (_, i) => samplePath(`interp/a/run-${i + 1}.prof`));
    const next = Array.from({ length: 8 }, (_, i) => samplePath(`interp/b/run-${i + 1}.prof`));
    // --output-dir: one summary per run, named after its profile.
    const summarize = (paths: string[], side: string): string[] => ok(['summarize', ...paths, '--output-dir', join(dir, side)]).trim().split('\n');
    const [baseSummaries, nextSummaries] = [summarize(base, 'a'), summarize(next, 'b')];
    expect(baseSummaries).toEqual(Array.from({ length: 8 }, (_, i) => join(dir, 'a', `run-${i + 1}.summary.json`)));
    expect(json(['aggregate', ...baseSummaries, '--top', '0'])['costCentres']).toEqual(json(['aggregate', ...base, '--top', '0'])['costCentres']);
    const fromSummaries = json(['compare', '--base', ...baseSummaries, '--new', ...nextSummaries, '--metric', 'time', 'entries']);
    const fromProfiles = json(['compare', '--base', ...base, '--new', ...next, '--metric', 'time', 'entries']);
    expect(fromSummaries['rows']).toEqual(fromProfiles['rows']);
    expect(fromSummaries['totals']).toEqual(fromProfiles['totals']);
    const stack = ghcprof(['aggregate', ...baseSummaries, '--by', 'stack']);
    expect(stack.status).toBe(2);
    expect(stack.stderr).toMatch(/run summaries \(\.summary\.json\) have none/);
    const badName = ghcprof(['summarize', base[0]!, '-o', join(dir, 'x.json')]);
    expect(badName.status).toBe(2);
    expect(badName.stderr).toMatch(/name the file \*\.summary\.json/);
    const several = ghcprof(['summarize', directoriesOf('c01aa00')[0]!]);
    expect(several.status).toBe(2);
    expect(several.stderr).toMatch(/3 runs found: give --output-dir DIR/);
    // -o FILE, or standard output when no file is named: the same summary.
    const one = join(dir, 'one.summary.json');
    ok(['summarize', base[0]!, '-o', one]);
    const written = parseRunSummary(readFileSync(baseSummaries[0]!, 'utf8'), baseSummaries[0]!);
    expect(parseRunSummary(readFileSync(one, 'utf8'), one)).toEqual(written);
    expect(parseRunSummary(ok(['summarize', base[0]!]), '-')).toEqual(written);
  });
});

describe('store add under failure and contention', () => {
  it('a store add killed (SIGKILL) after its first runs committed leaves a store that opens and holds every run committed before', async () => {
    const path = join(tempDir(), 'killed.db');
    const child = spawn(process.execPath, [bin, 'store', 'add', timelineRuns, '--store', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    const done = exited(child);
    let seen = 0;
    const deadline = Date.now() + 30_000;
    while (seen === 0 && Date.now() < deadline) {
      await sleep(2);
      if (!existsSync(path)) continue;
      try {
        seen = runCount(path);
      } catch {
        // The schema is not there yet.
      }
    }
    child.kill('SIGKILL');
    const result = await done;
    expect(result.signal).toBe('SIGKILL');
    expect(seen).toBeGreaterThan(0);
    const stored = runCount(path);
    // Killed mid-way: not every run got in, and none that was committed is lost.
    expect(stored).toBeLessThan(60);
    expect(stored).toBeGreaterThanOrEqual(seen);
    const db = new Sqlite(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Every stored run is whole: the summary of its profile, as it would be made now.
    const expected = new Map<string, RunSummary>();
    for await (const run of summarizeRuns(await collectRuns([timelineRuns]))) if ('summary' in run) expected.set(run.summary.record.source, run.summary);
    const back = await storedSummaries(path);
    expect(back).toHaveLength(stored);
    for (const summary of back) expect(summary).toEqual(expected.get(summary.record.source));
    // Adding again completes the store.
    expect(ok(['store', 'add', timelineRuns, '--store', path])).toMatch(new RegExp(`: ${60 - stored} added, ${stored} already stored; 60 runs stored`));
  });

  it('two store add processes at once on one new store (different runs) both succeed, and every run is there', async () => {
    const dir = tempDir();
    const path = join(dir, 'concurrent.db');
    const halves = [runDirectories.slice(0, 10), runDirectories.slice(10)];
    const children = halves.map((paths) => exited(spawn(process.execPath, [bin, 'store', 'add', ...paths, '--store', path], { stdio: ['ignore', 'pipe', 'pipe'] })));
    const results = await Promise.all(children);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/30 added, 0 already stored/);
    }
    expect(runCount(path)).toBe(60);
    const listed = json<{ runs: Array<{ source: string }> }>(['store', 'list', '--store', path]);
    const all = json<{ runs: Array<{ source: string }> }>(['store', 'list', '--store', shared]);
    expect(listed.runs.map((run) => run.source).sort()).toEqual(all.runs.map((run) => run.source).sort());
  });
});
