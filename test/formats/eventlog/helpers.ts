// Shared by the eventlog tests: read samples as bytes, render them, split them into chunks.
export { decodeAll, renderShow, type Decoded, type Rendered, type ShowOptions } from '../../support/eventlog/read.js';
export { readSample as sampleText, sampleBytes } from '../../support/samples.js';

/** The event lines of a printed log (after "Events:", without the blank lines after block markers and at the end). */
export function eventLinesOf(text: string): string[] {
  const lines = text.split('\n');
  return lines.slice(lines.indexOf('Events:') + 1).filter((line) => line.length > 0);
}

/** `bytes` cut into pieces at the given offsets. */
export function splitAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const offset of [...offsets, bytes.length]) {
    pieces.push(bytes.slice(from, offset));
    from = offset;
  }
  return pieces;
}

/** First line where two texts differ, for readable failures on large outputs. */
export function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  const a = actual.split('\n');
  const b = expected.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  return `line ${line + 1}: got ${JSON.stringify(a[line])}, expected ${JSON.stringify(b[line])}`;
}
