// ghcprof in Node (the `exports` map's "node" condition): everything of the neutral entry
// (./index.ts), with readers that also take a path or a file: URL, and gzip inflated by zlib;
// and runs of one build found on disk as `ghcprof aggregate` and `compare` find them.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import {
  readHeapSeries as readHeapSeriesAnywhere,
  readProfile as readProfileAnywhere,
  runRecordOf,
  summariseEventlog as summariseEventlogAnywhere,
  type ByteInput,
  type Gunzip,
  type ReadOptions,
  type ReadProfileOptions,
} from './index.js';
import { RunAggregator } from './analyze/aggregate.js';
import { formatWarning, type InputWarning } from './model/diagnostic.js';
import type { EventlogSummary } from './analyze/eventlog-summary.js';
import type { HeapSeries } from './model/heap-series.js';
import type { Profile } from './model/profile.js';
import { buildIdentity, type RunDirectoryInfo } from './model/run-meta.js';
import { collectRuns } from './runs/collect-runs.js';
import { openInput } from './runs/input.js';
import { numericStats } from './runs/numeric-stats.js';

// Everything else is the neutral entry's; the names declared below take precedence over it.
export * from './index.js';

/** A path (`-` is standard input, as for the CLI), a `file:` URL, or any `ByteInput`. */
export type NodeInput = string | URL | ByteInput;

/** gzip inflated by zlib. */
export const zlibGunzip: Gunzip = async function* (compressed) {
  const source = Readable.from(compressed, { objectMode: false });
  const inflater = createGunzip({ chunkSize: 1 << 20 });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) yield chunk as Uint8Array;
  } finally {
    source.destroy();
  }
};

/** `readProfile` of the neutral entry, taking paths too. */
export function readProfile(input: NodeInput, options: ReadProfileOptions = {}): Promise<Profile> {
  return readNodeInput(input, options, readProfileAnywhere);
}

/** `readHeapSeries` of the neutral entry, taking paths too. */
export function readHeapSeries(input: NodeInput, options: ReadOptions = {}): Promise<HeapSeries> {
  return readNodeInput(input, options, readHeapSeriesAnywhere);
}

/** `summariseEventlog` of the neutral entry, taking paths too. */
export function summariseEventlog(input: NodeInput, options: ReadOptions = {}): Promise<EventlogSummary> {
  return readNodeInput(input, options, summariseEventlogAnywhere, { copiesWhatItKeeps: true });
}

async function readNodeInput<T extends { warnings: InputWarning[] }, O extends ReadOptions>(
  input: NodeInput,
  options: O,
  read: (input: ByteInput, options: O) => Promise<T>,
  { copiesWhatItKeeps = false } = {},
): Promise<T> {
  const gunzip = options.gunzip ?? zlibGunzip;
  if (typeof input !== 'string' && !(input instanceof URL)) return read(input, { ...options, gunzip });
  // The CLI's own opening: its messages for missing files and folders, gzip by zlib.
  const opened = openInput(typeof input === 'string' ? input : fileURLToPath(input));
  // A reader that copies what it keeps of a chunk reads a file into reused buffers (runs/input.ts).
  const chunks = copiesWhatItKeeps ? opened.transientChunks() : opened.chunks();
  const result = await read(chunks, { ...options, source: options.source ?? opened.name, gunzip });
  result.warnings.unshift(...opened.warnings);
  return result;
}

export interface AggregatedRuns {
  aggregator: RunAggregator;
  /** The profnix run directories found (`run/<tag>` with meta.json). */
  runDirectories: RunDirectoryInfo[];
  /** Run directories whose manifests differ: not one build. */
  mixedBuilds: boolean;
  /** Read warnings, and runs left out (eventlogs without time samples), as text. */
  warnings: string[];
}

/**
 * The runs of one build, found and pooled as `ghcprof aggregate PATH...` does: profile files,
 * folders searched for profiles, profnix run directories (`meta.json`, `node-N/` folders,
 * their `.stats` files as run totals). For `summariseRows`, `compareBuilds` and `meanProfile`.
 */
export async function aggregateRuns(paths: readonly string[]): Promise<AggregatedRuns> {
  const collected = await collectRuns(paths);
  const aggregator = new RunAggregator(collected.inputs.length);
  const warnings: string[] = [];
  for (const input of collected.inputs) {
    const profile = await readProfile(input.profilePath, { stacks: 'merged' });
    warnings.push(...profile.warnings.map(formatWarning));
    if (profile.metadata.format === 'eventlog' && (profile.metadata.totalTicks ?? 0) === 0) {
      warnings.push(`${input.profilePath}: no time-profile samples; left out of the aggregate`);
      continue;
    }
    // The CLI's reading of the .stats file: its numbers, its messages for a file that cannot be read.
    const stats = numericStats(input.statsPath);
    aggregator.addRun(profile, runRecordOf(profile, { source: input.profilePath, runDirectory: input.runDirectory, node: input.node, stats }));
  }
  const identities = new Set(collected.runDirectories.map((info) => buildIdentity(info.meta)));
  return { aggregator, runDirectories: collected.runDirectories, mixedBuilds: identities.size > 1, warnings };
}
