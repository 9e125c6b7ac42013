// Reads heap usage over time from a `.hp` file or an eventlog, chosen by content.
import { InputError } from '../model/diagnostic.js';
import type { HeapSeries } from '../model/heap-series.js';
import { detectInputKind } from './detect.js';
import { readEventlogHeapSeries } from './eventlog-heap-series.js';
import { readHeapProfile } from './hp.js';
import { peekChunks } from './peek.js';

export async function readHeapSeries(chunks: AsyncIterable<Uint8Array>, source: string): Promise<HeapSeries> {
  const { head, chunks: all } = await peekChunks(chunks, 512);
  if (head.length === 0) throw new InputError({ source, byteOffset: 0 }, 'empty input; expected a heap profile (.hp) or an eventlog');
  switch (detectInputKind(head)) {
    case 'heap-profile':
      return readHeapProfile(all, source);
    case 'eventlog':
      return readEventlogHeapSeries(all, source);
    default:
      throw new InputError({ source, line: 1 }, 'expected a heap profile (.hp, +RTS -h*) or an eventlog with heap samples');
  }
}
