// The builds of `timeline --store`, in process: the store's run directories give the builds
// and runs the files give (in the same order: the timeline's permutation tests see it), and
// reading them from the store skips the parse of every profile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBuilds } from '../../src/runs/builds.js';
import { loadBuilds } from '../../src/runs/builds.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadStoredBuilds } from '../../src/store/builds.js';
import { openStore, type ProfileStore } from '../../src/store/store.js';
import { summarizeRuns } from '../../src/store/summaries.js';
import { samplePath } from '../support/samples.js';

const runs = samplePath('timeline/run');
let store: ProfileStore;

beforeAll(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'ghcprof-store-builds-')), 'runs.db'), { create: true });
  for await (const run of summarizeRuns(await collectRuns([runs]))) if ('summary' in run) store.add(run.summary);
}, 60_000);

afterAll(() => store.close());

/** What a timeline takes from each build: its facts, its runs in order, and its rows. */
function comparable(loaded: LoadedBuilds): unknown {
  return loaded.builds.map(({ build, aggregator }) => ({ build, runs: aggregator.runs, rows: aggregator.rows('cost-centre'), modules: aggregator.rows('module') }));
}

describe('loadStoredBuilds', () => {
  it('every stored build, and the builds under paths, are the builds the files give, runs in the same order', async () => {
    const files = await loadBuilds([runs], { order: 'start' });
    expect(files.builds).toHaveLength(10);
    expect(comparable(await loadStoredBuilds(store, { order: 'start' }))).toEqual(comparable(files));
    expect(comparable(await loadStoredBuilds(store, { order: 'start', paths: [runs] }))).toEqual(comparable(files));
    expect((await loadStoredBuilds(store, { order: 'start' })).warnings).toEqual([]);
  });

  it('with builds named: only those builds, in timeline order whatever the order of the names; a tag picks its run directory; an unknown name is refused', async () => {
    const files = await loadBuilds([runs], { order: 'start' });
    const names = files.builds.map(({ build }) => build.name);
    expect(comparable(await loadStoredBuilds(store, { order: 'start', builds: [names[3]!, names[2]!] }))).toEqual(comparable({ builds: files.builds.slice(2, 4), warnings: [] }));
    const tag = files.builds[0]!.build.runDirectories[1]!;
    expect(comparable(await loadStoredBuilds(store, { order: 'start', builds: [tag] }))).toEqual(comparable(await loadBuilds([join(runs, tag)], { order: 'start' })));
    await expect(loadStoredBuilds(store, { order: 'start', builds: [names[0]!, 'c0ffee0'] })).rejects.toThrow(/no build "c0ffee0" in the store/);
  });

  it('reads the runs far faster than from their files (measured here, one after the other)', async () => {
    // Warm both paths once (module loading, JIT), then time one load of each.
    await loadBuilds([runs], { order: 'start' });
    await loadStoredBuilds(store, { order: 'start' });
    let started = performance.now();
    await loadBuilds([runs], { order: 'start' });
    const filesMs = performance.now() - started;
    started = performance.now();
    await loadStoredBuilds(store, { order: 'start' });
    const storeMs = performance.now() - started;
    console.log(`builds of ${runs}: ${filesMs.toFixed(0)} ms from the files, ${storeMs.toFixed(1)} ms from the store`);
    expect(storeMs).toBeLessThan(filesMs / 3);
  });
});
