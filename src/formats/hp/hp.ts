// Reader for GHC's heap profile (`.hp`, `+RTS -h*`), streaming by runs of whole lines.
import { hpLexer } from '../../../grammar/hp/lexer.js';
import { heapProfileParser } from '../../../grammar/hp/parser.js';
import type { HeapSeries } from '../../model/heap-series.js';
import { HeapProfileBuilder } from './hp-builder.js';
import { forEachLineRun } from '../common/line-chunks.js';
import { unexpectedLine } from '../common/unexpected-line.js';
import type { TextChunks } from '../common/byte-chunks.js';
import { textHead } from '../common/sniff.js';

/** Whether an input's first bytes look like a heap profile: its `JOB "..."` line. */
export function looksLikeHeapProfile(head: Uint8Array): boolean {
  return textHead(head).startsWith('JOB ');
}

function consumeLines(builder: HeapProfileBuilder, source: string, text: string): void {
  const lexed = hpLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    throw unexpectedLine(
      source,
      text,
      lexed.errors[0]!.offset,
      builder.linesRead,
      'expected a heap-profile line (JOB/DATE/SAMPLE_UNIT/VALUE_UNIT "...", BEGIN_SAMPLE t, label<TAB>bytes, END_SAMPLE t, MARK t)',
    );
  }
  heapProfileParser.begin(lexed.tokens, builder);
  heapProfileParser.lines();
}

export async function readHeapProfile(chunks: TextChunks, source: string): Promise<HeapSeries> {
  const builder = new HeapProfileBuilder(source);
  const dangling = await forEachLineRun(chunks, (lines) => consumeLines(builder, source, lines));
  return builder.finish(dangling);
}
