// Grammar of the machine-readable RTS statistics: commandLine? '[' pair (',' pair)* ']'.
import { EmbeddedActionsParser } from 'chevrotain';
import { BareWord, Comma, LBracket, LParen, QuotedWord, RBracket, RParen, rtsStatsTokens, StringLiteral } from './tokens.js';

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

export const rtsStatsParser = new RtsStatsParser();
