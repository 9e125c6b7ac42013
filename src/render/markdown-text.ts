// Text placed in Markdown (a table cell, a heading, a quoted line, a code block) shows as
// itself when rendered: a name cannot end a table row, open a link or emphasis, close a code
// fence, or become HTML (GitHub and most viewers pass raw HTML through).
import { visibleText } from './program-text.js';

/**
 * One line of Markdown showing the text: visible first (a newline would end the row or the
 * line, program-text.ts), then a backslash before every character Markdown acts on inline —
 * `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `|` (a GFM table's cell separator) and `&`
 * (an entity). CommonMark shows a backslash-escaped ASCII punctuation character literally.
 */
export function markdownText(text: string): string {
  return visibleText(text).replace(/[\\`*_<>[\]|&]/g, '\\$&');
}

/**
 * Lines of already visible text (no line breaks inside) as a fenced code block whose fence no
 * line can close: CommonMark closes a fence only with a run of backticks at least as long as
 * the opening one, so the fence is longer than any run in the lines. Inside it HTML is text.
 */
export function codeBlock(lines: readonly string[]): string[] {
  let longestRun = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [fence, ...lines, fence];
}
