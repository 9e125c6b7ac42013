// The builds of a timeline: run directories grouped into builds by manifest and ordered
// (analyze/timeline/builds.ts), each build's runs read into an aggregator of its own. From
// files here (the profnix run directories under the paths, collect-runs.ts, read as loadRuns
// reads them: in worker threads, the next builds' profiles while one build is merged);
// src/store/builds.ts reads them from a store through the same assembleBuilds, so both give
// the timeline analysis the same builds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunAggregator } from '../analyze/aggregate.js';
import { groupRunDirectories, startTimeMs, type BuildInfo, type BuildOrder, type RunDirectoryFacts } from '../analyze/timeline/builds.js';
import type { TimelineBuild } from '../analyze/timeline.js';
import { InputError } from '../model/diagnostic.js';
import type { RunDirectoryInfo } from '../model/run-meta.js';
import { collectRuns, type CollectedRuns, type RunInput } from './collect-runs.js';
import { loadRuns, loadRunsAhead, type LoadedRuns, type LoadRunsOptions, type RunsProgress } from './load-runs.js';
import { RunsAhead } from './runs-ahead.js';
import { poolFor } from './worker-pool.js';

export interface LoadedBuilds {
  builds: TimelineBuild[];
  warnings: string[];
}

/** Called before each profile is read (done of total), and once at the end. */
export type BuildsProgress = RunsProgress;

export interface LoadBuildsOptions extends Pick<LoadRunsOptions, 'threads' | 'callTrees'> {
  order: BuildOrder;
  onProgress?: BuildsProgress;
}

/**
 * `meta.timing.start` of a run directory's meta.json (parseRunMeta reads the rest), or null.
 * The one reading of it: `store add` keeps what this says, so a timeline from the store
 * orders builds as the files do.
 */
export function timingStart(directory: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(join(directory, 'meta.json'), 'utf8')) as { meta?: { timing?: { start?: unknown } } } | null;
    const start = parsed?.meta?.timing?.start;
    return typeof start === 'string' ? start : typeof start === 'number' ? String(start) : null;
  } catch {
    return null;
  }
}

/** A run directory found under the paths, with the profiles of its nodes. */
export interface FoundRunDirectory extends RunDirectoryFacts {
  info: RunDirectoryInfo;
  inputs: RunInput[];
}

/**
 * The profnix run directories under the paths, in the order found; a profile outside them is
 * left out with a warning. Throws when there is none.
 */
export async function findRunDirectories(paths: readonly string[]): Promise<{ directories: FoundRunDirectory[]; warnings: string[] }> {
  const collected = await collectRuns(paths);
  const warnings: string[] = [];
  for (const input of collected.inputs) {
    if (input.runDirectory === null) warnings.push(`${input.profilePath}: not in a run directory (no meta.json with a manifest beside its node folder); a timeline places runs by their build's manifest, so it is left out`);
  }
  if (collected.runDirectories.length === 0) {
    throw new InputError({ source: paths.join(' ') }, 'no profnix run directories found (run/<tag>/ with meta.json and node-N/ folders): a timeline groups runs into builds by their manifests');
  }
  const directories = collected.runDirectories.map((info) => ({
    path: info.path,
    meta: info.meta,
    start: timingStart(info.path),
    info,
    inputs: collected.inputs.filter((input) => input.runDirectory === info.path),
  }));
  return { directories, warnings };
}

/** One build's runs in one aggregator, with the warnings of reading them. */
export interface BuildRuns {
  aggregator: RunAggregator;
  warnings: string[];
}

/** Reads the runs of one build's run directories (in the build's order) into an aggregator. */
export type BuildReader<T extends RunDirectoryFacts> = (members: readonly T[], build: BuildInfo) => Promise<BuildRuns> | BuildRuns;

/**
 * Groups run directories into builds and orders them, then reads each build with `read`: a
 * build without a run with a time profile is left out with a warning. Whatever reads the runs,
 * the same directories give the same builds.
 */
export async function assembleBuilds<T extends RunDirectoryFacts>(directories: readonly T[], order: BuildOrder, read: BuildReader<T>): Promise<LoadedBuilds> {
  const warnings: string[] = [];
  const groups = groupRunDirectories(directories, order);
  if (order === 'start') {
    const unordered = directories.filter((directory) => startTimeMs(directory.start) === null);
    if (unordered.length > 0) {
      const names = unordered.map((directory) => directory.meta.tag ?? directory.path);
      warnings.push(`${names.join(', ')}: meta.json has no readable timing.start; ${unordered.length === 1 ? 'its build is' : 'their builds are'} placed after the others in the order given (or use --order given)`);
    }
  }
  const builds: TimelineBuild[] = [];
  for (const group of groups) {
    const loaded = await read(group.members, group.info);
    warnings.push(...loaded.warnings);
    if (loaded.aggregator.runs.length === 0) {
      warnings.push(`build ${group.info.name}: no run with a time profile; left out of the timeline`);
      continue;
    }
    builds.push({ build: { ...group.info, runs: loaded.aggregator.runs.length }, aggregator: loaded.aggregator });
  }
  return { builds, warnings };
}

/** Reads builds with `load`, counting progress over `total` profiles (those of every build it will be given). */
function buildReader(total: number, onProgress: BuildsProgress | undefined, load: (collected: CollectedRuns, onProgress: RunsProgress) => Promise<LoadedRuns>): BuildReader<FoundRunDirectory> {
  let done = 0;
  return async (members) => {
    const inputs = members.flatMap((member) => member.inputs);
    const loaded = await load({ inputs, runDirectories: members.map((member) => member.info) }, (index, _count, path) => {
      if (path !== '') onProgress?.(done + index, total, path);
    });
    done += inputs.length;
    return loaded;
  };
}

/**
 * A reader of builds from their profiles, a build at a time (its profiles in worker threads
 * as loadRuns reads them); progress counts over `total` profiles (those of every build it
 * will be given).
 */
export function fileBuildReader(total: number, onProgress?: BuildsProgress, options: Pick<LoadRunsOptions, 'threads' | 'callTrees'> = {}): BuildReader<FoundRunDirectory> {
  return buildReader(total, onProgress, (collected, progress) => loadRuns(collected, { ...options, onProgress: progress }));
}

export async function loadBuilds(paths: readonly string[], options: LoadBuildsOptions): Promise<LoadedBuilds> {
  const found = await findRunDirectories(paths);
  const total = found.directories.reduce((count, directory) => count + directory.inputs.length, 0);
  // Every profile, in the order assembleBuilds will read the builds: workers read the next
  // builds' while one build is merged.
  const inputs = groupRunDirectories(found.directories, options.order).flatMap((group) => group.members.flatMap((member) => member.inputs));
  const pool = poolFor(inputs, options.threads);
  const ahead = pool === null ? null : new RunsAhead(pool, inputs, options.callTrees ?? true);
  try {
    const reader =
      ahead === null
        ? fileBuildReader(total, options.onProgress, { threads: options.threads, callTrees: options.callTrees })
        : buildReader(total, options.onProgress, (collected, progress) => loadRunsAhead(collected, ahead, progress));
    const assembled = await assembleBuilds(found.directories, options.order, reader);
    options.onProgress?.(total, total, '');
    return { builds: assembled.builds, warnings: [...found.warnings, ...assembled.warnings] };
  } finally {
    ahead?.close();
  }
}
