// Reads any time/allocation profile into a Profile, choosing the reader by content; every
// reader's result has the RTS's system cost centres taken out of its tree (separate-system-costs.ts).
import { InputError } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';
import { detectInputKind } from './detect.js';
import { readEventlogTimeProfile, type SampleWindow } from './eventlog-time-profile.js';
import { peekChunks } from './peek.js';
import { readProfJson } from './prof-json.js';
import { readProfText } from './prof-text.js';
import { separateSystemCosts } from './separate-system-costs.js';

const SNIFF_BYTES = 512;

export interface ReadProfileOptions {
  /** For eventlogs: keep only samples between user markers (prefix match). */
  window?: SampleWindow;
}

/** The profile with its system costs in `profile.system` and its tree holding program costs only. */
export async function readProfile(chunks: AsyncIterable<Uint8Array>, source: string, options: ReadProfileOptions = {}): Promise<Profile> {
  return separateSystemCosts(await readAnyProfile(chunks, source, options));
}

async function readAnyProfile(chunks: AsyncIterable<Uint8Array>, source: string, options: ReadProfileOptions): Promise<Profile> {
  const { head, chunks: all } = await peekChunks(chunks, SNIFF_BYTES);
  if (head.length === 0) throw new InputError({ source, byteOffset: 0 }, 'empty input; expected a GHC profile');
  const kind = detectInputKind(head);
  const windowed = options.window?.fromMarker !== undefined || options.window?.toMarker !== undefined;
  if (windowed && kind !== 'eventlog') {
    throw new InputError({ source }, '--from/--to select samples between eventlog markers; this input is not an eventlog');
  }
  switch (kind) {
    case 'prof-text':
      return readProfText(all, source);
    case 'prof-json':
      return readProfJson(all, source);
    case 'heap-profile':
      throw new InputError({ source, line: 1 }, 'this is a heap profile (.hp), not a time profile; use `ghcprof heap`');
    case 'eventlog':
      return readEventlogTimeProfile(all, source, options.window);
    case 'unknown':
      throw new InputError(
        { source, line: 1 },
        'not a GHC profile: expected a time and allocation report (+RTS -p/-P/-pa), a JSON profile (-pj) or an eventlog',
      );
  }
}
