// What a table header told us about the columns of the rows below it.
// GHC sizes columns per file (docs/formats.md §1.3), so rows are split by content; the header
// only says which optional columns exist.

export interface TableLayout {
  /** A SRC column (GHC >= 8.0.2). */
  hasSrc: boolean;
  /** `ticks` and `bytes` columns (`+RTS -P` or `-pa`). */
  hasTicks: boolean;
}

const SPACE_RUN = /\s+/;

/** Reads the column names of a table header line such as `COST CENTRE MODULE SRC no. entries %time ...`. */
export function layoutFromHeader(line: string): TableLayout {
  const names = line.trim().split(SPACE_RUN);
  return { hasSrc: names.includes('SRC'), hasTicks: names.includes('ticks') && names.includes('bytes') };
}
