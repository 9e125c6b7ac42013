// What changed between the builds' manifests (profnix meta.json): components whose version
// or commit differ, and components present on one side only.
import type { ManifestEntry, RunMeta } from '../model/run-meta.js';

export interface ManifestChange {
  component: string;
  base: ManifestEntry | null;
  next: ManifestEntry | null;
}

export function manifestDiff(base: RunMeta, next: RunMeta): ManifestChange[] {
  const changes: ManifestChange[] = [];
  const names = [...new Set([...Object.keys(base.manifest), ...Object.keys(next.manifest)])].sort();
  for (const name of names) {
    const before = base.manifest[name] ?? null;
    const after = next.manifest[name] ?? null;
    if (before === null || after === null || before.version !== after.version || before.commit !== after.commit) {
      changes.push({ component: name, base: before, next: after });
    }
  }
  return changes;
}
