// Grammar of the machine-readable RTS statistics: commandLine? '[' pair (',' pair)* ']'.
import { EmbeddedActionsParser, EOF, type IRecognitionException } from 'chevrotain';
import { LineSyntaxError } from '../common/syntax-error.js';
import { BareWord, Comma, LBracket, LParen, QuotedWord, RBracket, RParen, rtsStatsLexer, rtsStatsTokens, StringLiteral } from './tokens.js';

export interface RtsStatsSyntax {
  commandLine: string[];
  pairs: Array<[string, string]>;
}

/** Undoes `show`'s escaping for the characters the RTS can write (quotes, backslashes, decimal codes). */
function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\(\d+)(\\&)?|\\(.)/g, (_whole, code: string | undefined, _empty, char: string | undefined) =>
      code !== undefined ? String.fromCodePoint(Number(code)) : char === 'n' ? '\n' : char === 't' ? '\t' : char!,
    );
}

class RtsStatsParser extends EmbeddedActionsParser {
  constructor() {
    super(rtsStatsTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  readonly statsFile = this.RULE('statsFile', (): RtsStatsSyntax => {
    const commandLine: string[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => commandLine.push(unquote(this.CONSUME(QuotedWord).image)) },
        { ALT: () => commandLine.push(this.CONSUME(BareWord).image) },
      ]);
    });
    const pairs: Array<[string, string]> = [];
    this.CONSUME(LBracket);
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => pairs.push(this.SUBRULE(this.pair)),
    });
    this.CONSUME(RBracket);
    return { commandLine, pairs };
  });

  readonly pair = this.RULE('pair', (): [string, string] => {
    this.CONSUME(LParen);
    const key = this.CONSUME(StringLiteral).image;
    this.CONSUME(Comma);
    const value = this.CONSUME2(StringLiteral).image;
    this.CONSUME(RParen);
    return [unquote(key), unquote(value)];
  });
}

let sharedParser: RtsStatsParser | null = null;
/** Made at the first statistics file read, not at load: every command loads this module. */
const theParser = (): RtsStatsParser => (sharedParser ??= new RtsStatsParser());

/** Reads a statistics file; throws `LineSyntaxError` where it is not one. */
export function parseRtsStatsSyntax(text: string): RtsStatsSyntax {
  const lexed = rtsStatsLexer.tokenize(text);
  const lexError = lexed.errors[0];
  if (lexError !== undefined) {
    throw new LineSyntaxError(
      lexError.line ?? 1,
      `unexpected character in RTS statistics: ${JSON.stringify(text.substr(lexError.offset, 1))}; expected ("key", "value") pairs in [ ]`,
    );
  }
  const parser = theParser();
  parser.input = lexed.tokens;
  const syntax = parser.statsFile();
  const parseError = parser.errors[0];
  if (parseError !== undefined) {
    // At the end of the input the offending token is EOF, which has no line: the last token's.
    const startLine = parseError.token.startLine;
    const line = startLine !== undefined && Number.isFinite(startLine) ? startLine : (lexed.tokens.at(-1)?.endLine ?? 1);
    // What was found is quoted by the reader, cut short: a token can be a megabyte long.
    const atEnd = parseError.token.tokenType === EOF;
    const detail = `expected ${expectedToken(parseError)} in RTS statistics, a list of ("key", "value") pairs`;
    throw new LineSyntaxError(line, atEnd ? `${detail}, but the input ends` : detail, atEnd ? null : parseError.token.image);
  }
  return syntax;
}

/** How the statistics show each token, for "expected ...". */
const SHOWN_TOKENS: Readonly<Record<string, string>> = {
  LBracket: "'['",
  RBracket: "']'",
  LParen: "'('",
  RParen: "')'",
  Comma: "','",
  StringLiteral: 'a "quoted" string',
};

/**
 * The token a parse error expected, from Chevrotain's message ("Expecting token of type -->
 * RBracket <-- ..."), the only place it says so; what a pair or list may hold otherwise.
 */
function expectedToken(error: IRecognitionException): string {
  const name = /^Expecting token of type --> (\w+) <--/.exec(error.message)?.[1];
  return (name !== undefined ? SHOWN_TOKENS[name] : undefined) ?? "'(' or ']'";
}
