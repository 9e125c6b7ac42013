// The heap-profile grammar over line tokens. Its rules say the order:
//
//   heapProfile := space* (headerLine (headerLine | space)* census (census | space)*)?
//   census      := BEGIN_SAMPLE t (band | space)* END_SAMPLE t
//
// where a headerLine is JOB, DATE, SAMPLE_UNIT or VALUE_UNIT "..." in any order, and space
// is a blank or MARK line. Input arrives as runs of whole lines that can end anywhere, a
// census included, so a run is parsed from where the previous one ended (`fromStart`,
// `fromHeader`, `fromSamples`, `fromCensus`), and a census still open at the end of a run
// is closed in a later one. A line out of place stops the parse with an error, which
// `HeapProfileReader` turns into a `LineSyntaxError` with the line. Embedded actions hand
// each line's fields to a `HeapProfileSink`.
import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from 'chevrotain';
import { payloadOf } from '../common/line-token.js';
import { errorOffset, lineContentAt, lineNumberAt, LineSyntaxError } from '../common/syntax-error.js';
import { Band, BeginSample, BlankLine, Date, EndSample, hpTokens, Job, Mark, SampleUnit, ValueUnit, type BandFields } from './tokens.js';
import { hpLexer } from './lexer.js';

export type HeaderKey = 'JOB' | 'DATE' | 'SAMPLE_UNIT' | 'VALUE_UNIT';

/** Receives the profile in order, one call per line of content. */
export interface HeapProfileSink {
  /** SAMPLE_UNIT and VALUE_UNIT are always "seconds" and "bytes" (the grammar checks). */
  header(key: HeaderKey, value: string): void;
  beginSample(timeSecs: number): void;
  band(fields: BandFields): void;
  /** Closes the census begun last (same time). */
  endSample(): void;
  mark(timeSecs: number): void;
}

/** Where the parse is: before the header, in it, between censuses, or inside one. */
export type HeapProfileSection = 'start' | 'header' | 'samples' | 'census';

/** Where the parse stands between one run of lines and the next. */
interface HeapProfilePosition {
  section: HeapProfileSection;
  /** Lines consumed so far: the next line is `linesRead + 1`. */
  linesRead: number;
  /** The census begun last, while it is open. */
  open: { timeSecs: number; line: number } | null;
}

const GENERIC_EXPECTED =
  'expected a heap-profile line (JOB/DATE/SAMPLE_UNIT/VALUE_UNIT "...", BEGIN_SAMPLE t, label<TAB>bytes, END_SAMPLE t, MARK t)';

const UNITS: Partial<Record<HeaderKey, string>> = { SAMPLE_UNIT: 'seconds', VALUE_UNIT: 'bytes' };

class HeapProfileParser extends EmbeddedActionsParser {
  private at: HeapProfilePosition = { section: 'start', linesRead: 0, open: null };
  private sink: HeapProfileSink | null = null;

  constructor() {
    super(hpTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Parses one run of lines from where `at` stands, advancing it; the first error, if any, is in `this.errors`. */
  parseRun(tokens: IToken[], at: HeapProfilePosition, sink: HeapProfileSink): void {
    this.input = tokens;
    this.at = at;
    this.sink = sink;
    try {
      if (at.section === 'start') this.fromStart();
      else if (at.section === 'header') this.fromHeader();
      else if (at.section === 'samples') this.fromSamples();
      else this.fromCensus();
    } finally {
      this.sink = null;
    }
  }

  private number(token: IToken): number {
    return Number(payloadOf<string[]>(token)[0]);
  }

  readonly fromStart = this.RULE('fromStart', () => {
    this.MANY(() => this.SUBRULE(this.space));
    this.OPTION(() => {
      this.SUBRULE(this.headerLine);
      this.SUBRULE(this.fromHeader);
    });
  });

  readonly fromHeader = this.RULE('fromHeader', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.headerLine) }, { ALT: () => this.SUBRULE(this.space) }]));
    this.OPTION(() => {
      this.SUBRULE(this.census);
      this.SUBRULE(this.fromSamples);
    });
  });

  readonly fromSamples = this.RULE('fromSamples', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.census) }, { ALT: () => this.SUBRULE(this.space) }]));
  });

  readonly fromCensus = this.RULE('fromCensus', () => {
    this.SUBRULE(this.censusRest);
    this.SUBRULE(this.fromSamples);
  });

  readonly census = this.RULE('census', () => {
    const token = this.CONSUME(BeginSample);
    this.ACTION(() => {
      const timeSecs = this.number(token);
      this.at.linesRead++;
      this.at.open = { timeSecs, line: this.at.linesRead };
      this.at.section = 'census';
      this.sink!.beginSample(timeSecs);
    });
    this.SUBRULE(this.censusRest);
  });

  /** The bands of the open census and its END_SAMPLE, unless the run of lines ends first. */
  readonly censusRest = this.RULE('censusRest', () => {
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const token = this.CONSUME(Band);
            this.ACTION(() => {
              this.at.linesRead++;
              this.sink!.band(payloadOf<BandFields>(token));
            });
          },
        },
        { ALT: () => this.SUBRULE(this.space) },
      ]),
    );
    this.OR2([
      {
        ALT: () => {
          const token = this.CONSUME(EndSample);
          this.ACTION(() => this.endSample(token));
        },
      },
      // Still open: the census goes on in the next run of lines.
      { GATE: () => this.LA(1).tokenType === EOF, ALT: () => undefined },
    ]);
  });

  readonly headerLine = this.RULE('headerLine', () => {
    const header = (tokenType: TokenType, key: HeaderKey) => ({
      ALT: () => {
        const token = this.CONSUME(tokenType);
        this.ACTION(() => this.header(key, payloadOf<string[]>(token)[0]!.replace(/""/g, '"')));
      },
    });
    this.OR([header(Job, 'JOB'), header(Date, 'DATE'), header(SampleUnit, 'SAMPLE_UNIT'), header(ValueUnit, 'VALUE_UNIT')]);
  });

  /** A line allowed anywhere: blank, or a MARK. */
  readonly space = this.RULE('space', () => {
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(Mark);
          this.ACTION(() => {
            this.at.linesRead++;
            this.sink!.mark(this.number(token));
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(BlankLine);
          this.ACTION(() => this.at.linesRead++);
        },
      },
    ]);
  });

  private header(key: HeaderKey, value: string): void {
    const unit = UNITS[key];
    if (unit !== undefined && value !== unit) throw new LineSyntaxError(this.at.linesRead + 1, `expected ${key} "${unit}", found "${value}"`);
    this.at.linesRead++;
    this.at.section = 'header';
    this.sink!.header(key, value);
  }

  private endSample(token: IToken): void {
    const timeSecs = this.number(token);
    const open = this.at.open!;
    if (timeSecs !== open.timeSecs) {
      throw new LineSyntaxError(this.at.linesRead + 1, `END_SAMPLE ${timeSecs} closes the sample begun at ${open.timeSecs} (line ${open.line})`);
    }
    this.at.linesRead++;
    this.at.open = null;
    this.at.section = 'samples';
    this.sink!.endSample();
  }
}

let sharedParser: HeapProfileParser | null = null;
/** Made at the first heap profile read, not at load: every command loads this module. */
const theParser = (): HeapProfileParser => (sharedParser ??= new HeapProfileParser());

const HEADER_KEYS = new Map<TokenType, HeaderKey>([
  [Job, 'JOB'],
  [Date, 'DATE'],
  [SampleUnit, 'SAMPLE_UNIT'],
  [ValueUnit, 'VALUE_UNIT'],
]);

/** Why a line of type `tokenType` cannot come where the parse stands. */
function unexpectedLine(at: HeapProfilePosition, tokenType: TokenType | null, text: string, offset: number, firstLine: number): LineSyntaxError {
  const line = lineNumberAt(text, offset, firstLine);
  const key = tokenType === null ? undefined : HEADER_KEYS.get(tokenType);
  if (tokenType === BeginSample && at.open !== null) {
    return new LineSyntaxError(line, `BEGIN_SAMPLE inside the sample begun at line ${at.open.line}; expected END_SAMPLE ${at.open.timeSecs}`);
  }
  if (tokenType === BeginSample) return new LineSyntaxError(line, 'expected the JOB/DATE/SAMPLE_UNIT/VALUE_UNIT header before the first sample');
  if (tokenType === Band) return new LineSyntaxError(line, 'a band line outside BEGIN_SAMPLE … END_SAMPLE');
  if (tokenType === EndSample) return new LineSyntaxError(line, 'END_SAMPLE without BEGIN_SAMPLE');
  if (key !== undefined) return new LineSyntaxError(line, `${key} after the first sample; expected the JOB/DATE/SAMPLE_UNIT/VALUE_UNIT header before the samples`);
  return new LineSyntaxError(line, GENERIC_EXPECTED, lineContentAt(text, offset));
}

/** How the input ended. */
export interface HeapProfileEnd {
  linesRead: number;
  /** The line of a census the input ended inside (truncated files); null if none was open. */
  openSampleLine: number | null;
}

/**
 * Reads one heap profile, run of lines by run of lines, handing what it finds to `sink`.
 * Throws `LineSyntaxError` for a line out of place (and passes on whatever the sink throws).
 */
export class HeapProfileReader {
  private readonly at: HeapProfilePosition = { section: 'start', linesRead: 0, open: null };

  constructor(private readonly sink: HeapProfileSink) {}

  /** Reads a run of complete lines (each ending in `\n`), continuing where the last run ended. */
  read(text: string): void {
    const at = this.at;
    const firstLine = at.linesRead + 1;
    const lexed = hpLexer.tokenize(text);
    // The last token takes any line, so this is a safeguard.
    const lexError = lexed.errors[0];
    if (lexError !== undefined) throw unexpectedLine(at, null, text, lexError.offset, firstLine);
    const parser = theParser();
    parser.parseRun(lexed.tokens, at, this.sink);
    const parseError = parser.errors[0];
    if (parseError !== undefined) {
      throw unexpectedLine(at, (parseError.token as IToken | undefined)?.tokenType ?? null, text, errorOffset(parseError, text), firstLine);
    }
  }

  /** The end of the input: a heap profile needs at least one header line. */
  end(): HeapProfileEnd {
    if (this.at.section === 'start') throw new LineSyntaxError(1, 'empty file; expected a heap profile starting with JOB "..."');
    return { linesRead: this.at.linesRead, openSampleLine: this.at.open?.line ?? null };
  }
}
