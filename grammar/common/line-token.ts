// Building blocks for line-structured formats: every token is one whole line (or a run of
// whole lines), terminator included, and carries what it matched as its payload.
import { createToken, type CustomPatternMatcherReturn, type IToken, type ITokenConfig, type TokenType } from 'chevrotain';

const SPACE = 32;
const TAB = 9;

export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/** End of the line's content: before `\r\n` or `\n`. */
export function contentEnd(text: string, end: number): number {
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * Whether text[start, end) holds nothing but spaces and tabs. Looked at from the end: lines
 * with content rarely end in a blank, however deeply indented they are.
 */
function isBlankContent(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}

/** The match result for the lines text[offset, end], the newline at `end` included. */
export function matchedLine(text: string, offset: number, end: number, payload: unknown): CustomPatternMatcherReturn {
  const image = text.slice(offset, end < text.length ? end + 1 : end);
  const result = [image] as CustomPatternMatcherReturn;
  result.payload = payload;
  return result;
}

/** What a line token matched (see `matchedLine`). */
export function payloadOf<T>(token: IToken): T {
  return (token as unknown as { payload: T }).payload;
}

/** A token for a whole line matched by a regular expression; its groups become the payload. */
export function lineToken(name: string, pattern: RegExp, extra: Partial<ITokenConfig> = {}): TokenType {
  const wholeLine = new RegExp(`^(?:${pattern.source})$`);
  return createToken({
    name,
    line_breaks: true,
    ...extra,
    pattern: (text: string, offset: number) => {
      const end = lineEnd(text, offset);
      const match = wholeLine.exec(text.slice(offset, contentEnd(text, end)));
      return match === null ? null : matchedLine(text, offset, end, match.slice(1));
    },
  });
}

/** A blank line: spaces and tabs only. */
export function blankLineToken(name: string): TokenType {
  return createToken({
    name,
    line_breaks: true,
    pattern: (text: string, offset: number) => {
      const end = lineEnd(text, offset);
      return isBlankContent(text, offset, contentEnd(text, end)) ? matchedLine(text, offset, end, null) : null;
    },
  });
}

/**
 * Any one line, whatever it holds: the last token of a lexer mode, so the lexer never fails
 * and a line no other token takes reaches the parser, which says what it expected there.
 */
export function anyLineToken(name: string): TokenType {
  return createToken({
    name,
    line_breaks: true,
    pattern: (text: string, offset: number) => (offset < text.length ? matchedLine(text, offset, lineEnd(text, offset), null) : null),
  });
}
