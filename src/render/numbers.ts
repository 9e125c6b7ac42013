// How numbers are shown in tables: fixed decimals for percentages, thousands separators for counts.

export function formatPct(value: number): string {
  return value.toFixed(1);
}

/** Integers as integers; estimates (fractional) rounded, since they are only as precise as GHC's one-decimal percentages. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Plain digits for machine formats (CSV). */
export function formatPlainCount(value: number): string {
  return String(Math.round(value));
}
