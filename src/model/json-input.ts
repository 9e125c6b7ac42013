// A small JSON file ghcprof reads whole (a run summary, a workbench meta.json), with errors
// that name a line as every other input's do. JSON.parse says only "at position N" (and not
// always that), and a value of the wrong shape has no position at all once parsed; so the
// line is found again in the text: the line of the offending character, or of the value at
// the path the shape check names.
import { InputError } from './diagnostic.js';

/** The line (from 1) holding character `index` of `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  const end = Math.min(index, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses `text`; a syntax error becomes an InputError naming the line it is on. */
export function parseJsonInput(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const position = /at position (\d+)/.exec(message);
    // No position: the text ended early ("Unexpected end of JSON input"), so its last line.
    const line = lineAt(text, position === null ? text.length : Number(position[1]));
    throw new InputError({ source, line }, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

/** `costCentres[29].callSites` as member names and indices. */
function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? match[1]! : Number(match[2])));
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
}

/** Just past the string starting at `at` (a `"`). */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Just past the value starting at `at`; nesting is counted, not recursed into. */
function skipValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  do {
    const c = text[i];
    if (c === '"') i = skipString(text, i);
    else {
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (depth === 0) {
        while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
        return i;
      }
      i++;
    }
  } while (depth > 0 && i < text.length);
  return i;
}

/** Where the value of member `name` (or element `index`) of the container at `at` starts, or -1. */
function childStart(text: string, at: number, segment: string | number): number {
  const isObject = text[at] === '{';
  let i = skipSpace(text, at + 1);
  for (let index = 0; i < text.length && text[i] !== '}' && text[i] !== ']'; index++) {
    let matches = index === segment;
    if (isObject) {
      const keyEnd = skipString(text, i);
      matches = typeof segment === 'string' && JSON.parse(text.slice(i, keyEnd)) === segment;
      i = skipSpace(text, skipSpace(text, keyEnd) + 1);
    }
    if (matches) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return -1;
}

/**
 * The line of the value at `path` in valid JSON `text`, or of the nearest enclosing value
 * that is there (a missing member is reported where its object is).
 */
export function lineOfJsonPath(text: string, path: string): number {
  let at = skipSpace(text, 0);
  for (const segment of pathSegments(path)) {
    if (text[at] !== '{' && text[at] !== '[') break;
    const child = childStart(text, at, segment);
    if (child === -1) break;
    at = child;
  }
  return lineAt(text, at);
}
