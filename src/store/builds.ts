// The builds of `timeline --store FILE [PATH...]`, from stored run summaries: the same run
// directories give the same builds as from the files (src/runs/builds.ts groups and orders
// both), each build's runs read in the order its files would be, so the timeline is the same
// to the byte, in milliseconds instead of a parse of every profile.
//
// Without PATHs: every run directory in the store, in the order they were added, or those of
// the builds named (`--build`, checked as `aggregate --store --build` checks them). With PATHs:
// the run directories under them (found on disk, as `timeline PATH...` finds them). A build
// is read from the store when the store holds each of its run directories whole (a stored
// directory of the same path with the same nodes, in order), else from its files: a build is
// one aggregator, and a profile read from its file goes into it with its call tree, which a
// stored run lacks, so the runs of one build all come from one source.
import { resolve } from 'node:path';
import { buildIdentity } from '../model/run-meta.js';
import { InputError } from '../model/diagnostic.js';
import { assembleBuilds, fileBuildReader, findRunDirectories, type FoundRunDirectory, type LoadBuildsOptions, type LoadedBuilds } from '../runs/builds.js';
import { aggregateStoredRuns, checkBuildNames } from './load.js';
import type { ProfileStore, RunSelection, StoredRunDirectory } from './store.js';

/** Which run directories: those under paths, those of the named builds, or (neither) every stored one. */
export type LoadStoredBuildsOptions = LoadBuildsOptions &
  (
    | {
        /** The run directories under these paths; every run directory in the store when absent or empty. */
        paths?: readonly string[];
        builds?: undefined;
      }
    | {
        /** The stored run directories of these builds (display names or run directory tags, as `--build` takes them). */
        builds: readonly string[];
        paths?: undefined;
      }
  );

/** A run directory found under the paths, with its runs' ids when the store holds them all. */
interface LookedUpDirectory extends FoundRunDirectory {
  runIds: number[] | null;
}

function noRuns(store: ProfileStore): InputError {
  return new InputError({ source: store.path }, 'no runs stored (`ghcprof store add PATH... --store FILE` adds them)');
}

/** Every stored run directory's build (or those of the selection's builds), from the store alone. */
async function storedBuilds(store: ProfileStore, selection: RunSelection, options: LoadBuildsOptions): Promise<LoadedBuilds> {
  if (store.count() === 0) throw noRuns(store);
  if (selection.builds !== undefined) checkBuildNames(store, selection.builds);
  const stored = store.count(selection);
  const directories = store.runDirectories(selection);
  if (directories.length === 0) {
    throw new InputError({ source: store.path }, `none of the ${stored} stored runs is in a profnix run directory (run/<tag>/ with meta.json): a timeline groups runs into builds by their manifests`);
  }
  const warnings: string[] = [];
  const outside = stored - directories.reduce((count, directory) => count + directory.runIds.length, 0);
  if (outside > 0) warnings.push(`${store.path}: ${outside} stored run${outside === 1 ? ' is' : 's are'} not in a run directory; a timeline places runs by their build's manifest, so ${outside === 1 ? 'it is' : 'they are'} left out`);
  const assembled = await assembleBuilds(directories, options.order, (members) => aggregateStoredRuns(store, members));
  return { builds: assembled.builds, warnings: [...warnings, ...assembled.warnings] };
}

/** The stored runs of a directory found on disk: its stored directory's, when they are of the same nodes in the same order. */
function storedRunIds(found: FoundRunDirectory, stored: StoredRunDirectory | undefined, nodeOf: ReadonlyMap<number, string | null>): number[] | null {
  if (stored === undefined) return null;
  const storedNodes = stored.runIds.map((id) => nodeOf.get(id) ?? null);
  const foundNodes = found.inputs.map((input) => input.node);
  const whole = storedNodes.length === foundNodes.length && storedNodes.every((node, i) => node === foundNodes[i]);
  return whole ? stored.runIds : null;
}

/** The builds of the run directories under the paths: from the store where it holds them whole, else from the files. */
async function buildsUnder(store: ProfileStore, paths: readonly string[], options: LoadBuildsOptions): Promise<LoadedBuilds> {
  if (store.count() === 0) throw noRuns(store);
  const found = await findRunDirectories(paths);
  // Stored paths are as given to `store add`: compared resolved against this working directory.
  const storedByPath = new Map(store.runDirectories().map((directory) => [resolve(directory.path), directory]));
  const wanted = found.directories.flatMap((directory) => storedByPath.get(resolve(directory.path))?.runIds ?? []);
  const nodeOf = new Map(store.list({ ids: wanted }).map((entry) => [entry.id, entry.node]));
  const directories: LookedUpDirectory[] = found.directories.map((directory) => ({ ...directory, runIds: storedRunIds(directory, storedByPath.get(resolve(directory.path)), nodeOf) }));

  const missing = directories.filter((directory) => directory.runIds === null);
  const fromFiles = new Set(missing.map((directory) => buildIdentity(directory.meta)));
  const warnings = [...found.warnings];
  if (missing.length > 0) {
    const builds = `${fromFiles.size} build${fromFiles.size === 1 ? '' : 's'}`;
    warnings.push(`${missing.length} of ${directories.length} run directories ${missing.length === 1 ? 'is' : 'are'} not (wholly) in ${store.path} (first: ${missing[0]!.path}); ${builds} read from the profiles (\`ghcprof store add\` them to skip that)`);
  }
  const total = directories.filter((directory) => fromFiles.has(buildIdentity(directory.meta))).reduce((count, directory) => count + directory.inputs.length, 0);
  const readFiles = fileBuildReader(total, options.onProgress);
  const assembled = await assembleBuilds(directories, options.order, (members, build) =>
    // Every member of a build not in fromFiles has its runIds.
    fromFiles.has(build.identity) ? readFiles(members, build) : aggregateStoredRuns(store, members.map((member) => ({ runIds: member.runIds! }))),
  );
  options.onProgress?.(total, total, '');
  return { builds: assembled.builds, warnings: [...warnings, ...assembled.warnings] };
}

/** The builds of `timeline --store`: every stored build, those named, or those of the run directories under `paths`. */
export async function loadStoredBuilds(store: ProfileStore, options: LoadStoredBuildsOptions): Promise<LoadedBuilds> {
  const { paths, builds, ...rest } = options;
  if (paths !== undefined && paths.length > 0) return buildsUnder(store, paths, rest);
  return storedBuilds(store, builds === undefined ? {} : { builds }, rest);
}
