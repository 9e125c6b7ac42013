// The one-line error for a line a line-based grammar does not accept: file, line number,
// what was expected, and the start of what was found.
import { LineSyntaxError } from '../../../grammar/common/syntax-error.js';
import { InputError } from '../../model/diagnostic.js';

const SHOWN_CHARS = 80;

/** The InputError for a grammar's syntax error in `source`. */
export function unexpectedLine(source: string, error: LineSyntaxError): InputError {
  const found = error.found;
  if (found === null) return new InputError({ source, line: error.line }, error.detail);
  const shown = found.length > SHOWN_CHARS ? `${found.slice(0, SHOWN_CHARS)}...` : found;
  return new InputError({ source, line: error.line }, `${error.detail}, found ${JSON.stringify(shown)}`);
}

/** Runs `read`, turning a grammar's syntax error into the InputError for `source`. */
export async function withLineErrors<T>(source: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof LineSyntaxError ? unexpectedLine(source, error) : error;
  }
}
