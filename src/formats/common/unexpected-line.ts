// The one-line error for a line a line-based grammar does not accept: file, line number,
// what was expected, and the start of what was found.
import { InputError } from '../../model/diagnostic.js';

const SHOWN_CHARS = 80;

/**
 * `text` is a run of whole lines whose first is line `linesBefore + 1` of the file;
 * `offset` is where the lexer stopped.
 */
export function unexpectedLine(source: string, text: string, offset: number, linesBefore: number, expected: string): InputError {
  let line = linesBefore + 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const end = text.indexOf('\n', offset);
  const found = text.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
  const shown = found.length > SHOWN_CHARS ? `${found.slice(0, SHOWN_CHARS)}...` : found;
  return new InputError({ source, line }, `${expected}, found ${JSON.stringify(shown)}`);
}
