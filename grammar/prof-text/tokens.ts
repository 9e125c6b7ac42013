// Tokens of the text time/allocation report (`+RTS -p`, `-P`, `-pa`), one token per line.
// The report is line-structured (formats.md §1), so each token matches a whole line,
// terminator included, and carries its parsed fields as a payload. Lexer modes follow the
// report's sections: header → flat table → call tree → trailer.
import { createToken, type TokenType } from 'chevrotain';
import { contentEnd, lineEnd, lineToken, matchedLine } from '../line/line-token.js';
import { layoutFromHeader, type TableLayout } from './layout.js';
import { scanFlatRow, scanTreeRow, TreeRowBatch } from './row-scanner.js';

/**
 * Column layout of the table being lexed. Row tokens depend on it, and it is set by the
 * table header tokens; lexing is synchronous, so the reader sets it before each chunk.
 */
export interface LexingState {
  flatLayout: TableLayout;
  treeLayout: TableLayout;
}

let state: LexingState = newLexingState();

export function newLexingState(): LexingState {
  return { flatLayout: { hasSrc: true, hasTicks: false }, treeLayout: { hasSrc: true, hasTicks: false } };
}

export function useLexingState(next: LexingState): void {
  state = next;
}

// Header: formats-reference.md §1.3. `(Final)` is the only state GHC prints; accept any word.
export const Title = lineToken('Title', /\t?(.*?) Time and Allocation Profiling Report {2}\((\w+)\)[ \t]*/);
export const CommandLine = lineToken('CommandLine', /\t {2,3}(\S.*?)[ \t]*/);
// GHC <= 7.4: `(965 ticks @ 20 ms)` without processors; later `@ 1000 us, 8 processors`.
export const TotalTime = lineToken(
  'TotalTime',
  /\ttotal time\s*=\s*([0-9.]+) secs\s+\((\d+) ticks @ (\d+) (us|ms)(?:, (\d+) processors?)?\)[ \t]*/,
);
export const TotalAlloc = lineToken('TotalAlloc', /\ttotal alloc\s*=\s*([0-9,]+) bytes.*?/);
export const BlankLine = lineToken('BlankLine', /[ \t]*/);

function headerToken(name: string, isTree: boolean, pushMode: string): TokenType {
  return createToken({
    name,
    line_breaks: true,
    push_mode: pushMode,
    pattern: (text: string, offset: number) => {
      if (!text.startsWith('COST CENTRE', offset)) return null;
      const end = lineEnd(text, offset);
      const line = text.slice(offset, contentEnd(text, end));
      if (!/\bMODULE\b/.test(line) || !line.includes('%time') || line.includes(' no.') !== isTree) return null;
      const layout = layoutFromHeader(line);
      if (isTree) state.treeLayout = layout;
      else state.flatLayout = layout;
      return matchedLine(text, offset, end, layout);
    },
  });
}

export const FlatHeader = headerToken('FlatHeader', false, 'flat');
export const TreeHeader = headerToken('TreeHeader', true, 'tree');
/** The `individual      inherited` line above the tree header. */
export const TreeSuperHeader = lineToken('TreeSuperHeader', /\s*individual\s+inherited\s*/);

export const FlatRow = createToken({
  name: 'FlatRow',
  line_breaks: true,
  pattern: (text: string, offset: number) => {
    const end = lineEnd(text, offset);
    const row = scanFlatRow(text, offset, contentEnd(text, end), state.flatLayout);
    return row === null ? null : matchedLine(text, offset, end, row);
  },
});

/**
 * A run of consecutive call-tree rows, up to the first line that is not one. Rows are by far
 * the most numerous lines (458,804 in big.prof); one token per run rather than per row keeps
 * the lexer's per-token work off the hot path. The payload holds every row's fields.
 */
export const TreeRows = createToken({
  name: 'TreeRows',
  line_breaks: true,
  pattern: (text: string, offset: number) => {
    const rows = new TreeRowBatch();
    let start = offset;
    while (start < text.length) {
      const end = lineEnd(text, start);
      if (!scanTreeRow(text, start, contentEnd(text, end), state.treeLayout, rows)) break;
      start = end + 1;
    }
    return rows.length === 0 ? null : matchedLine(text, offset, start - 1, rows);
  },
});

/** `-hr` appends retainer sets after the tree (formats-reference.md §1.11); kept out of the profile. */
export const RetainerSection = lineToken('RetainerSection', /Retainer sets created during profiling:.*/, {
  push_mode: 'trailer',
});
export const TrailerLine = lineToken('TrailerLine', /.*/);

export const lexerModes = {
  header: [BlankLine, Title, CommandLine, TotalTime, TotalAlloc, FlatHeader, TreeSuperHeader, TreeHeader],
  flat: [BlankLine, FlatRow, TreeSuperHeader, TreeHeader],
  tree: [TreeRows, BlankLine, RetainerSection],
  trailer: [TrailerLine],
};

export const allTokens: TokenType[] = [
  Title,
  CommandLine,
  TotalTime,
  TotalAlloc,
  BlankLine,
  FlatHeader,
  TreeSuperHeader,
  TreeHeader,
  FlatRow,
  TreeRows,
  RetainerSection,
  TrailerLine,
];
