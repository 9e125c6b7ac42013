// Number scanning for line-structured formats, by hand: report rows are parsed millions of
// times, and slicing a substring per field just to call parseFloat would dominate the profile.

const ZERO = 48;
const NINE = 57;
const DOT = 46;

/** Parses an unsigned decimal integer in text[start, end); NaN if anything else is there. */
export function scanUnsigned(text: string, start: number, end: number): number {
  if (start >= end) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) return NaN;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/** Parses a non-negative decimal such as `38.3` or `100.0` (GHC prints `%5.1f`); NaN otherwise. */
export function scanDecimal(text: string, start: number, end: number): number {
  if (start >= end) return NaN;
  let whole = 0;
  let i = start;
  let digits = 0;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) break;
    if (code < ZERO || code > NINE) return NaN;
    whole = whole * 10 + (code - ZERO);
    digits++;
  }
  if (i === end) return digits > 0 ? whole : NaN;
  let fraction = 0;
  let scale = 1;
  for (i++; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) return NaN;
    fraction = fraction * 10 + (code - ZERO);
    scale *= 10;
  }
  if (digits === 0 && scale === 1) return NaN;
  return whole + fraction / scale;
}

/** `1,131,600,104` → 1131600104 (the header's total alloc uses thousands separators). */
export function parseGroupedInteger(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** A decimal as C's `%f` or `%g` prints it (`0.500000`, `12`, `1e-05`), as a regular-expression group. */
export const DECIMAL_GROUP = '([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)';
