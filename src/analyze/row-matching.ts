// Matches aggregated rows of two builds. Cost centres match by module + label; SRC only
// tells apart several centres of one module with the same label, because line numbers
// shift between builds (one added line moves every location below it). Rows found in one
// build only are reported as added or removed.
import { srcLine } from '../model/src-position.js';
import type { AggregateRow } from './aggregate.js';

export interface RowMatch {
  base: AggregateRow | null;
  next: AggregateRow | null;
}

/** Identity across builds: module and label (the key of stack rows is already a SRC-free path). */
function looseKey(row: AggregateRow, bySrcFreeKey: boolean): string {
  return bySrcFreeKey ? row.key : `${row.module}\u0000${row.label}`;
}

/** Starting line of a SRC, for pairing same-named centres in source order. */
function firstLine(src: string | null): number {
  return srcLine(src) ?? Number.MAX_SAFE_INTEGER;
}

export function matchRows(base: readonly AggregateRow[], next: readonly AggregateRow[], bySrcFreeKey = false): RowMatch[] {
  const group = (rows: readonly AggregateRow[]): Map<string, AggregateRow[]> => {
    const groups = new Map<string, AggregateRow[]>();
    for (const row of rows) {
      const key = looseKey(row, bySrcFreeKey);
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [row]);
      else list.push(row);
    }
    return groups;
  };
  const baseGroups = group(base);
  const nextGroups = group(next);
  const matches: RowMatch[] = [];
  for (const [key, baseRows] of baseGroups) {
    const nextRows = [...(nextGroups.get(key) ?? [])];
    nextGroups.delete(key);
    if (baseRows.length === 1 && nextRows.length === 1) {
      matches.push({ base: baseRows[0]!, next: nextRows[0]! });
      continue;
    }
    // Several centres share module and label: same SRC first, then the rest in source order.
    const unmatchedBase: AggregateRow[] = [];
    for (const row of baseRows) {
      const same = nextRows.findIndex((candidate) => candidate.src === row.src);
      if (same >= 0) matches.push({ base: row, next: nextRows.splice(same, 1)[0]! });
      else unmatchedBase.push(row);
    }
    unmatchedBase.sort((a, b) => firstLine(a.src) - firstLine(b.src));
    nextRows.sort((a, b) => firstLine(a.src) - firstLine(b.src));
    unmatchedBase.forEach((row, i) => matches.push({ base: row, next: nextRows[i] ?? null }));
    for (const row of nextRows.slice(unmatchedBase.length)) matches.push({ base: null, next: row });
  }
  for (const rows of nextGroups.values()) for (const row of rows) matches.push({ base: null, next: row });
  return matches;
}
