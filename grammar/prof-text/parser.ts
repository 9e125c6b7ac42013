// The report grammar over line tokens, with embedded actions that hand each line's
// fields to a `ProfTextSink`. Input arrives in chunks of whole lines, so one parse covers
// any run of lines; which lines may follow which is fixed by the lexer's modes.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import type { TableLayout } from './layout.js';
import type { FlatRowFields, TreeRowBatch } from './row-scanner.js';
import {
  allTokens,
  BlankLine,
  CommandLine,
  FlatHeader,
  FlatRow,
  RetainerSection,
  Title,
  TotalAlloc,
  TotalTime,
  TrailerLine,
  TreeHeader,
  TreeRows,
  TreeSuperHeader,
} from './tokens.js';

/** Receives the report in order, one call per line (`treeRows`: one per run of rows). */
export interface ProfTextSink {
  title(timestamp: string): void;
  commandLine(text: string): void;
  totalTime(secs: number, ticks: number, tickInterval: number, unit: 'us' | 'ms', processors: number | null): void;
  totalAlloc(bytes: string): void;
  flatHeader(layout: TableLayout): void;
  flatRow(row: FlatRowFields): void;
  treeHeader(layout: TableLayout): void;
  treeRows(rows: TreeRowBatch): void;
  /** A line with no content of its own: blank, or the `individual inherited` super-header. */
  otherLine(): void;
  trailer(): void;
}

class ProfTextParser extends EmbeddedActionsParser {
  sink: ProfTextSink | null = null;

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Called before each chunk. */
  begin(tokens: IToken[], sink: ProfTextSink): void {
    this.input = tokens;
    this.sink = sink;
  }

  private payload(token: IToken): unknown {
    return (token as IToken & { payload: unknown }).payload;
  }

  readonly lines = this.RULE('lines', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  readonly line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.treeRow) },
      { ALT: () => this.SUBRULE(this.blank) },
      { ALT: () => this.SUBRULE(this.flatRow) },
      { ALT: () => this.SUBRULE(this.headerLine) },
      { ALT: () => this.SUBRULE(this.tableHeader) },
      { ALT: () => this.SUBRULE(this.trailer) },
    ]);
  });

  readonly treeRow = this.RULE('treeRow', () => {
    const token = this.CONSUME(TreeRows);
    this.ACTION(() => this.sink!.treeRows(this.payload(token) as TreeRowBatch));
  });

  readonly flatRow = this.RULE('flatRow', () => {
    const token = this.CONSUME(FlatRow);
    this.ACTION(() => this.sink!.flatRow(this.payload(token) as FlatRowFields));
  });

  readonly blank = this.RULE('blank', () => {
    this.CONSUME(BlankLine);
    this.ACTION(() => this.sink!.otherLine());
  });

  readonly headerLine = this.RULE('headerLine', () => {
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(Title);
          this.ACTION(() => this.sink!.title((this.payload(token) as string[])[0]!));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(CommandLine);
          this.ACTION(() => this.sink!.commandLine((this.payload(token) as string[])[0]!));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(TotalTime);
          this.ACTION(() => {
            const [secs, ticks, interval, unit, processors] = this.payload(token) as string[];
            this.sink!.totalTime(
              Number(secs),
              Number(ticks),
              Number(interval),
              unit as 'us' | 'ms',
              processors === undefined ? null : Number(processors),
            );
          });
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(TotalAlloc);
          this.ACTION(() => this.sink!.totalAlloc((this.payload(token) as string[])[0]!));
        },
      },
    ]);
  });

  readonly tableHeader = this.RULE('tableHeader', () => {
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(FlatHeader);
          this.ACTION(() => this.sink!.flatHeader(this.payload(token) as TableLayout));
        },
      },
      {
        ALT: () => {
          this.CONSUME(TreeSuperHeader);
          this.ACTION(() => this.sink!.otherLine());
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(TreeHeader);
          this.ACTION(() => this.sink!.treeHeader(this.payload(token) as TableLayout));
        },
      },
    ]);
  });

  readonly trailer = this.RULE('trailer', () => {
    this.OR([{ ALT: () => this.CONSUME(RetainerSection) }, { ALT: () => this.CONSUME(TrailerLine) }]);
    this.ACTION(() => this.sink!.trailer());
  });
}

/** The single parser instance (performSelfAnalysis is costly; Chevrotain's advice is to reuse it). */
export const profTextParser = new ProfTextParser();
