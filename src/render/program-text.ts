// Names in profiles are program text: a cost-centre label is whatever an `{-# SCC "…" #-}`
// string held, and -pj JSON and eventlogs carry any character in names, markers and
// arguments. Every text output (text, CSV, Markdown, folded) shows such text through here, so
// that a name can neither drive the terminal (ESC sequences), nor split a line, nor reorder
// what is shown; JSON alone carries the exact text (JSON.stringify escapes control characters).

/**
 * What a terminal, a line-based reader or a bidirectional-text renderer acts on rather than
 * shows: C0 controls (newline, CR, tab and ESC among them), DEL and C1 controls (U+009B is a
 * one-byte CSI to some terminals), the line and paragraph separators U+2028/U+2029, and the
 * bidi formatting characters (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: "Trojan source",
 * CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const NOT_SHOWN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The one notation for a character shown by its code: `\x1b` up to U+00FF, `\u202e` above.
 * A backslash itself is left as is: GHC names such as `main.\` keep theirs, so a name holding
 * the four characters `\x1b` looks like one holding ESC; JSON tells them apart.
 */
export function visibleEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every character of NOT_SHOWN written as its visibleEscape: one line, inert on a terminal. */
export function visibleText(text: string): string {
  return text.replace(NOT_SHOWN, visibleEscape);
}

/**
 * Longest text, in UTF-16 code units, that a human-read output (a text or Markdown table cell,
 * a name on a report line) prints whole. Text tables pad every row of a column to its widest
 * cell, so without a cap one 1 MB name costs a gigabyte of padding; GHC's own names and source
 * spans stay far below it.
 */
export const MAX_SHOWN_CHARS = 200;

const ELLIPSIS = '…';

/** The text cut to `max` code units by dropping its middle (both ends tell names apart), never splitting a surrogate pair. */
export function elideMiddle(text: string, max: number = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let headEnd = Math.ceil((max - ELLIPSIS.length) / 2);
  let tailStart = text.length - Math.floor((max - ELLIPSIS.length) / 2);
  if (isLowSurrogate(text.charCodeAt(headEnd))) headEnd--;
  if (isLowSurrogate(text.charCodeAt(tailStart))) tailStart++;
  return `${text.slice(0, headEnd)}${ELLIPSIS}${text.slice(tailStart)}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A name as a human-read output prints it: visible (visibleText), then at most MAX_SHOWN_CHARS long. */
export function shownName(text: string): string {
  return elideMiddle(visibleText(text));
}
