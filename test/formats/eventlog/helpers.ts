// Shared by the eventlog tests: read samples as bytes, render them, split them into chunks.
import { readFileSync } from 'node:fs';
import type { InputWarning } from '../../../src/model/diagnostic.js';
import type { ByteChunks } from '../../../src/formats/common/byte-chunks.js';
import { decodeEventlog, type EventlogPart } from '../../../src/formats/eventlog/decode-eventlog.js';
import type { EventlogEvent } from '../../../src/formats/eventlog/event-info.js';
import { readEventlogEvents, type EventOrder } from '../../../src/formats/eventlog/read-events.js';
import { ChunkPool, renderEventsText } from '../../../src/render/events-text.js';

export function sampleBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../samples/${relativePath}`, import.meta.url)));
}

export function sampleText(relativePath: string): string {
  return readFileSync(new URL(`../../../samples/${relativePath}`, import.meta.url), 'utf8');
}

export interface Rendered {
  text: string;
  warnings: InputWarning[];
}

export interface ShowOptions {
  /** Time order (the default) is `ghc-events show`'s. */
  order?: EventOrder;
  /** Hand the chunks over to the reader (it may keep them uncopied). */
  keepChunks?: boolean;
  /** Size of the printer's output chunks; each is copied, then given back to be printed into again. */
  chunkBytes?: number;
}

/** The `ghc-events show` text of a log given as chunks (events sorted by time). */
export async function renderShow(chunks: ByteChunks, source = 'test.eventlog', options: ShowOptions = {}): Promise<Rendered> {
  const warnings: InputWarning[] = [];
  const pieces: Buffer[] = [];
  const pool = new ChunkPool();
  const parts = readEventlogEvents(chunks, source, options.order ?? 'time', { keepChunks: options.keepChunks ?? false });
  for await (const piece of renderEventsText(parts, { onWarning: (w) => warnings.push(w), chunkBytes: options.chunkBytes, pool })) {
    pieces.push(Buffer.from(piece));
    pool.release(piece);
  }
  return { text: Buffer.concat(pieces).toString('utf8'), warnings };
}

export interface Decoded {
  events: EventlogEvent[];
  warnings: InputWarning[];
  headerSeen: boolean;
}

/** Every event in file order, with the warnings. */
export async function decodeAll(chunks: ByteChunks, source = 'test.eventlog'): Promise<Decoded> {
  const decoded: Decoded = { events: [], warnings: [], headerSeen: false };
  for await (const part of decodeEventlog(chunks, source) as AsyncGenerator<EventlogPart>) {
    if (part.kind === 'header') decoded.headerSeen = true;
    else if (part.kind === 'events') decoded.events.push(...part.events);
    else decoded.warnings.push(part.warning);
  }
  return decoded;
}

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
