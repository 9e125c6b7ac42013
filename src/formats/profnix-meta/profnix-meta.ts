// The workbench's `meta.json` beside a profnix run's node folders (docs/formats.md §6.2):
// `.meta.{tag, batch, profile, node_ghc_version, manifest}`, the manifest keyed by package.
import { InputError } from '../../model/diagnostic.js';
import { lineOfJsonPath, parseJsonInput } from '../../model/json-input.js';
import type { ManifestEntry, RunMeta } from '../../model/run-meta.js';

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function parseRunMeta(json: string, source: string): RunMeta {
  const parsed = parseJsonInput(json, source);
  const meta = (parsed as { meta?: Record<string, unknown> } | null)?.meta;
  if (meta === undefined || meta === null || typeof meta !== 'object') throw new InputError({ source, line: lineOfJsonPath(json, 'meta') }, 'expected an object with a "meta" member');
  const manifest: Record<string, ManifestEntry> = {};
  const rawManifest = meta['manifest'];
  if (rawManifest !== null && typeof rawManifest === 'object') {
    for (const [key, value] of Object.entries(rawManifest as Record<string, Record<string, unknown>>)) {
      manifest[key] = {
        name: text(value?.['name']) ?? key,
        version: text(value?.['version']),
        commit: text(value?.['commit']),
        branch: text(value?.['branch']),
        status: text(value?.['status']),
      };
    }
  }
  return {
    tag: text(meta['tag']),
    batch: text(meta['batch']),
    profile: text(meta['profile']),
    ghcVersion: text(meta['node_ghc_version']),
    manifest,
  };
}
