// The heap-profile grammar over line tokens. Censuses are `BEGIN_SAMPLE band* END_SAMPLE`;
// input arrives in chunks of whole lines that can split a census, so each line goes to a
// `HeapProfileSink` that checks the order across chunks.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { Band, BeginSample, BlankLine, Date, EndSample, hpTokens, Job, Mark, SampleUnit, ValueUnit, type BandFields } from './tokens.js';

export type HeaderKey = 'JOB' | 'DATE' | 'SAMPLE_UNIT' | 'VALUE_UNIT';

export interface HeapProfileSink {
  header(key: HeaderKey, value: string): void;
  beginSample(timeSecs: number): void;
  band(fields: BandFields): void;
  endSample(timeSecs: number): void;
  mark(timeSecs: number): void;
  blank(): void;
}

class HeapProfileParser extends EmbeddedActionsParser {
  private sink: HeapProfileSink | null = null;

  constructor() {
    super(hpTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[], sink: HeapProfileSink): void {
    this.input = tokens;
    this.sink = sink;
  }

  private payload<T>(token: IToken): T {
    return (token as IToken & { payload: T }).payload;
  }

  readonly lines = this.RULE('lines', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  readonly line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.band) },
      { ALT: () => this.SUBRULE(this.sampleBoundary) },
      { ALT: () => this.SUBRULE(this.headerLine) },
      {
        ALT: () => {
          const token = this.CONSUME(Mark);
          this.ACTION(() => this.sink!.mark(Number(this.payload<string[]>(token)[0])));
        },
      },
      {
        ALT: () => {
          this.CONSUME(BlankLine);
          this.ACTION(() => this.sink!.blank());
        },
      },
    ]);
  });

  readonly band = this.RULE('band', () => {
    const token = this.CONSUME(Band);
    this.ACTION(() => this.sink!.band(this.payload<BandFields>(token)));
  });

  readonly sampleBoundary = this.RULE('sampleBoundary', () => {
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(BeginSample);
          this.ACTION(() => this.sink!.beginSample(Number(this.payload<string[]>(token)[0])));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(EndSample);
          this.ACTION(() => this.sink!.endSample(Number(this.payload<string[]>(token)[0])));
        },
      },
    ]);
  });

  readonly headerLine = this.RULE('headerLine', () => {
    const header = (tokenType: typeof Job, key: HeaderKey) => ({
      ALT: () => {
        const token = this.CONSUME(tokenType);
        this.ACTION(() => this.sink!.header(key, this.payload<string[]>(token)[0]!.replace(/""/g, '"')));
      },
    });
    this.OR([header(Job, 'JOB'), header(Date, 'DATE'), header(SampleUnit, 'SAMPLE_UNIT'), header(ValueUnit, 'VALUE_UNIT')]);
  });
}

export const heapProfileParser = new HeapProfileParser();
