// Reader for GHC's heap profile (`.hp`, `+RTS -h*`), streaming by runs of whole lines.
import { hpLexer } from '../../grammar/hp/lexer.js';
import { heapProfileParser } from '../../grammar/hp/parser.js';
import { InputError } from '../model/diagnostic.js';
import type { HeapSeries } from '../model/heap-series.js';
import { HeapProfileBuilder } from './hp-builder.js';
import { forEachLineRun } from './line-chunks.js';

function consumeLines(builder: HeapProfileBuilder, source: string, text: string): void {
  const lexed = hpLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    const offset = lexed.errors[0]!.offset;
    let line = builder.linesRead + 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    const end = text.indexOf('\n', offset);
    const found = text.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
    throw new InputError(
      { source, line },
      `expected a heap-profile line (JOB/DATE/SAMPLE_UNIT/VALUE_UNIT "...", BEGIN_SAMPLE t, label<TAB>bytes, END_SAMPLE t, MARK t), found ${JSON.stringify(found.slice(0, 80))}`,
    );
  }
  heapProfileParser.begin(lexed.tokens, builder);
  heapProfileParser.lines();
}

export async function readHeapProfile(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, source: string): Promise<HeapSeries> {
  const builder = new HeapProfileBuilder(source);
  const dangling = await forEachLineRun(chunks, (lines) => consumeLines(builder, source, lines));
  return builder.finish(dangling);
}
