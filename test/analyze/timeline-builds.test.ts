// Grouping run directories into the builds of a timeline, on hand-made metas: pooled by
// manifest whatever their tags, ordered by the earliest timing.start (or as given), named by
// the node commit.
import { describe, expect, it } from 'vitest';
import { buildDisplayName, groupRunDirectories, startTimeMs, type RunDirectoryFacts } from '../../src/analyze/timeline/builds.js';
import { suspectsBetween } from '../../src/analyze/timeline.js';
import type { ManifestEntry, RunMeta } from '../../src/model/run-meta.js';

function entry(name: string, version: string | null, commit: string | null): ManifestEntry {
  return { name, version, commit };
}

function directory(tag: string, start: string | null, manifest: Record<string, ManifestEntry>): RunDirectoryFacts {
  const meta: RunMeta = { tag, batch: null, profile: null, ghcVersion: null, manifest };
  return { path: `run/${tag}`, meta, start };
}

const nodeA = { 'cardano-node': entry('cardano-node', '8.0.0', 'aaaaaaa1111'), 'plutus-core': entry('plutus-core', '1.1.1.0', null) };
const nodeB = { 'cardano-node': entry('cardano-node', '8.0.0', 'bbbbbbb2222'), 'plutus-core': entry('plutus-core', '1.2.0.0', null) };

describe('groupRunDirectories', () => {
  it('pools directories whose manifests agree, whatever their tags, and orders builds by their earliest start', () => {
    const groups = groupRunDirectories(
      [directory('late-b', '2026-11-30-10-09', nodeB), directory('a-2', '2026-11-30-10-05', nodeA), directory('early-b', '2026-11-30-10-07', nodeB), directory('a-1', '2026-11-30-10-01', nodeA)],
      'start',
    );
    expect(groups.map((group) => group.info.name)).toEqual(['aaaaaaa', 'bbbbbbb']);
    expect(groups.map((group) => group.members.map((member) => member.meta.tag))).toEqual([
      ['a-2', 'a-1'],
      ['late-b', 'early-b'],
    ]);
    expect(groups.map((group) => group.info.start)).toEqual(['2026-11-30-10-01', '2026-11-30-10-07']);
    expect(groups[0]!.info).toMatchObject({ commit: 'aaaaaaa1111', tag: 'a-2', runDirectories: ['a-2', 'a-1'] });
  });

  it('keeps the order of first appearance with "given", and puts builds without a start last with "start"', () => {
    const dirs = [directory('b', '2026-11-30-10-09', nodeB), directory('a', null, nodeA)];
    expect(groupRunDirectories(dirs, 'given').map((group) => group.info.tag)).toEqual(['b', 'a']);
    expect(groupRunDirectories([directory('a', null, nodeA), directory('b', '2026-11-30-10-09', nodeB)], 'start').map((group) => group.info.tag)).toEqual(['b', 'a']);
  });

  it('names a build by its tag without a node commit, and keeps names unique', () => {
    expect(buildDisplayName({ 'plutus-core': entry('plutus-core', '1.0', null) }, 'my-tag')).toBe('my-tag');
    // Same node commit, a dependency bumped alone: two builds, one name each.
    const bumped = { ...nodeA, 'plutus-core': entry('plutus-core', '9.9', null) };
    const groups = groupRunDirectories([directory('x', '2026-01-01-00-00', nodeA), directory('y', '2026-01-01-00-01', bumped)], 'start');
    expect(groups.map((group) => group.info.name)).toEqual(['aaaaaaa', 'aaaaaaa~2']);
  });
});

describe('startTimeMs', () => {
  it('reads the workbench form, ISO 8601 and epoch seconds, in order', () => {
    const times = ['2026-11-30-10-00', '2026-11-30T10:00:30Z', '2026-11-30-10-01', String(Date.UTC(2026, 10, 30, 10, 2) / 1000)].map(startTimeMs);
    expect(times.every((time) => time !== null)).toBe(true);
    expect([...times].sort((a, b) => a! - b!)).toEqual(times);
    expect(startTimeMs('2026-11-30-10-00')).toBe(Date.UTC(2026, 10, 30, 10, 0));
    expect(startTimeMs('soon')).toBeNull();
    expect(startTimeMs(null)).toBeNull();
  });
});

describe('suspectsBetween', () => {
  it('lists the components whose version or commit changed, the node last', () => {
    const after = { ...nodeB, 'ouroboros-network': entry('ouroboros-network', '0.6.0.0', 'c1') };
    expect(suspectsBetween(nodeA, after)).toEqual([
      { component: 'ouroboros-network', from: null, to: '0.6.0.0', change: 'added' },
      { component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0', change: 'version' },
      { component: 'cardano-node', from: 'aaaaaaa1111', to: 'bbbbbbb2222', change: 'commit' },
    ]);
    expect(suspectsBetween(nodeA, nodeA)).toEqual([]);
  });
});
