// The builds of a timeline from files: finds the profnix run directories under the paths
// (collect-runs.ts), groups them into builds by manifest and orders them
// (analyze/timeline/builds.ts), then reads each build's profiles into its own aggregator,
// one profile at a time. The timeline analysis takes the result; a store of run summaries
// can hand it builds made another way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupRunDirectories, startTimeMs, type BuildOrder, type RunDirectoryFacts } from '../analyze/timeline/builds.js';
import type { TimelineBuild } from '../analyze/timeline.js';
import { InputError } from '../model/diagnostic.js';
import type { RunDirectoryInfo } from '../model/run-meta.js';
import { collectRuns, type RunInput } from './collect-runs.js';
import { loadRuns } from './load-runs.js';

export interface LoadedBuilds {
  builds: TimelineBuild[];
  warnings: string[];
}

export interface LoadBuildsOptions {
  order: BuildOrder;
  /** Called before each profile is read (done of total), and once at the end. */
  onProgress?: (done: number, total: number, path: string) => void;
}

/** `meta.timing.start` of a run directory's meta.json (parseRunMeta reads the rest). */
function timingStart(directory: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(join(directory, 'meta.json'), 'utf8')) as { meta?: { timing?: { start?: unknown } } } | null;
    const start = parsed?.meta?.timing?.start;
    return typeof start === 'string' ? start : typeof start === 'number' ? String(start) : null;
  } catch {
    return null;
  }
}

interface Directory extends RunDirectoryFacts {
  inputs: RunInput[];
  info: RunDirectoryInfo;
}

export async function loadBuilds(paths: readonly string[], options: LoadBuildsOptions): Promise<LoadedBuilds> {
  const collected = await collectRuns(paths);
  const warnings: string[] = [];
  for (const input of collected.inputs) {
    if (input.runDirectory === null) warnings.push(`${input.profilePath}: not in a run directory (no meta.json with a manifest beside its node folder); a timeline places runs by their build's manifest, so it is left out`);
  }
  if (collected.runDirectories.length === 0) {
    throw new InputError({ source: paths.join(' ') }, 'no profnix run directories found (run/<tag>/ with meta.json and node-N/ folders): a timeline groups runs into builds by their manifests');
  }
  const directories: Directory[] = collected.runDirectories.map((info) => ({
    path: info.path,
    meta: info.meta,
    start: timingStart(info.path),
    info,
    inputs: collected.inputs.filter((input) => input.runDirectory === info.path),
  }));
  const groups = groupRunDirectories(directories, options.order);
  if (options.order === 'start') {
    const unordered = directories.filter((directory) => startTimeMs(directory.start) === null);
    if (unordered.length > 0) {
      const names = unordered.map((directory) => directory.meta.tag ?? directory.path);
      warnings.push(`${names.join(', ')}: meta.json has no readable timing.start; ${unordered.length === 1 ? 'its build is' : 'their builds are'} placed after the others in the order given (or use --order given)`);
    }
  }
  const total = groups.reduce((sum, group) => sum + group.members.reduce((count, member) => count + member.inputs.length, 0), 0);
  let done = 0;
  const builds: TimelineBuild[] = [];
  for (const group of groups) {
    const loaded = await loadRuns(
      { inputs: group.members.flatMap((member) => member.inputs), runDirectories: group.members.map((member) => member.info) },
      (index, _count, path) => {
        if (path !== '') options.onProgress?.(done + index, total, path);
      },
    );
    done += group.members.reduce((count, member) => count + member.inputs.length, 0);
    warnings.push(...loaded.warnings);
    if (loaded.aggregator.runs.length === 0) {
      warnings.push(`build ${group.info.name}: no run with a time profile; left out of the timeline`);
      continue;
    }
    builds.push({ build: { ...group.info, runs: loaded.aggregator.runs.length }, aggregator: loaded.aggregator });
  }
  options.onProgress?.(total, total, '');
  return { builds, warnings };
}
