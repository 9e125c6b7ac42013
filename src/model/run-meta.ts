// What a profnix run directory says about its build: the workbench's `meta.json` beside the
// node folders (docs/formats.md §6), read by formats/profnix-meta.
export interface ManifestEntry {
  name: string;
  version: string | null;
  commit: string | null;
  branch?: string | null;
  status?: string | null;
}

export interface RunMeta {
  tag: string | null;
  batch: string | null;
  profile: string | null;
  ghcVersion: string | null;
  manifest: Record<string, ManifestEntry>;
}

/** A profnix run directory (`run/<tag>`) and its meta.json. */
export interface RunDirectoryInfo {
  path: string;
  meta: RunMeta;
}

/** The build identity: the manifest's components and commits, so runs of one build pool together. */
export function buildIdentity(meta: RunMeta): string {
  return Object.keys(meta.manifest)
    .sort()
    .map((key) => `${key}@${meta.manifest[key]!.version ?? ''}#${meta.manifest[key]!.commit ?? ''}`)
    .join(' ');
}
