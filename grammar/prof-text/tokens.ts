// Tokens of the text time/allocation report (`+RTS -p`, `-P`, `-pa`), one token per line
// (call-tree rows: one per run of rows). The report is line-structured (docs/formats.md §1.3), so
// each token matches whole lines, terminator included, and carries its fields as a payload.
//
// Lexer modes give each section its vocabulary (a flat-table row and a tree row can look
// alike; after the retainer sets anything goes); the header lines that open a section
// switch the mode. Every mode ends in a token that takes any line, so the lexer never
// fails: which line may follow which is the parser's to say (parser.ts).
//
// Rows are split by the parser, not here: how depends on the columns the table header
// announced, and tokens hold no state.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { anyLineToken, blankLineToken, contentEnd, lineEnd, lineToken, matchedLine } from '../common/line-token.js';
import { layoutFromHeader } from './layout.js';

// Header: docs/formats.md §1.2. `(Final)` is the only state GHC prints; accept any word.
export const Title = lineToken('Title', /\t?(.*?) Time and Allocation Profiling Report {2}\((\w+)\)[ \t]*/);
export const CommandLine = lineToken('CommandLine', /\t {2,3}(\S.*?)[ \t]*/);
// GHC <= 7.4: `(965 ticks @ 20 ms)` without processors; later `@ 1000 us, 8 processors`.
export const TotalTime = lineToken(
  'TotalTime',
  /\ttotal time\s*=\s*([0-9.]+) secs\s+\((\d+) ticks @ (\d+) (us|ms)(?:, (\d+) processors?)?\)[ \t]*/,
);
export const TotalAlloc = lineToken('TotalAlloc', /\ttotal alloc\s*=\s*([0-9,]+) bytes.*?/);
export const BlankLine = blankLineToken('BlankLine');
/** A header line that is none of the above. */
const OtherHeaderLine = anyLineToken('OtherHeaderLine');

/** `COST CENTRE MODULE ...`: the header of the flat table (`isTree` false) or of the call tree. Payload: its `TableLayout`. */
function tableHeaderToken(name: string, isTree: boolean, pushMode: string): TokenType {
  return createToken({
    name,
    line_breaks: true,
    push_mode: pushMode,
    pattern: (text: string, offset: number) => {
      if (!text.startsWith('COST CENTRE', offset)) return null;
      const end = lineEnd(text, offset);
      const line = text.slice(offset, contentEnd(text, end));
      if (!/\bMODULE\b/.test(line) || !line.includes('%time') || line.includes(' no.') !== isTree) return null;
      return matchedLine(text, offset, end, layoutFromHeader(line));
    },
  });
}

export const FlatHeader = tableHeaderToken('FlatHeader', false, 'flat');
export const TreeHeader = tableHeaderToken('TreeHeader', true, 'tree');
/** The `individual      inherited` line above the tree header. */
export const TreeSuperHeader = lineToken('TreeSuperHeader', /\s*individual\s+inherited\s*/);

/** A line of the flat table that is no header: a row, to be split by the parser. */
export const FlatLine = anyLineToken('FlatLine');

/** The line that opens the retainer sets after the tree. */
export const RETAINER_TITLE = 'Retainer sets created during profiling:';

/**
 * A run of consecutive lines of the call tree, up to the first blank line or the retainer
 * sets: rows, to be split by the parser. Rows are by far the most numerous lines (458,804 in
 * big.prof), so the tree section is never decoded to text for the lexer: the reader finds
 * these runs in the bytes (parser.ts, `treeTokens`) and hands the parser one token per run.
 */
export const TreeLines = createToken({ name: 'TreeLines', pattern: Lexer.NA });

/**
 * `-hr` appends retainer sets after the tree (docs/formats.md §1.10); kept out of the profile.
 * Like TreeLines, their title is found in the tree section's bytes by the reader, never by the lexer.
 */
export const RetainerSection = createToken({ name: 'RetainerSection', pattern: Lexer.NA });
export const TrailerLine = anyLineToken('TrailerLine');

/** The lexer mode of each section; the header before the title lexes like the rest of it. */
export const lexerModes = {
  header: [BlankLine, Title, CommandLine, TotalTime, TotalAlloc, FlatHeader, TreeSuperHeader, TreeHeader, OtherHeaderLine],
  flat: [BlankLine, TreeSuperHeader, TreeHeader, FlatLine],
  // Never lexed as text (the reader makes the tree section's tokens from its bytes); the mode the tree header opens.
  tree: [TreeLines, BlankLine, RetainerSection],
  trailer: [TrailerLine],
};

export type LexerMode = keyof typeof lexerModes;

export const allTokens: TokenType[] = [
  Title,
  CommandLine,
  TotalTime,
  TotalAlloc,
  BlankLine,
  OtherHeaderLine,
  FlatHeader,
  TreeSuperHeader,
  TreeHeader,
  FlatLine,
  TreeLines,
  RetainerSection,
  TrailerLine,
];
