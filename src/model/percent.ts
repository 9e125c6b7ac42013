// Shares in percent, computed one way everywhere.

/** `part` as a percentage of `whole`; 0 when the whole is not positive. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
