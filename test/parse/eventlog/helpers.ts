// Shared by the eventlog tests: read samples as bytes, render them, split them into chunks.
import { readFileSync } from 'node:fs';
import type { InputWarning } from '../../../src/model/diagnostic.js';
import { decodeEventlog, type ByteChunks, type EventlogPart } from '../../../src/parse/eventlog/decode-eventlog.js';
import type { EventlogEvent } from '../../../src/parse/eventlog/event-info.js';
import { decodeEventlogInTimeOrder } from '../../../src/parse/eventlog/time-order.js';
import { renderEventsText } from '../../../src/render/events-text.js';

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

/** The `ghc-events show` text of a log given as chunks (events sorted by time). */
export async function renderShow(chunks: ByteChunks, source = 'test.eventlog'): Promise<Rendered> {
  const warnings: InputWarning[] = [];
  let text = '';
  for await (const piece of renderEventsText(decodeEventlogInTimeOrder(chunks, source), { onWarning: (w) => warnings.push(w) })) {
    text += piece;
  }
  return { text, warnings };
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
