// How numbers are shown in tables: fixed decimals for percentages, thousands separators for counts.

export function formatPct(value: number): string {
  return value.toFixed(1);
}

/** Integers as integers; estimates (fractional) rounded, since they are only as precise as GHC's one-decimal percentages. */
export function formatCount(value: number): string {
  return groupedDigits(Math.round(value));
}

/** Beyond this, `String` writes an exponent. */
const LARGEST_PLAIN_INTEGER = 1e21;

/**
 * An integer with commas between groups of three digits, as `toLocaleString('en-US')` writes it
 * (but `0` for negative zero). Not `toLocaleString` itself: its first call loads the locale data,
 * about 12 ms, a twentieth of summarising a 68 MB eventlog.
 */
function groupedDigits(integer: number): string {
  if (!Number.isFinite(integer) || Math.abs(integer) >= LARGEST_PLAIN_INTEGER) return integer.toLocaleString('en-US');
  return String(integer).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Plain digits for machine formats (CSV). */
export function formatPlainCount(value: number): string {
  return String(Math.round(value));
}
