// Reader for `+RTS -t<file> --machine-readable` statistics (profnix's cardano-node.stats).
// Kept as data: every key is kept, values are numbers where they parse as numbers.
import { parseRtsStatsSyntax } from '../../../grammar/rts-stats/parser.js';
import { LineSyntaxError } from '../../../grammar/common/syntax-error.js';
import { unexpectedLine } from '../common/unexpected-line.js';

export interface RtsStats {
  source: string;
  commandLine: string[];
  /** In file order; numeric values as numbers (`"0.307263"` → 0.307263). */
  values: Map<string, number | string>;
}

export function parseRtsStats(text: string, source: string): RtsStats {
  let syntax;
  try {
    syntax = parseRtsStatsSyntax(text);
  } catch (error) {
    throw error instanceof LineSyntaxError ? unexpectedLine(source, error) : error;
  }
  const values = new Map<string, number | string>();
  for (const [key, value] of syntax.pairs) {
    const number = Number(value);
    values.set(key, value.trim() !== '' && Number.isFinite(number) ? number : value);
  }
  return { source, commandLine: syntax.commandLine, values };
}
