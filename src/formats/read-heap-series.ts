// Reads heap usage over time from a `.hp` file or an eventlog, chosen by content (the
// registry, index.ts).
import { InputError } from '../model/diagnostic.js';
import type { HeapSeries } from '../model/heap-series.js';
import type { ByteChunks } from './common/byte-chunks.js';
import { peekChunks } from './common/peek.js';
import { SNIFF_BYTES } from './common/sniff.js';
import { formatOf } from './index.js';

export async function readHeapSeries(chunks: ByteChunks, source: string): Promise<HeapSeries> {
  const { head, chunks: all } = await peekChunks(chunks, SNIFF_BYTES);
  if (head.length === 0) throw new InputError({ source, byteOffset: 0 }, 'empty input; expected a heap profile (.hp) or an eventlog');
  const format = formatOf(head);
  if (format?.readHeapSeries !== undefined) return format.readHeapSeries(all, source);
  throw new InputError({ source, line: 1 }, 'expected a heap profile (.hp, +RTS -h*) or an eventlog with heap samples');
}
