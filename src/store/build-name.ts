// A build's display name, what `--build NAME` selects: the cardano-node commit's first 7
// characters, else the run directory's tag (its folder name when meta.json has no tag).
// Runs outside a run directory have no build name.
import { basename } from 'node:path';
import type { RunMeta } from '../model/run-meta.js';

export function buildDisplayName(runDirectory: { path: string; meta: RunMeta } | null): string | null {
  if (runDirectory === null) return null;
  const commit = runDirectory.meta.manifest['cardano-node']?.commit ?? null;
  if (commit !== null && commit !== '') return commit.slice(0, 7);
  return runDirectory.meta.tag ?? (basename(runDirectory.path) || null);
}
