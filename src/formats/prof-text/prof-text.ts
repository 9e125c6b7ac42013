// Reader for GHC's text time/allocation report (`+RTS -p`, `-P`, `-pa`), streaming:
// input is consumed in chunks of whole lines, so the file is never one string.
import type { IToken } from 'chevrotain';
import { profTextLexer } from '../../../grammar/prof-text/lexer.js';
import { profTextParser } from '../../../grammar/prof-text/parser.js';
import { newLexingState, useLexingState, type LexingState } from '../../../grammar/prof-text/tokens.js';
import { InputError } from '../../model/diagnostic.js';
import type { Profile } from '../../model/profile.js';
import { forEachLineRun } from '../common/line-chunks.js';
import { ProfTextBuilder } from './prof-text-builder.js';
import { unexpectedLine } from '../common/unexpected-line.js';
import type { TextChunks } from '../common/byte-chunks.js';
import { textHead } from '../common/sniff.js';

/** Whether an input's first bytes look like a text report: its title line. */
export function looksLikeProfText(head: Uint8Array): boolean {
  return /^\t?[^\n]*Time and Allocation Profiling Report/.test(textHead(head));
}

const EXPECTED_BY_SECTION = {
  header: 'expected a report header line (title, command line, `total time`, `total alloc`) or a `COST CENTRE MODULE ...` table header',
  flat: 'expected a row of the cost-centre table (label, module, [SRC,] %time, %alloc[, ticks, bytes]) or the call-tree header',
  tree: 'expected a call-tree row (indented label, module, [SRC,] no., entries, 4 percentages[, ticks, bytes])',
  trailer: 'expected trailer text',
} as const;

/** Consumes one chunk of complete lines (each ending in `\n`). */
function consumeLines(builder: ProfTextBuilder, lexingState: LexingState, source: string, text: string): void {
  useLexingState(lexingState);
  const linesBefore = builder.linesRead;
  const lexed = profTextLexer.tokenize(text, builder.section);
  const tokens = lexed.tokens;
  if (lexed.errors.length > 0) {
    const offset = lexed.errors[0]!.offset;
    throw unexpectedLine(source, text, offset, linesBefore, EXPECTED_BY_SECTION[sectionAt(builder, tokens, offset)]);
  }
  profTextParser.begin(tokens, builder);
  profTextParser.lines();
  if (profTextParser.errors.length > 0) {
    throw new InputError({ source, line: linesBefore + 1 }, `unexpected report structure: ${profTextParser.errors[0]!.message}`);
  }
}

/** The lexer mode in force at `offset`: the last mode-switching token before it decides. */
function sectionAt(builder: ProfTextBuilder, tokens: ReadonlyArray<IToken>, offset: number): keyof typeof EXPECTED_BY_SECTION {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.startOffset >= offset) continue;
    const mode = token.tokenType.PUSH_MODE;
    if (mode !== undefined) return mode as keyof typeof EXPECTED_BY_SECTION;
  }
  return builder.section;
}

/** Reads a text report from chunks of bytes or strings. */
export async function readProfText(chunks: TextChunks, source: string): Promise<Profile> {
  const builder = new ProfTextBuilder(source);
  const lexingState = newLexingState();
  const dangling = await forEachLineRun(chunks, (lines) => consumeLines(builder, lexingState, source, lines));
  return builder.finish(dangling);
}

/** Reads a text report held in one string (tests, browsers). */
export function parseProfText(text: string, source: string): Promise<Profile> {
  return readProfText([text], source);
}
