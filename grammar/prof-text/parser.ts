// The report grammar over line tokens. Its rules say the order of the sections:
//
//   report    := headerLine* (Title (headerLine | Title)* (flatTable | callTree)?)?
//   flatTable := FlatHeader (FlatLine | skippedLine)* callTree?
//   callTree  := TreeHeader (TreeLines | BlankLine)* (RetainerSection TrailerLine*)?
//
// where a headerLine is a command line, `total time`, `total alloc`, a blank line or the
// `individual inherited` line, in any order: no table before the title, no header after.
//
// Input arrives as runs of whole lines (one chunk of the file at a time) and a run can end
// anywhere, so each section is a rule that can also start a run: a run is parsed from the
// section the previous one ended in (`fromPreamble` … `fromTrailer`), each rule ending in
// an optional step into the next section. A line out of place stops the parse with an
// error, which `ProfTextReader` turns into a `LineSyntaxError` with the line. Embedded
// actions split the rows and hand each line's fields to a `ProfTextSink`.
import { createTokenInstance, EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import { contentEnd, lineEnd, payloadOf } from '../common/line-token.js';
import { parseGroupedInteger } from '../common/numbers.js';
import { errorOffset, lineContentAt, lineNumberAt, LineSyntaxError } from '../common/syntax-error.js';
import type { TableLayout } from './layout.js';
import { profTextLexer } from './lexer.js';
import { scanFlatRow, type FlatRowFields } from './flat-row-scanner.js';
import { scanTreeRow, TreeRowBatch } from './tree-row-scanner.js';
import {
  allTokens,
  BlankLine,
  CommandLine,
  FlatHeader,
  FlatLine,
  RETAINER_TITLE,
  RetainerSection,
  Title,
  TotalAlloc,
  TotalTime,
  TrailerLine,
  TreeHeader,
  TreeLines,
  TreeSuperHeader,
  type LexerMode,
} from './tokens.js';

/** Receives the report in order: one call per line of content (`treeRows`: one per run of rows). */
export interface ProfTextSink {
  title(timestamp: string): void;
  commandLine(text: string): void;
  totalTime(secs: number, ticks: number, tickInterval: number, unit: 'us' | 'ms', processors: number | null): void;
  totalAlloc(bytes: number): void;
  flatRow(row: FlatRowFields): void;
  treeHeader(layout: TableLayout): void;
  /** Consecutive rows of the call tree, the first on line `firstLine` (the batch is reused after the call). */
  treeRows(rows: TreeRowBatch, firstLine: number): void;
}

/** The sections in order; `preamble` is the header before the title line. */
export type ReportSection = 'preamble' | 'header' | 'flat' | 'tree' | 'trailer';

const LEXER_MODE: Record<ReportSection, LexerMode> = {
  preamble: 'header',
  header: 'header',
  flat: 'flat',
  tree: 'tree',
  trailer: 'trailer',
};

/** What a line out of place in each section should have been. */
const EXPECTED: Record<LexerMode, string> = {
  header: 'expected a report header line (title, command line, `total time`, `total alloc`) or a `COST CENTRE MODULE ...` table header',
  flat: 'expected a row of the cost-centre table (label, module, [SRC,] %time, %alloc[, ticks, bytes]) or the call-tree header',
  tree: 'expected a call-tree row (indented label, module, [SRC,] no., entries, 4 percentages[, ticks, bytes])',
  trailer: 'expected trailer text',
};

/** Where the parse stands between one run of lines and the next. */
interface ReportPosition {
  section: ReportSection;
  /** Lines consumed so far: the next line is `linesRead + 1`. */
  linesRead: number;
  /** Set by the table headers: which optional columns the rows below have. */
  flatLayout: TableLayout | null;
  treeLayout: TableLayout | null;
}

class ProfTextParser extends EmbeddedActionsParser {
  private text = '';
  /** The bytes that tree tokens' offsets point into (tree sections are read from bytes). */
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly rows = new TreeRowBatch();
  private at: ReportPosition = { section: 'preamble', linesRead: 0, flatLayout: null, treeLayout: null };
  private sink: ProfTextSink | null = null;

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Parses one run of lines from where `at` stands, advancing it; the first error, if any (`this.errors`). */
  parseRun(text: string, bytes: Uint8Array, tokens: IToken[], at: ReportPosition, sink: ProfTextSink): void {
    this.input = tokens;
    this.text = text;
    this.bytes = bytes;
    this.at = at;
    this.sink = sink;
    try {
      if (at.section === 'preamble') this.fromPreamble();
      else if (at.section === 'header') this.fromHeader();
      else if (at.section === 'flat') this.fromFlat();
      else if (at.section === 'tree') this.fromTree();
      else this.fromTrailer();
    } finally {
      this.text = '';
      this.bytes = EMPTY;
      this.rows.reset(EMPTY);
      this.sink = null;
    }
  }

  readonly fromPreamble = this.RULE('fromPreamble', () => {
    this.MANY(() => this.SUBRULE(this.headerLine));
    this.OPTION(() => {
      this.SUBRULE(this.title);
      this.SUBRULE(this.fromHeader);
    });
  });

  readonly fromHeader = this.RULE('fromHeader', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.headerLine) }, { ALT: () => this.SUBRULE(this.title) }]));
    this.OPTION(() => this.OR2([{ ALT: () => this.SUBRULE(this.flatTable) }, { ALT: () => this.SUBRULE(this.callTree) }]));
  });

  readonly fromFlat = this.RULE('fromFlat', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.skippedLine) },
        {
          ALT: () => {
            const token = this.CONSUME(FlatLine);
            this.ACTION(() => this.flatRow(token));
          },
        },
      ]),
    );
    this.OPTION(() => this.SUBRULE(this.callTree));
  });

  readonly fromTree = this.RULE('fromTree', () => {
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const token = this.CONSUME(TreeLines);
            this.ACTION(() => this.treeRows(token));
          },
        },
        {
          ALT: () => {
            this.CONSUME(BlankLine);
            this.ACTION(() => this.at.linesRead++);
          },
        },
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(RetainerSection);
      this.ACTION(() => {
        this.at.section = 'trailer';
        this.at.linesRead++;
      });
      this.SUBRULE(this.fromTrailer);
    });
  });

  readonly fromTrailer = this.RULE('fromTrailer', () => {
    this.MANY(() => {
      this.CONSUME(TrailerLine);
      this.ACTION(() => this.at.linesRead++);
    });
  });

  readonly title = this.RULE('title', () => {
    const token = this.CONSUME(Title);
    this.ACTION(() => {
      this.sink!.title(payloadOf<string[]>(token)[0]!);
      this.at.section = 'header';
      this.at.linesRead++;
    });
  });

  readonly flatTable = this.RULE('flatTable', () => {
    const token = this.CONSUME(FlatHeader);
    this.ACTION(() => {
      this.at.flatLayout = payloadOf<TableLayout>(token);
      this.at.section = 'flat';
      this.at.linesRead++;
    });
    this.SUBRULE(this.fromFlat);
  });

  readonly callTree = this.RULE('callTree', () => {
    const token = this.CONSUME(TreeHeader);
    this.ACTION(() => {
      const layout = payloadOf<TableLayout>(token);
      this.at.treeLayout = layout;
      this.at.section = 'tree';
      this.at.linesRead++;
      this.sink!.treeHeader(layout);
    });
    this.SUBRULE(this.fromTree);
  });

  /** A header line other than the title. */
  readonly headerLine = this.RULE('headerLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.skippedLine) },
      {
        ALT: () => {
          const token = this.CONSUME(CommandLine);
          this.ACTION(() => {
            this.sink!.commandLine(payloadOf<string[]>(token)[0]!);
            this.at.linesRead++;
          });
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(TotalTime);
          this.ACTION(() => {
            const [secs, ticks, interval, unit, processors] = payloadOf<Array<string | undefined>>(token);
            this.sink!.totalTime(Number(secs), Number(ticks), Number(interval), unit as 'us' | 'ms', processors === undefined ? null : Number(processors));
            this.at.linesRead++;
          });
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(TotalAlloc);
          this.ACTION(() => {
            this.sink!.totalAlloc(parseGroupedInteger(payloadOf<string[]>(token)[0]!));
            this.at.linesRead++;
          });
        },
      },
    ]);
  });

  /** A line with no content of its own: blank, or the `individual inherited` super-header. */
  readonly skippedLine = this.RULE('skippedLine', () => {
    this.OR([{ ALT: () => this.CONSUME(BlankLine) }, { ALT: () => this.CONSUME(TreeSuperHeader) }]);
    this.ACTION(() => this.at.linesRead++);
  });

  private flatRow(token: IToken): void {
    const text = this.text;
    const start = token.startOffset;
    const row = scanFlatRow(text, start, contentEnd(text, lineEnd(text, start)), this.at.flatLayout!);
    if (row === null) throw new LineSyntaxError(this.at.linesRead + 1, EXPECTED.flat, lineContentAt(text, start));
    this.at.linesRead++;
    this.sink!.flatRow(row);
  }

  /** Splits a run of tree lines (a token over `bytes`) into rows; a line that is not a row of the table's layout is an error. */
  private treeRows(token: IToken): void {
    const bytes = this.bytes;
    const layout = this.at.treeLayout!;
    const rows = this.rows;
    rows.reset(bytes);
    const stop = token.endOffset!;
    // The line ends treeTokens found, from this run's first line.
    const ends = treeLineEnds.ends;
    for (let start = token.startOffset, line = payloadOf<number>(token); start < stop; line++) {
      const end = Math.min(ends[line]!, stop);
      if (!scanTreeRow(bytes, start, end, layout, rows)) {
        throw new LineSyntaxError(this.at.linesRead + rows.length + 1, EXPECTED.tree, decodeLine(bytes, start, end));
      }
      start = end + 1;
    }
    const firstLine = this.at.linesRead + 1;
    this.at.linesRead += rows.length;
    this.sink!.treeRows(rows, firstLine);
  }
}

const EMPTY = new Uint8Array(0);
const NEWLINE = 0x0a;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const TABLE_HEADER = new TextEncoder().encode('COST CENTRE');
const RETAINER_TITLE_BYTES = new TextEncoder().encode(RETAINER_TITLE);
const decoder = new TextDecoder('utf-8');

function decodeLine(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end)).replace(/\r$/, '');
}

function startsWithBytes(bytes: Uint8Array, offset: number, prefix: Uint8Array): boolean {
  if (offset + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[offset + i] !== prefix[i]) return false;
  return true;
}

function isBlankLine(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const code = bytes[i]!;
    if (code !== SPACE && code !== TAB && code !== CR) return false;
  }
  return true;
}

/** Where the line at `offset` ends: its newline, or the end of the bytes. */
function lineEndIn(bytes: Uint8Array, offset: number): number {
  const newline = bytes.indexOf(NEWLINE, offset);
  return newline < 0 ? bytes.length : newline;
}

/**
 * The tree section's tokens, found in the bytes: each run of rows one `TreeLines` token, each
 * blank line a `BlankLine`, and the retainer title, which ends the section (and the tokens:
 * what follows is trailer text, lexed as such). The same lines the tree lexer mode's tokens
 * match (tokens.ts), without decoding the rows.
 */
function treeTokens(bytes: Uint8Array, from: number): { tokens: IToken[]; end: number } {
  const tokens: IToken[] = [];
  let runStart = -1;
  let runLine = 0;
  let start = from;
  treeLineEnds.count = 0;
  const closeRun = (end: number): void => {
    if (runStart >= 0) {
      const token = createTokenInstance(TreeLines, '', runStart, end, NaN, NaN, NaN, NaN);
      (token as unknown as { payload: number }).payload = runLine;
      tokens.push(token);
    }
    runStart = -1;
  };
  while (start < bytes.length) {
    const end = lineEndIn(bytes, start);
    const next = end < bytes.length ? end + 1 : end;
    if (isBlankLine(bytes, start, end)) {
      closeRun(start - 1);
      tokens.push(createTokenInstance(BlankLine, '', start, end, NaN, NaN, NaN, NaN));
    } else if (startsWithBytes(bytes, start, RETAINER_TITLE_BYTES)) {
      closeRun(start - 1);
      tokens.push(createTokenInstance(RetainerSection, '', start, end, NaN, NaN, NaN, NaN));
      return { tokens, end: next };
    } else {
      if (runStart < 0) {
        runStart = start;
        runLine = treeLineEnds.count;
      }
      treeLineEnds.push(end);
    }
    start = next;
  }
  closeRun(bytes.length);
  return { tokens, end: bytes.length };
}

/** Where each row line of the current run of bytes ends, as treeTokens found them: the parser splits rows at these. */
const treeLineEnds = {
  ends: new Int32Array(1 << 14),
  count: 0,
  push(end: number): void {
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = end;
  },
};

/**
 * Where the text to decode and lex from `from` ends: after the next table header line (which
 * may open the tree section, read from bytes), or at the end. Only header and trailer lines
 * are decoded.
 */
function textRunEnd(bytes: Uint8Array, from: number, section: ReportSection): number {
  if (section === 'trailer') return bytes.length;
  for (let start = from; start < bytes.length; ) {
    const end = lineEndIn(bytes, start);
    if (startsWithBytes(bytes, start, TABLE_HEADER)) return end < bytes.length ? end + 1 : end;
    start = end + 1;
  }
  return bytes.length;
}

/** The single parser instance (performSelfAnalysis is costly; Chevrotain's advice is to reuse it). */
let sharedParser: ProfTextParser | null = null;
/** Made at the first report read, not at load: every command loads this module, few parse a report. */
const theParser = (): ProfTextParser => (sharedParser ??= new ProfTextParser());

/** The error for a line the grammar does not accept in `section`, at text[offset]. */
function unexpectedLine(section: ReportSection, tokenType: TokenType | null, text: string, offset: number, firstLine: number): LineSyntaxError {
  const line = lineNumberAt(text, offset, firstLine);
  if (section === 'preamble' && tokenType === FlatHeader) return new LineSyntaxError(line, 'expected the report title line before the cost-centre table');
  if (section === 'preamble' && tokenType === TreeHeader) return new LineSyntaxError(line, 'expected the report title line before the call tree');
  return new LineSyntaxError(line, EXPECTED[LEXER_MODE[section]], lineContentAt(text, offset));
}

/**
 * Reads one text report, run of lines by run of lines, handing what it finds to `sink`.
 * Throws `LineSyntaxError` for a line out of place (and passes on whatever the sink throws).
 */
export class ProfTextReader {
  private readonly at: ReportPosition = { section: 'preamble', linesRead: 0, flatLayout: null, treeLayout: null };

  constructor(private readonly sink: ProfTextSink) {}

  /** Lines read so far. */
  get linesRead(): number {
    return this.at.linesRead;
  }

  /** Reads a run of complete lines (each ending in `\n`), continuing where the last run ended. */
  read(bytes: Uint8Array): void {
    for (let from = 0; from < bytes.length; ) from = this.at.section === 'tree' ? this.readTree(bytes, from) : this.readText(bytes, from);
  }

  /** Call-tree lines from bytes[from]; returns where they stopped. */
  private readTree(bytes: Uint8Array, from: number): number {
    const { tokens, end } = treeTokens(bytes, from);
    const parser = theParser();
    parser.parseRun('', bytes, tokens, this.at, this.sink);
    // The tree section's rule takes every token treeTokens makes: a safeguard.
    const parseError = parser.errors[0];
    if (parseError !== undefined) throw new LineSyntaxError(this.at.linesRead + 1, EXPECTED.tree);
    return end;
  }

  /** Other lines from bytes[from], decoded and lexed; returns where they stopped. */
  private readText(bytes: Uint8Array, from: number): number {
    const at = this.at;
    const end = textRunEnd(bytes, from, at.section);
    const text = decoder.decode(bytes.subarray(from, end));
    const firstLine = at.linesRead + 1;
    const lexed = profTextLexer.tokenize(text, LEXER_MODE[at.section]);
    // Every lexer mode ends in a token for any line, so this is a safeguard.
    const lexError = lexed.errors[0];
    if (lexError !== undefined) throw unexpectedLine(at.section, null, text, lexError.offset, firstLine);
    const parser = theParser();
    parser.parseRun(text, EMPTY, lexed.tokens, at, this.sink);
    const parseError = parser.errors[0];
    if (parseError !== undefined) {
      throw unexpectedLine(at.section, (parseError.token as IToken | undefined)?.tokenType ?? null, text, errorOffset(parseError, text), firstLine);
    }
    return end;
  }

  /** The end of the input: a report needs at least its title line. */
  end(): void {
    if (this.at.section === 'preamble') throw new LineSyntaxError(1, 'empty file; expected a GHC time and allocation report');
  }
}
