// Feeds decoded text to a line-oriented reader in pieces that end at a line break, so a
// reader never sees half a line and the file is never one string.
//
// Pieces are cut at the last newline byte of each chunk before decoding (0x0A never occurs
// inside a UTF-8 multi-byte sequence), so each piece decodes to a flat string of its own:
// slicing a decoded megabyte string instead leaves a "sliced string" that V8 reads about
// 40% slower in the per-character row scanner.

import type { TextChunks } from './byte-chunks.js';

const NEWLINE = 0x0a;

/**
 * Calls `consume` with runs of complete lines (each ending in `\n`) and returns the text
 * after the last line break: empty for a well-formed file, else the start of a line the
 * input ended in the middle of.
 */
export async function forEachLineRun(chunks: TextChunks, consume: (lines: string) => void): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  return forEachLineRunOfBytes(chunks, (lines) => consume(decoder.decode(lines)));
}

/**
 * `forEachLineRun` for readers that scan bytes themselves: `consume` gets the runs of complete
 * lines undecoded (a view, valid during the call only).
 */
export async function forEachLineRunOfBytes(chunks: TextChunks, consume: (lines: Uint8Array) => void): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  // Bytes after the last newline so far: the start of a line whose end is in a later chunk.
  // Kept as a list and joined once the line ends, so a very long line costs linear time.
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  const joinCarry = (tail: Uint8Array): Uint8Array => {
    const joined = new Uint8Array(carryBytes + tail.length);
    let offset = 0;
    for (const piece of carry) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    joined.set(tail, offset);
    carry = [];
    carryBytes = 0;
    return joined;
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const firstNewline = bytes.indexOf(NEWLINE);
    if (firstNewline < 0) {
      carry.push(bytes);
      carryBytes += bytes.length;
      continue;
    }
    let from = 0;
    if (carry.length > 0) {
      // The straddling line on its own, so the rest of the chunk decodes where it lies.
      consume(joinCarry(bytes.subarray(0, firstNewline + 1)));
      from = firstNewline + 1;
    }
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    if (lastNewline >= from) consume(bytes.subarray(from, lastNewline + 1));
    // A copy, so the megabyte chunk behind a short tail can be freed.
    if (lastNewline + 1 < bytes.length) {
      carry.push(bytes.slice(lastNewline + 1));
      carryBytes += bytes.length - lastNewline - 1;
    }
  }
  return carryBytes === 0 ? '' : decoder.decode(joinCarry(new Uint8Array(0)));
}
