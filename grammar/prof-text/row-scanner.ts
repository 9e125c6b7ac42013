// Splits report rows into fields. A row is read from both ends: the label and module are
// the first two words, the numbers are the last words, and SRC is whatever lies between
// (it can contain spaces: `<no location info>`, Windows paths). docs/formats.md §1.6.
import { scanDecimal, scanUnsigned } from '../common/numbers.js';
import type { TableLayout } from './layout.js';

const SPACE = 32;
const TAB = 9;

/** The four percentage columns of a call-tree row, as printed (one decimal). */
export interface RowPercentages {
  individualTimePct: number;
  individualAllocPct: number;
  inheritedTimePct: number;
  inheritedAllocPct: number;
}

/**
 * One row's percentages; a class so that every row shares one hidden class (a builder can
 * keep these objects as they are, one per tree node).
 */
class PrintedRow implements RowPercentages {
  constructor(
    readonly individualTimePct: number,
    readonly individualAllocPct: number,
    readonly inheritedTimePct: number,
    readonly inheritedAllocPct: number,
  ) {}
}

/**
 * A run of call-tree rows, column by column. Rows are the bulk of a report (458,767 in
 * big.prof); columns of plain arrays hold numbers unboxed and cost no object per row.
 */
export class TreeRowBatch {
  /** Leading spaces: one per level, the root MAIN at 0. */
  readonly depths: number[] = [];
  readonly labels: string[] = [];
  readonly modules: string[] = [];
  readonly srcs: Array<string | null> = [];
  /** The `no.` column; -1 when old GHC jammed it against the module (see `jammed`). */
  readonly stackIds: number[] = [];
  /** GHC < 8 could print a long module name and a 6-digit stack number with no space between (trac #8811). */
  readonly jammed: Array<string | null> = [];
  readonly entries: number[] = [];
  /** The four percentage columns. */
  readonly printed: RowPercentages[] = [];
  /** Individual ticks and bytes (`-P`, `-pa`); -1 without those columns. */
  readonly ticks: number[] = [];
  readonly bytes: number[] = [];

  get length(): number {
    return this.depths.length;
  }
}

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

function endsInDigit(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  return end > start && code >= 48 && code <= 57;
}

/**
 * Reads one call-tree row in text[start, end) (no line terminator) into `batch`. Returns
 * false, adding nothing, when the line is not a row of this layout.
 */
export function scanTreeRow(text: string, start: number, end: number, layout: TableLayout, batch: TreeRowBatch): boolean {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  let position = start;
  while (position < end && text.charCodeAt(position) === SPACE) position++;
  const depth = position - start;
  const [labelStart, labelEnd] = nextWord(text, position, end);
  if (labelStart === labelEnd) return false;

  // Numbers on the right: entries, 4 percentages, then ticks and bytes with -P/-pa.
  const numberCount = layout.hasTicks ? 7 : 5;
  const bounds = scratch;
  const numbersStart = wordsFromRight(text, labelEnd, end, numberCount, bounds);
  if (numbersStart < 0) return false;
  let ticks = -1;
  let bytes = -1;
  let k = 0;
  if (layout.hasTicks) {
    bytes = scanUnsigned(text, bounds[0]!, bounds[1]!);
    ticks = scanUnsigned(text, bounds[2]!, bounds[3]!);
    if (Number.isNaN(bytes) || Number.isNaN(ticks)) return false;
    k = 2;
  }
  const inheritedAllocPct = scanDecimal(text, bounds[2 * k]!, bounds[2 * k + 1]!);
  const inheritedTimePct = scanDecimal(text, bounds[2 * k + 2]!, bounds[2 * k + 3]!);
  const individualAllocPct = scanDecimal(text, bounds[2 * k + 4]!, bounds[2 * k + 5]!);
  const individualTimePct = scanDecimal(text, bounds[2 * k + 6]!, bounds[2 * k + 7]!);
  const entries = scanUnsigned(text, bounds[2 * k + 8]!, bounds[2 * k + 9]!);
  if (
    Number.isNaN(inheritedAllocPct) ||
    Number.isNaN(inheritedTimePct) ||
    Number.isNaN(individualAllocPct) ||
    Number.isNaN(individualTimePct) ||
    Number.isNaN(entries)
  ) {
    return false;
  }

  // The stack number, just left of the numbers.
  const idStart = wordsFromRight(text, labelEnd, numbersStart, 1, bounds);
  if (idStart < 0) return false;
  const idEnd = bounds[1]!;
  const stackId = scanUnsigned(text, idStart, idEnd);
  const [moduleStart, moduleEnd] = nextWord(text, labelEnd, idStart);
  let module: string;
  let src: string | null = null;
  let jammed: string | null = null;
  if (!Number.isNaN(stackId) && moduleStart < moduleEnd) {
    // Between module and number lies SRC, or nothing in reports without that column.
    src = trimmedOrNull(text, moduleEnd, idStart);
    if (layout.hasSrc !== (src !== null)) return false;
    module = text.slice(moduleStart, moduleEnd);
  } else if (!layout.hasSrc && moduleStart === moduleEnd && endsInDigit(text, idStart, idEnd)) {
    // No separate stack number: the word left of the numbers is module and number run together.
    jammed = text.slice(idStart, idEnd);
    module = '';
  } else {
    return false;
  }
  batch.depths.push(depth);
  batch.labels.push(text.slice(labelStart, labelEnd));
  batch.modules.push(module);
  batch.srcs.push(src);
  batch.stackIds.push(jammed === null ? stackId : -1);
  batch.jammed.push(jammed);
  batch.entries.push(entries);
  batch.printed.push(new PrintedRow(individualTimePct, individualAllocPct, inheritedTimePct, inheritedAllocPct));
  batch.ticks.push(ticks);
  batch.bytes.push(bytes);
  return true;
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
