// Reader for GHC's text time/allocation report (`+RTS -p`, `-P`, `-pa`), streaming:
// input is consumed in chunks of whole lines, so the file is never one string. The grammar
// (grammar/prof-text) says which line may come where; the builder makes the Profile.
import { ProfTextReader } from '../../../grammar/prof-text/parser.js';
import type { Profile } from '../../model/profile.js';
import { forEachLineRunOfBytes } from '../common/line-chunks.js';
import { ProfTextBuilder, type StackKeeping } from './prof-text-builder.js';
import { withLineErrors } from '../common/unexpected-line.js';
import type { TextChunks } from '../common/byte-chunks.js';
import { textHead } from '../common/sniff.js';

/** Whether an input's first bytes look like a text report: its title line. */
export function looksLikeProfText(head: Uint8Array): boolean {
  return /^\t?[^\n]*Time and Allocation Profiling Report/.test(textHead(head));
}

/** Reads a text report from chunks of bytes or strings. */
export function readProfText(chunks: TextChunks, source: string, keeping: StackKeeping = 'every-row'): Promise<Profile> {
  return withLineErrors(source, async () => {
    const builder = new ProfTextBuilder(source, keeping);
    const reader = new ProfTextReader(builder);
    const dangling = await forEachLineRunOfBytes(chunks, (lines) => reader.read(lines));
    reader.end();
    return builder.finish(dangling, reader.linesRead);
  });
}

/** Reads a text report held in one string (tests, browsers). */
export function parseProfText(text: string, source: string): Promise<Profile> {
  return readProfText([text], source);
}
