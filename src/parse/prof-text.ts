// Reader for GHC's text time/allocation report (`+RTS -p`, `-P`, `-pa`), streaming:
// input is consumed in chunks of whole lines, so the file is never one string.
import { profTextLexer } from '../../grammar/prof-text/lexer.js';
import { profTextParser } from '../../grammar/prof-text/parser.js';
import { newLexingState, useLexingState, type LexingState } from '../../grammar/prof-text/tokens.js';
import { InputError } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';
import { ProfTextBuilder } from './prof-text-builder.js';

const EXPECTED_BY_SECTION = {
  header: 'expected a report header line (title, command line, `total time`, `total alloc`) or a `COST CENTRE MODULE ...` table header',
  flat: 'expected a row of the cost-centre table (label, module, [SRC,] %time, %alloc[, ticks, bytes]) or the call-tree header',
  tree: 'expected a call-tree row (indented label, module, [SRC,] no., entries, 4 percentages[, ticks, bytes])',
  trailer: 'expected trailer text',
} as const;

/** Consumes one chunk of complete lines (each ending in `\n`). */
function consumeLines(builder: ProfTextBuilder, lexingState: LexingState, source: string, text: string): void {
  useLexingState(lexingState);
  const lexed = profTextLexer.tokenize(text, builder.section);
  const tokens = lexed.tokens;
  if (lexed.errors.length > 0) {
    const offset = lexed.errors[0]!.offset;
    // Tokens are whole lines: the offending line comes right after the tokens before it.
    let lineIndex = 0;
    while (lineIndex < tokens.length && tokens[lineIndex]!.startOffset < offset) lineIndex++;
    const sectionAtError = sectionBefore(builder, tokens, lineIndex);
    const lineEnd = text.indexOf('\n', offset);
    const found = text.slice(offset, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
    throw new InputError(
      { source, line: builder.lineOf(lineIndex) },
      `${EXPECTED_BY_SECTION[sectionAtError]}, found ${JSON.stringify(found.length > 80 ? `${found.slice(0, 80)}...` : found)}`,
    );
  }
  profTextParser.begin(tokens, builder);
  profTextParser.lines();
  if (profTextParser.errors.length > 0) {
    throw new InputError({ source, line: builder.lineOf(0) }, `unexpected report structure: ${profTextParser.errors[0]!.message}`);
  }
  builder.endChunk(tokens.length);
}

/** The lexer mode in force at token `index`: the last mode-switching token before it decides. */
function sectionBefore(builder: ProfTextBuilder, tokens: ReadonlyArray<{ tokenType: { PUSH_MODE?: string } }>, index: number): keyof typeof EXPECTED_BY_SECTION {
  for (let i = index - 1; i >= 0; i--) {
    const mode = tokens[i]!.tokenType.PUSH_MODE;
    if (mode !== undefined) return mode as keyof typeof EXPECTED_BY_SECTION;
  }
  return builder.section;
}

/** Reads a text report from chunks of bytes or strings. */
export async function readProfText(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, source: string): Promise<Profile> {
  const decoder = new TextDecoder('utf-8');
  const builder = new ProfTextBuilder(source);
  const lexingState = newLexingState();
  let pending = '';
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const combined = pending + text;
    const lastNewline = combined.lastIndexOf('\n');
    if (lastNewline < 0) {
      pending = combined;
      continue;
    }
    consumeLines(builder, lexingState, source, combined.slice(0, lastNewline + 1));
    pending = combined.slice(lastNewline + 1);
  }
  pending += decoder.decode();
  return builder.finish(pending);
}

/** Reads a text report held in one string (tests, browsers). */
export function parseProfText(text: string, source: string): Promise<Profile> {
  return readProfText([text], source);
}
