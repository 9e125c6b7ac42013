// The format registry: every input ghcprof reads, in the order it is tried (as pprof tries
// its parsers). The first entry whose `sniff` accepts an input's first bytes reads it, by
// content and never by file name (`-p` and `-pj` both write `<prog>.prof`; docs/formats.md
// §1.1). readProfile, readHeapSeries and detectInputKind are derived from this list.
import type { HeapSeries } from '../model/heap-series.js';
import type { Profile } from '../model/profile.js';
import type { ByteChunks } from './common/byte-chunks.js';
import { readEventlogHeapSeries, readEventlogTimeProfile, startsWithEventlogMagic, type SampleWindow } from './eventlog/index.js';
import { looksLikeHeapProfile, readHeapProfile } from './hp/hp.js';
import { looksLikeProfJson, readProfJson } from './prof-json/prof-json.js';
import { looksLikeProfText, readProfText } from './prof-text/prof-text.js';
import type { StackKeeping } from './prof-text/prof-text-builder.js';

export type InputKind = 'prof-text' | 'prof-json' | 'eventlog' | 'heap-profile' | 'unknown';

export interface ReadProfileOptions {
  /** For eventlogs: keep only samples between user markers (prefix match). */
  window?: SampleWindow;
  /**
   * For text reports: `merged` keeps one node per distinct stack rather than one per row, for
   * commands that only add costs up (memory then follows the distinct stacks; sums are the same).
   * Default `every-row`: the tree as written.
   */
  stacks?: StackKeeping;
}

export interface InputFormat {
  kind: Exclude<InputKind, 'unknown'>;
  /** Whether the input's first bytes (up to SNIFF_BYTES of them) are this format. */
  sniff(head: Uint8Array): boolean;
  /** Reads a time/allocation profile; absent where the format holds none. */
  readProfile?(chunks: ByteChunks, source: string, options: ReadProfileOptions): Promise<Profile>;
  /** Why the input is no time profile, where `readProfile` is absent. */
  notATimeProfile?: string;
  /** Whether `options.window` (samples between markers) applies. */
  markerWindow?: boolean;
  /** Reads heap usage over time; absent where the format holds none. */
  readHeapSeries?(chunks: ByteChunks, source: string): Promise<HeapSeries>;
}

const INPUT_FORMATS: readonly InputFormat[] = [
  {
    kind: 'eventlog',
    sniff: startsWithEventlogMagic,
    readProfile: (chunks, source, options) => readEventlogTimeProfile(chunks, source, options.window),
    markerWindow: true,
    readHeapSeries: readEventlogHeapSeries,
  },
  { kind: 'prof-json', sniff: looksLikeProfJson, readProfile: (chunks, source) => readProfJson(chunks, source) },
  {
    kind: 'heap-profile',
    sniff: looksLikeHeapProfile,
    notATimeProfile: 'this is a heap profile (.hp), not a time profile; use `ghcprof heap`',
    readHeapSeries: readHeapProfile,
  },
  { kind: 'prof-text', sniff: looksLikeProfText, readProfile: (chunks, source, options) => readProfText(chunks, source, options.stacks) },
];

/** The first format that accepts these first bytes; undefined when none does. */
export function formatOf(head: Uint8Array): InputFormat | undefined {
  return INPUT_FORMATS.find((format) => format.sniff(head));
}
