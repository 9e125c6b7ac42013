// Finds where a JSON text first goes wrong. V8's JSON.parse messages no longer carry a
// position, and a user needs a line to look at. Runs only after JSON.parse has failed.

const WHITESPACE = /[ \t\r\n]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

function skip(pattern: RegExp, text: string, position: number): number {
  pattern.lastIndex = position;
  return pattern.exec(text) ? pattern.lastIndex : -1;
}

/** Offset of the first character that cannot continue valid JSON; `text.length` if the text ends too early. */
export function jsonErrorOffset(text: string): number {
  // Explicit stack of open containers: '{' expects a key next, ':' a value after a key, '[' a value.
  const open: string[] = [];
  let position = skip(WHITESPACE, text, 0);
  let expectValue = true;
  for (;;) {
    position = skip(WHITESPACE, text, position);
    if (position >= text.length) return open.length === 0 && !expectValue ? -1 : text.length;
    const char = text[position]!;
    const top = open[open.length - 1];
    if (expectValue) {
      if (char === '{' || char === '[') {
        open.push(char);
        position++;
        const next = skip(WHITESPACE, text, position);
        if (text[next] === (char === '{' ? '}' : ']')) {
          open.pop();
          position = next + 1;
          expectValue = false;
        } else if (char === '{') {
          if (text[next] !== '"') return next;
          const afterKey = skip(STRING, text, next);
          if (afterKey < 0) return next;
          const colon = skip(WHITESPACE, text, afterKey);
          if (text[colon] !== ':') return colon;
          position = colon + 1;
        }
        continue;
      }
      const end = Math.max(skip(STRING, text, position), skip(NUMBER, text, position), skip(LITERAL, text, position));
      if (end < 0) return position;
      position = end;
      expectValue = false;
      continue;
    }
    if (top === undefined) return position;
    if (char === ',') {
      position++;
      if (top === '{') {
        const key = skip(WHITESPACE, text, position);
        const afterKey = skip(STRING, text, key);
        if (afterKey < 0) return key;
        const colon = skip(WHITESPACE, text, afterKey);
        if (text[colon] !== ':') return colon;
        position = colon + 1;
      }
      expectValue = true;
    } else if (char === (top === '{' ? '}' : ']')) {
      open.pop();
      position++;
    } else {
      return position;
    }
  }
}
