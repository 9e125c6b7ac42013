// Building blocks for line-structured formats: every token is one whole line, terminator
// included, and carries what it matched as its payload.
import { createToken, type CustomPatternMatcherReturn, type ITokenConfig, type TokenType } from 'chevrotain';

export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/** End of the line's content: before `\r\n` or `\n`. */
export function contentEnd(text: string, end: number): number {
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The match result for the line text[offset, end], its newline included. */
export function matchedLine(text: string, offset: number, end: number, payload: unknown): CustomPatternMatcherReturn {
  const image = text.slice(offset, end < text.length ? end + 1 : end);
  const result = [image] as CustomPatternMatcherReturn;
  result.payload = payload;
  return result;
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
