// Reader for GHC's heap profile (`.hp`, `+RTS -h*`), streaming by runs of whole lines. The
// grammar (grammar/hp) says which line may come where; the builder makes the HeapSeries.
import { HeapProfileReader } from '../../../grammar/hp/parser.js';
import type { HeapSeries } from '../../model/heap-series.js';
import { HeapProfileBuilder } from './hp-builder.js';
import { forEachLineRun } from '../common/line-chunks.js';
import { withLineErrors } from '../common/unexpected-line.js';
import type { TextChunks } from '../common/byte-chunks.js';
import { textHead } from '../common/sniff.js';

/** Whether an input's first bytes look like a heap profile: its `JOB "..."` line. */
export function looksLikeHeapProfile(head: Uint8Array): boolean {
  return textHead(head).startsWith('JOB ');
}

export function readHeapProfile(chunks: TextChunks, source: string): Promise<HeapSeries> {
  return withLineErrors(source, async () => {
    const builder = new HeapProfileBuilder(source);
    const reader = new HeapProfileReader(builder);
    const dangling = await forEachLineRun(chunks, (lines) => reader.read(lines));
    return builder.finish(dangling, reader.end());
  });
}
