// Splits rows of the flat "top cost centres" table into fields (call-tree rows: see
// tree-row-scanner.ts). A row is read from both ends: the label and module are the first two
// words, the numbers are the last words, and SRC is whatever lies between (it can contain
// spaces: `<no location info>`, Windows paths). docs/formats.md §1.6.
import { scanDecimal, scanUnsigned } from '../common/numbers.js';
import type { TableLayout } from './layout.js';

const SPACE = 32;
const TAB = 9;

/** A row of the flat "top cost centres" table, as printed. */
export interface FlatRowFields {
  label: string;
  module: string;
  /** Null in reports without a SRC column. */
  src: string | null;
  timePct: number;
  allocPct: number;
  /** Null without the `ticks` and `bytes` columns. */
  ticks: number | null;
  bytes: number | null;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * Scans `count` whitespace-separated words backwards from `end`, storing their bounds in
 * `bounds` (rightmost first, as [start, end] pairs). Returns the start of the leftmost one,
 * or -1 if the line runs out before `limit`.
 */
function wordsFromRight(text: string, limit: number, end: number, count: number, bounds: number[]): number {
  let position = end;
  for (let k = 0; k < count; k++) {
    while (position > limit && isBlank(text.charCodeAt(position - 1))) position--;
    const wordEnd = position;
    while (position > limit && !isBlank(text.charCodeAt(position - 1))) position--;
    if (position === wordEnd) return -1;
    bounds[2 * k] = position;
    bounds[2 * k + 1] = wordEnd;
  }
  return position;
}

const scratch: number[] = new Array<number>(16).fill(0);

/** Start of the first word at or after `position`, and its end. */
function nextWord(text: string, position: number, end: number): [number, number] {
  while (position < end && isBlank(text.charCodeAt(position))) position++;
  const start = position;
  while (position < end && !isBlank(text.charCodeAt(position))) position++;
  return [start, position];
}

function trimmedOrNull(text: string, start: number, end: number): string | null {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start < end ? text.slice(start, end) : null;
}

/** Reads one row of the flat "top cost centres" table in text[start, end). */
export function scanFlatRow(text: string, start: number, end: number, layout: TableLayout): FlatRowFields | null {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  const [labelStart, labelEnd] = nextWord(text, start, end);
  if (labelStart === labelEnd) return null;
  const numberCount = layout.hasTicks ? 4 : 2;
  const bounds = scratch;
  const numbersStart = wordsFromRight(text, labelEnd, end, numberCount, bounds);
  if (numbersStart < 0) return null;
  let ticks: number | null = null;
  let bytes: number | null = null;
  let k = 0;
  if (layout.hasTicks) {
    bytes = scanUnsigned(text, bounds[0]!, bounds[1]!);
    ticks = scanUnsigned(text, bounds[2]!, bounds[3]!);
    if (Number.isNaN(bytes) || Number.isNaN(ticks)) return null;
    k = 2;
  }
  const allocPct = scanDecimal(text, bounds[2 * k]!, bounds[2 * k + 1]!);
  const timePct = scanDecimal(text, bounds[2 * k + 2]!, bounds[2 * k + 3]!);
  if (Number.isNaN(allocPct) || Number.isNaN(timePct)) return null;
  const [moduleStart, moduleEnd] = nextWord(text, labelEnd, numbersStart);
  if (moduleStart === moduleEnd) return null;
  const src = layout.hasSrc ? trimmedOrNull(text, moduleEnd, numbersStart) : null;
  if (layout.hasSrc && src === null) return null;
  if (!layout.hasSrc && trimmedOrNull(text, moduleEnd, numbersStart) !== null) return null;
  return {
    label: text.slice(labelStart, labelEnd),
    module: text.slice(moduleStart, moduleEnd),
    src,
    timePct,
    allocPct,
    ticks,
    bytes,
  };
}
