// Reads any time/allocation profile into a Profile, choosing the reader by content (the
// registry, index.ts); every reader's result has the RTS's system cost centres taken out of
// its tree (common/separate-system-costs.ts).
import { InputError } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';
import type { ByteChunks } from './common/byte-chunks.js';
import { inexactIntegersWarning } from './common/inexact-integers.js';
import { peekChunks } from './common/peek.js';
import { separateSystemCosts } from './common/separate-system-costs.js';
import { SNIFF_BYTES } from './common/sniff.js';
import { formatOf, type ReadProfileOptions } from './index.js';

export type { ReadProfileOptions } from './index.js';

/** The profile with its system costs in `profile.system` and its tree holding program costs only. */
export async function readProfile(chunks: ByteChunks, source: string, options: ReadProfileOptions = {}): Promise<Profile> {
  const profile = separateSystemCosts(await readAnyProfile(chunks, source, options));
  const inexact = inexactIntegersWarning(profile, source);
  if (inexact !== null) profile.warnings.push(inexact);
  return profile;
}

async function readAnyProfile(chunks: ByteChunks, source: string, options: ReadProfileOptions): Promise<Profile> {
  const { head, chunks: all } = await peekChunks(chunks, SNIFF_BYTES);
  if (head.length === 0) throw new InputError({ source, byteOffset: 0 }, 'empty input; expected a GHC profile');
  const format = formatOf(head);
  const windowed = options.window?.fromMarker !== undefined || options.window?.toMarker !== undefined;
  if (windowed && format?.markerWindow !== true) {
    throw new InputError({ source }, '--from/--to select samples between eventlog markers; this input is not an eventlog');
  }
  if (format?.readProfile !== undefined) return format.readProfile(all, source, options);
  throw new InputError(
    { source, line: 1 },
    format?.notATimeProfile ?? 'not a GHC profile: expected a time and allocation report (+RTS -p/-P/-pa), a JSON profile (-pj) or an eventlog',
  );
}
