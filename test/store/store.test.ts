// The store: a versioned schema migrated on open, one copy per run, and runs that come back
// as the summaries that went in.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../src/analyze/aggregate.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadRuns } from '../../src/runs/load-runs.js';
import { buildDisplayName } from '../../src/store/build-name.js';
import { checkBuildNames, loadStoredRuns, storedRuns } from '../../src/store/load.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore, type ProfileStore } from '../../src/store/store.js';
import { summarizeRuns } from '../../src/store/summaries.js';
import type { RunSummary } from '../../src/model/run-summary.js';
import { projectRoot, samplePath } from '../support/samples.js';

/** The timeline samples: ten builds, two run directories each, three nodes each. */
export const timelineRuns = [join(projectRoot, 'samples/timeline/run'), join(projectRoot, '../shared/samples/timeline/run')].find((path) => existsSync(path))!;

function tempStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'ghcprof-store-')), 'runs.db');
}

async function summariesOf(paths: string[]): Promise<RunSummary[]> {
  const summaries: RunSummary[] = [];
  for await (const run of summarizeRuns(await collectRuns(paths))) if ('summary' in run) summaries.push(run.summary);
  return summaries;
}

function rowCounts(path: string): Record<string, number> {
  const db = new Sqlite(path, { readonly: true });
  try {
    const count = (table: string): number => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get()!;
    return Object.fromEntries(['runs', 'run_stats', 'cost_centres', 'run_cost_centres', 'run_modules'].map((table) => [table, count(table)]));
  } finally {
    db.close();
  }
}

async function withStore<T>(path: string, use: (store: ProfileStore) => T | Promise<T>): Promise<T> {
  const store = await openStore(path, { create: true });
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

describe('the store', () => {
  it('a new store is at the latest schema version, in WAL mode; migrations are numbered 1, 2, ... in order', async () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const path = tempStore();
    await withStore(path, (store) => expect(store.schemaVersion).toBe(SCHEMA_VERSION));
    const db = new Sqlite(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a store of a newer schema, a file that is not SQLite, another program’s database, and a missing store for reading', async () => {
    const newer = tempStore();
    await withStore(newer, () => undefined);
    const db = new Sqlite(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(openStore(newer)).rejects.toThrow(/schema version 2 is newer than this ghcprof knows \(1\); upgrade ghcprof/);
    const text = tempStore();
    writeFileSync(text, 'hello, this is no database at all, just some text that is long enough to fill a header page '.repeat(20));
    await expect(openStore(text)).rejects.toThrow(/not a ghcprof store \(not an SQLite database\)/);
    const other = tempStore();
    const foreign = new Sqlite(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    await expect(openStore(other)).rejects.toThrow(/not a ghcprof store: an SQLite database with tables of its own/);
    await expect(openStore(join(tmpdir(), 'no-such-ghcprof-store.db'))).rejects.toThrow(/no such store/);
  });

  it('adding the same runs twice keeps one copy of each: same row counts', async () => {
    const path = tempStore();
    const summaries = await summariesOf([samplePath('profnix/run')]);
    expect(summaries).toHaveLength(9);
    const first = await withStore(path, (store) => summaries.map((summary) => store.add(summary)));
    expect(first.every((result) => result.added)).toBe(true);
    const counts = rowCounts(path);
    expect(counts['runs']).toBe(9);
    expect(counts['run_stats']).toBeGreaterThan(9 * 20);
    const second = await withStore(path, (store) => summaries.map((summary) => store.add(summary)));
    expect(second).toEqual(first.map((result) => ({ id: result.id, added: false })));
    expect(rowCounts(path)).toEqual(counts);
  });

  it('runs come back as the summaries that went in, with their builds; builds in order of timing.start', async () => {
    const path = tempStore();
    const summaries = await summariesOf([timelineRuns]);
    expect(summaries).toHaveLength(60);
    await withStore(path, (store) => {
      for (const summary of summaries) store.add(summary);
      const back = [...storedRuns(store)];
      expect(back.map((run) => run.summary)).toEqual(summaries);
      expect(back.map((run) => run.record)).toEqual(summaries.map((summary) => summary.record));
      expect(back.map((run) => run.meta)).toEqual(summaries.map((summary) => summary.runDirectory!.meta));
      expect(back[0]!.start).toBe('2026-11-30-10-00');
      const builds = store.builds();
      expect(builds.map((build) => build.name)).toEqual(['c01aa00', 'c02bb00', 'c03cc00', 'c04dd00', 'c05ee00', 'c06ff00', 'c070000', 'c080000', 'c090000', 'c100000']);
      expect(builds.every((build) => build.runs === 6)).toBe(true);
      expect(builds.map((build) => build.name)).toEqual(summaries.filter((_, i) => i % 6 === 0).map((summary) => buildDisplayName(summary.runDirectory)));
      // A build by name, or a run directory by tag.
      expect(store.count({ builds: ['c02bb00'] })).toBe(6);
      expect(store.count({ builds: ['2026-11-30-10-03-c02bb-interp-timeline-prof'] })).toBe(3);
      expect(store.count({ builds: ['c02bb00', 'c03cc00'] })).toBe(12);
      expect(store.runDirectories({ builds: ['c02bb00'] }).map((directory) => [directory.meta.tag, directory.start, directory.runIds])).toEqual([
        ['2026-11-30-10-02-c02bb-interp-timeline-prof', '2026-11-30-10-02', [7, 8, 9]],
        ['2026-11-30-10-03-c02bb-interp-timeline-prof', '2026-11-30-10-03', [10, 11, 12]],
      ]);
      expect(() => checkBuildNames(store, ['c02bb00', 'nope'])).toThrow(/no build "nope" in the store \(builds: c01aa00, c02bb00/);
      const list = store.list({ builds: ['c01aa00'] });
      expect(list.map((entry) => [entry.id, entry.node, entry.formatDetail, entry.costCentres > 0])).toEqual([1, 2, 3, 4, 5, 6].map((id) => [id, `node-${(id - 1) % 3}`, '-p', true]));
    });
  });

  it('a build from the store aggregates like the same build from its files', async () => {
    const path = tempStore();
    const files = ['2026-11-30-10-04-c03cc-interp-timeline-prof', '2026-11-30-10-05-c03cc-interp-timeline-prof'].map((tag) => join(timelineRuns, tag));
    await withStore(path, async (store) => {
      for (const summary of await summariesOf([timelineRuns])) store.add(summary);
      const stored = loadStoredRuns(store, { builds: ['c03cc00'] });
      const collected = await collectRuns(files);
      const loaded = await loadRuns(collected);
      const rows = (aggregator: RunAggregator, grouping: 'cost-centre' | 'module') => aggregator.rows(grouping).map((row) => ({ ...row, values: [...row.values] }));
      expect(rows(stored.loaded.aggregator, 'cost-centre')).toEqual(rows(loaded.aggregator, 'cost-centre'));
      expect(rows(stored.loaded.aggregator, 'module')).toEqual(rows(loaded.aggregator, 'module'));
      expect(stored.loaded.aggregator.runs).toEqual(loaded.aggregator.runs);
      // The stats are stored, not their file.
      expect(stored.collected).toEqual({ ...collected, inputs: collected.inputs.map((input) => ({ ...input, statsPath: null })) });
      expect(stored.loaded.mixedBuilds).toBe(false);
    });
  });

  it('two connections adding at once both succeed (WAL, busy timeout, one transaction per run)', async () => {
    const path = tempStore();
    const summaries = await summariesOf([samplePath('profnix/run'), ...Array.from({ length: 8 }, (_, i) => samplePath(`interp/a/run-${i + 1}.prof`))]);
    const [a, b] = [await openStore(path, { create: true }), await openStore(path, { create: true })];
    try {
      summaries.forEach((summary, i) => (i % 2 === 0 ? a : b).add(summary));
      // Overlapping adds: each run is kept once.
      for (const summary of summaries) expect(b.add(summary).added).toBe(false);
      expect(a.count()).toBe(summaries.length);
    } finally {
      a.close();
      b.close();
    }
  });
});
