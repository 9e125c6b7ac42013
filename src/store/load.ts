// Stored runs into aggregators, as loadRuns reads profiles into them: `aggregate --store`,
// `compare --store` and (through aggregateStoredRuns) `timeline --store` give the answers they
// give from the files, per cost centre and module (a store keeps no call trees, so no stacks).
import { RunAggregator } from '../analyze/aggregate.js';
import { InputError } from '../model/diagnostic.js';
import { buildIdentity, type RunDirectoryInfo } from '../model/run-meta.js';
import type { CollectedRuns, RunInput } from '../runs/collect-runs.js';
import type { LoadedRuns } from '../runs/load-runs.js';
import type { ProfileStore, RunSelection, StoredRun } from './store.js';

export interface LoadedStoredRuns {
  /** The runs as collectRuns would describe them: sources, nodes and run directories. */
  collected: CollectedRuns;
  loaded: LoadedRuns;
}

/**
 * The runs of a selection, one at a time, in the order they were added: each with its
 * RunRecord, its run directory's RunMeta and timing.start, and the summary that
 * `RunAggregator.addSummary` takes.
 */
export function storedRuns(store: ProfileStore, selection: RunSelection = {}): Generator<StoredRun> {
  return store.runs(selection);
}

/** Fails on a build name (or tag) that no stored run has, listing the names there are. */
export function checkBuildNames(store: ProfileStore, names: readonly string[]): void {
  for (const name of names) {
    if (store.count({ builds: [name] }) > 0) continue;
    const known = store.builds().map((build) => build.name);
    throw new InputError({ source: store.path }, `no build ${JSON.stringify(name)} in the store (builds: ${known.length === 0 ? 'none' : known.join(', ')}; \`ghcprof store list\` shows every run)`);
  }
}

/** A stored run into an aggregator, as loadRuns adds a run summary file. */
function addStoredRun(aggregator: RunAggregator, warnings: string[], run: StoredRun): void {
  warnings.push(...run.summary.warnings);
  aggregator.addSummary(run.summary);
}

/** Reads a selection's runs into one aggregator, with what loadRuns would return for their files. */
export function loadStoredRuns(store: ProfileStore, selection: RunSelection = {}): LoadedStoredRuns {
  const aggregator = new RunAggregator(store.count(selection));
  const warnings: string[] = [];
  const inputs: RunInput[] = [];
  const runDirectories: RunDirectoryInfo[] = [];
  for (const run of store.runs(selection)) {
    addStoredRun(aggregator, warnings, run);
    inputs.push({ profilePath: run.record.source, statsPath: null, runDirectory: run.record.runDirectory, node: run.record.node });
    const directory = run.summary.runDirectory;
    if (directory !== null && !runDirectories.some((info) => info.path === directory.path)) runDirectories.push({ path: directory.path, meta: directory.meta });
  }
  const identities = new Set(runDirectories.map((info) => buildIdentity(info.meta)));
  return { collected: { inputs, runDirectories }, loaded: { aggregator, warnings, mixedBuilds: identities.size > 1 } };
}

/**
 * Reads the runs of stored run directories into one aggregator, directory after directory in
 * the order given and each one's runs in the order they were added: the order loadRuns reads
 * the files of a build in (the order of runs feeds the timeline's permutation tests).
 */
export function aggregateStoredRuns(store: ProfileStore, directories: ReadonlyArray<{ runIds: readonly number[] }>): { aggregator: RunAggregator; warnings: string[] } {
  const aggregator = new RunAggregator(directories.reduce((count, directory) => count + directory.runIds.length, 0));
  const warnings: string[] = [];
  for (const directory of directories) {
    for (const run of store.runs({ ids: directory.runIds })) addStoredRun(aggregator, warnings, run);
  }
  return { aggregator, warnings };
}
