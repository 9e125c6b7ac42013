// The fuzzer's starting points: real files of every format GHC writes, ours from samples/ and
// other projects' from ../shared/samples (read there, never copied into the project). Each is
// cut to a size limit (at a line end for text): the fuzzer tests robustness, not speed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a seed is, which decides the parsers and commands it is fed to. */
export type SeedKind = 'prof-text' | 'prof-json' | 'hp' | 'eventlog' | 'rts-stats' | 'run-meta' | 'run-summary';

export interface Seed {
  /** Path relative to the project (shared samples as `../shared/samples/...`). */
  name: string;
  kind: SeedKind;
  bytes: Uint8Array;
  /** Whether the file was cut to the size limit (then its end is not the file's end). */
  cut: boolean;
}

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** As test/support/samples.ts: GHCPROF_SHARED_SAMPLES overrides ../shared/samples. */
const sharedRoot = resolve(projectRoot, process.env.GHCPROF_SHARED_SAMPLES ?? join('..', 'shared', 'samples'));

const PROFNIX_RUN = 'samples/profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof';

/** Our own samples: one or two of each kind GHC wrote (the other runs are the same shapes). */
const OWN_SEEDS: ReadonlyArray<[string, SeedKind]> = [
  ['samples/interp/a/run-1.prof', 'prof-text'],
  ['samples/interp/a/detailed-P.prof', 'prof-text'],
  ['samples/ledger/run-1.prof', 'prof-text'],
  ['samples/ledger/all-pa.prof', 'prof-text'],
  [`${PROFNIX_RUN}/node-0/cardano-node.prof`, 'prof-text'],
  ['samples/interp/a/run-1.json.prof', 'prof-json'],
  ['samples/interp/b/run-1.json.prof', 'prof-json'],
  ['samples/interp/a/heap.hp', 'hp'],
  ['samples/ledger/by-closure-hd.hp', 'hp'],
  ['samples/ledger/by-type-hy.hp', 'hp'],
  ['samples/interp/a/time.eventlog', 'eventlog'],
  ['samples/interp/a/heap.eventlog', 'eventlog'],
  ['samples/interp/a/corrupt-p-hc.eventlog', 'eventlog'],
  ['samples/ledger/by-type-hy.eventlog', 'eventlog'],
  ['samples/workers/n2.eventlog', 'eventlog'],
  [`${PROFNIX_RUN}/node-0/cardano-node.stats`, 'rts-stats'],
  [`${PROFNIX_RUN}/meta.json`, 'run-meta'],
];

/** The profnix run directory whose node-0 the CLI's `.stats` and `meta.json` cases rebuild. */
export const PROFNIX_RUN_DIRECTORY = join(projectRoot, PROFNIX_RUN);

/** Other projects' folders and what their files are. */
const SHARED_SEEDS: ReadonlyArray<[string, string, SeedKind]> = [
  ['real', '.prof', 'prof-text'],
  ['ghc-events', '.eventlog', 'eventlog'],
];

const isText = (kind: SeedKind): boolean => kind !== 'eventlog';

/** The first `limit` bytes, ending at a line end for text. */
function cutTo(bytes: Uint8Array, limit: number, kind: SeedKind): { bytes: Uint8Array; cut: boolean } {
  if (bytes.length <= limit) return { bytes, cut: false };
  let end = limit;
  if (isText(kind)) end = bytes.lastIndexOf(0x0a, limit - 1) + 1 || limit;
  return { bytes: bytes.slice(0, end), cut: true };
}

export interface LoadedSeeds {
  seeds: Seed[];
  /** One line per folder of shared samples that is absent. */
  skipped: string[];
}

/**
 * Every seed, each at most `maxSeedBytes` long. `extra` adds seeds made at run time (a run
 * summary written by the CLI).
 */
export function loadSeeds(maxSeedBytes: number, extra: readonly Seed[] = []): LoadedSeeds {
  const seeds: Seed[] = [];
  const skipped: string[] = [];
  const add = (path: string, kind: SeedKind): void => {
    seeds.push({ name: relative(projectRoot, path), kind, ...cutTo(new Uint8Array(readFileSync(path)), maxSeedBytes, kind) });
  };
  for (const [path, kind] of OWN_SEEDS) add(join(projectRoot, path), kind);
  for (const [folder, ending, kind] of SHARED_SEEDS) {
    const directory = join(sharedRoot, folder);
    if (!existsSync(directory)) {
      skipped.push(`shared samples not found at ${directory}: fuzzing without its ${ending} files`);
      continue;
    }
    for (const name of readdirSync(directory).filter((file) => file.endsWith(ending)).sort()) add(join(directory, name), kind);
  }
  for (const seed of extra) seeds.push({ ...seed, ...cutTo(seed.bytes, maxSeedBytes, seed.kind) });
  return { seeds, skipped };
}
