// Builds of a timeline, from run directories: runs whose manifests agree are one build
// (whatever their tags: two run directories of one build usually have different tags), and
// builds are ordered by the earliest `timing.start` of their runs, or kept in the order they
// were given. Pure: src/runs/builds.ts feeds it run directories read from files; a store of
// run summaries can feed it the same facts.
import { buildIdentity, type ManifestEntry, type RunMeta } from '../../model/run-meta.js';

/** The manifest component whose commit names a build (the node itself). */
export const NODE_COMPONENT = 'cardano-node';

/** What a timeline knows about one build. */
export interface BuildInfo {
  /** Display name: the node commit's first 7 characters, else the tag; made unique with `~2`, `~3`, ... */
  name: string;
  /** The node component's full commit, or null. */
  commit: string | null;
  /** Tag of the build's first run directory (the tags of the others may differ). */
  tag: string | null;
  /** Tags (or paths, without a tag) of the run directories pooled, in order. */
  runDirectories: string[];
  /** Profiles pooled: nodes × run directories. */
  runs: number;
  manifest: Record<string, ManifestEntry>;
  /** The earliest `timing.start` of its run directories, as written; null when none says. */
  start: string | null;
  /** buildIdentity of the manifest: what the runs were pooled by. */
  identity: string;
}

/** One run directory as grouping needs it. */
export interface RunDirectoryFacts {
  path: string;
  meta: RunMeta;
  /** `timing.start` as written in meta.json, or null. */
  start: string | null;
}

export type BuildOrder = 'start' | 'given';

export interface GroupedBuild<T extends RunDirectoryFacts> {
  /** `runs` is 0 here: the caller knows how many profiles each run directory held. */
  info: BuildInfo;
  members: T[];
}

/**
 * A `timing.start` as milliseconds for ordering: the workbench's `2026-11-30-10-00`
 * (date and time joined by dashes, seconds optional), ISO 8601, or epoch seconds. Times
 * without a zone are taken as UTC: only their order matters. Null when unreadable.
 */
export function startTimeMs(start: string | null): number | null {
  if (start === null) return null;
  const text = start.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const workbench = /^(\d{4})-(\d{2})-(\d{2})(?:[-T_ ](\d{2})[-:](\d{2})(?:[-:](\d{2})(?:\.\d+)?)?)?$/.exec(text);
  if (workbench) {
    const [, y, mo, d, h, mi, s] = workbench;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/** The node commit's first 7 characters, else the tag, else the manifest identity's start. */
export function buildDisplayName(manifest: Record<string, ManifestEntry>, tag: string | null): string {
  const commit = manifest[NODE_COMPONENT]?.commit ?? null;
  if (commit !== null && commit !== '') return commit.slice(0, 7);
  return tag ?? 'build';
}

/**
 * Groups run directories into builds by manifest and orders them. Directories keep their
 * given order inside a build; with `start` order, builds without a readable start go last
 * in the order given (the caller may warn).
 */
export function groupRunDirectories<T extends RunDirectoryFacts>(directories: readonly T[], order: BuildOrder): GroupedBuild<T>[] {
  const byIdentity = new Map<string, T[]>();
  for (const directory of directories) {
    const identity = buildIdentity(directory.meta);
    const members = byIdentity.get(identity);
    if (members === undefined) byIdentity.set(identity, [directory]);
    else members.push(directory);
  }
  const groups = [...byIdentity].map(([identity, members], given) => {
    const first = members[0]!;
    let start: string | null = null;
    let startMs: number | null = null;
    for (const member of members) {
      const ms = startTimeMs(member.start);
      if (ms !== null && (startMs === null || ms < startMs)) [start, startMs] = [member.start, ms];
    }
    if (start === null) start = members.find((member) => member.start !== null)?.start ?? null;
    const info: BuildInfo = {
      name: buildDisplayName(first.meta.manifest, first.meta.tag),
      commit: first.meta.manifest[NODE_COMPONENT]?.commit ?? null,
      tag: first.meta.tag,
      runDirectories: members.map((member) => member.meta.tag ?? member.path),
      runs: 0,
      manifest: first.meta.manifest,
      start,
      identity,
    };
    return { info, members, given, startMs };
  });
  if (order === 'start') {
    groups.sort((a, b) => {
      if (a.startMs === null || b.startMs === null) return Number(a.startMs === null) - Number(b.startMs === null) || a.given - b.given;
      return a.startMs - b.startMs || a.given - b.given;
    });
  }
  uniqueNames(groups.map((group) => group.info));
  return groups.map(({ info, members }) => ({ info, members }));
}

/** Two builds of one node commit (a dependency bumped alone) get `~2`, `~3`, ... in build order. */
function uniqueNames(builds: readonly BuildInfo[]): void {
  const seen = new Map<string, number>();
  for (const build of builds) {
    const count = (seen.get(build.name) ?? 0) + 1;
    seen.set(build.name, count);
    if (count > 1) build.name = `${build.name}~${count}`;
  }
}
