// Reader for `+RTS -t<file> --machine-readable` statistics (profnix's cardano-node.stats).
// Kept as data: every key is kept, values are numbers where they parse as numbers.
import { rtsStatsParser } from '../../../grammar/rts-stats/parser.js';
import { rtsStatsLexer } from '../../../grammar/rts-stats/tokens.js';
import { InputError } from '../../model/diagnostic.js';

export interface RtsStats {
  source: string;
  commandLine: string[];
  /** In file order; numeric values as numbers (`"0.307263"` → 0.307263). */
  values: Map<string, number | string>;
}

export function parseRtsStats(text: string, source: string): RtsStats {
  const lexed = rtsStatsLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    const error = lexed.errors[0]!;
    throw new InputError({ source, line: error.line ?? 1 }, `unexpected character in RTS statistics: ${JSON.stringify(text.substr(error.offset, 1))}; expected ("key", "value") pairs in [ ]`);
  }
  rtsStatsParser.input = lexed.tokens;
  const syntax = rtsStatsParser.statsFile();
  if (rtsStatsParser.errors.length > 0) {
    const error = rtsStatsParser.errors[0]!;
    const line = Number.isFinite(error.token.startLine) ? error.token.startLine! : (lexed.tokens.at(-1)?.endLine ?? 1);
    throw new InputError({ source, line }, `expected RTS statistics as a list of ("key", "value") pairs: ${error.message}`);
  }
  const values = new Map<string, number | string>();
  for (const [key, value] of syntax.pairs) {
    const number = Number(value);
    values.set(key, value.trim() !== '' && Number.isFinite(number) ? number : value);
  }
  return { source, commandLine: syntax.commandLine, values };
}
