// Number scanning over bytes (ASCII digits), for rows read without decoding them to text: the
// same values as numbers.ts gives for the same characters, computed the same way.

const ZERO = 48;
const NINE = 57;
const DOT = 46;

/** Parses an unsigned decimal integer in bytes[start, end); NaN if anything else is there. */
export function scanUnsignedBytes(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = bytes[i]!;
    if (code < ZERO || code > NINE) return NaN;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/** Parses a non-negative decimal such as `38.3` (as numbers.ts `scanDecimal`); NaN otherwise. */
export function scanDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return NaN;
  let whole = 0;
  let i = start;
  let digits = 0;
  for (; i < end; i++) {
    const code = bytes[i]!;
    if (code === DOT) break;
    if (code < ZERO || code > NINE) return NaN;
    whole = whole * 10 + (code - ZERO);
    digits++;
  }
  if (i === end) return digits > 0 ? whole : NaN;
  let fraction = 0;
  let scale = 1;
  for (i++; i < end; i++) {
    const code = bytes[i]!;
    if (code < ZERO || code > NINE) return NaN;
    fraction = fraction * 10 + (code - ZERO);
    scale *= 10;
  }
  if (digits === 0 && scale === 1) return NaN;
  return whole + fraction / scale;
}
