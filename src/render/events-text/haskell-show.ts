// Haskell's `show` for strings and lists of strings (GHC.Show `showLitString`), as ghc-events
// prints program arguments and environment, and its printable-bytes rendering of binary messages.

const ASCII_CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

function showHaskellString(text: string): string {
  let shown = '"';
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < codePoints.length; i++) {
    const code = codePoints[i]!;
    const next = codePoints[i + 1];
    if (code === 0x22) shown += '\\"';
    else if (code === 0x5c) shown += '\\\\';
    else if (code >= 0x20 && code < 0x7f) shown += String.fromCodePoint(code);
    else if (code === 0x7f) shown += '\\DEL';
    else if (code > 0x7f) {
      // A numeric escape is separated by `\&` from a digit that follows it.
      shown += `\\${code}`;
      if (next !== undefined && next >= 0x30 && next <= 0x39) shown += '\\&';
    } else {
      shown += `\\${ASCII_CONTROL_NAMES[code]}`;
      // "\SO" followed by "H" would read as "\SOH".
      if (code === 0x0e && next === 0x48) shown += '\\&';
    }
  }
  return `${shown}"`;
}

export function showHaskellStringList(items: readonly string[]): string {
  return `[${items.map(showHaskellString).join(',')}]`;
}

/**
 * A binary payload as ghc-events shows it (`replaceUnprintableWith '.'`): decoded as UTF-8 with
 * each invalid byte replaced by '.', then every character Haskell's `isPrint` rejects replaced too.
 */
export function printableBytes(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const [code, length] = decodeUtf8CodePoint(bytes, i);
    text += code < 0 || !isPrintable(code) ? '.' : String.fromCodePoint(code);
    i += length;
  }
  return text;
}

/** One UTF-8 code point at `at`: [code, bytes used], or [-1, 1] for an invalid byte. */
function decodeUtf8CodePoint(bytes: Uint8Array, at: number): [number, number] {
  const first = bytes[at]!;
  if (first < 0x80) return [first, 1];
  let length: number;
  let code: number;
  let minimum: number;
  if (first >= 0xc2 && first <= 0xdf) [length, code, minimum] = [2, first & 0x1f, 0x80];
  else if (first >= 0xe0 && first <= 0xef) [length, code, minimum] = [3, first & 0x0f, 0x800];
  else if (first >= 0xf0 && first <= 0xf4) [length, code, minimum] = [4, first & 0x07, 0x10000];
  else return [-1, 1];
  if (at + length > bytes.length) return [-1, 1];
  for (let k = 1; k < length; k++) {
    const continuation = bytes[at + k]!;
    if ((continuation & 0xc0) !== 0x80) return [-1, 1];
    code = (code << 6) | (continuation & 0x3f);
  }
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return [-1, 1];
  return [code, length];
}

/** Haskell's `isPrint`: not a control, format, surrogate, private-use, unassigned or line/paragraph separator. */
function isPrintable(code: number): boolean {
  return !/[\p{C}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(code));
}
