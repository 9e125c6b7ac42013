// What a grammar reports when its input does not fit: the line, what was expected there
// and, where it helps, the line as found. The format readers turn it into an InputError.
import type { IRecognitionException, IToken } from 'chevrotain';

export class LineSyntaxError extends Error {
  constructor(
    /** 1-based line number in the whole input. */
    readonly line: number,
    /** One line: what the grammar expected, or what is wrong with the line. */
    readonly detail: string,
    /** The offending line's content (no terminator), to quote after the detail; null to quote nothing. */
    readonly found: string | null = null,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'LineSyntaxError';
  }
}

/** The 1-based line of text[offset], for a run of lines whose first is line `firstLine`. */
export function lineNumberAt(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The content of the line that starts at `offset`, without its terminator. */
export function lineContentAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** Where a parse error is: its token's offset, or the end of the run for end of input. */
export function errorOffset(error: IRecognitionException, text: string): number {
  const offset = (error.token as IToken | undefined)?.startOffset;
  return offset === undefined || Number.isNaN(offset) ? text.length : offset;
}
