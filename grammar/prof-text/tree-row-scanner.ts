// Splits call-tree rows into fields straight from the bytes of the file: rows are the bulk of
// a report (458,767 in big.prof), so no row is decoded to text and no field becomes a string.
// Names are handed on as byte ranges; the reader decodes each cost centre's once.
//
// A row is read from both ends: the label and module are the first two words, the numbers are
// the last words, and SRC is whatever lies between (it can contain spaces:
// `<no location info>`, Windows paths). docs/formats.md §1.6.
//
// GHC pads every column to the widest entry of the file, so about half a row is runs of spaces:
// blanks and words are crossed four bytes at a time, then byte by byte where a run ends
// (11% off `folded` on 180 MB of rows).
import { scanDecimalBytes, scanUnsignedBytes } from '../common/byte-numbers.js';
import type { TableLayout } from './layout.js';

const SPACE = 32;
const TAB = 9;
/** Four spaces read as one big-endian 32-bit word. */
const FOUR_SPACES = 0x20202020;
const FOUR_TABS = 0x09090909;
const CR = 13;
const DOT = 46;

/** Float64 columns of one row batch, in this order per row. */
const NUMBER_COLUMNS = 9;
export const STACK_ID = 0;
export const ENTRIES = 1;
export const INDIVIDUAL_TIME_PCT = 2;
export const INDIVIDUAL_ALLOC_PCT = 3;
export const INHERITED_TIME_PCT = 4;
export const INHERITED_ALLOC_PCT = 5;
/** Individual ticks and bytes (`-P`, `-pa`); -1 without those columns. */
export const TICKS = 6;
export const BYTES = 7;
/** 1 when old GHC ran module and stack number together (trac #8811): the module range then holds both. */
export const JAMMED = 8;

/** Int32 columns: the depth (leading spaces), then [start, end) of label, module and SRC (-1, -1: none). */
const RANGE_COLUMNS = 7;
export const DEPTH = 0;
export const LABEL = 1;
export const MODULE = 3;
export const SRC = 5;

/**
 * A run of call-tree rows as two flat columns of numbers, reused from run to run: no object
 * per row. `bytes` is the text the ranges point into.
 */
export class TreeRowBatch {
  bytes: Uint8Array = new Uint8Array(0);
  /** `bytes` read four at a time: GHC pads its columns with runs of spaces (half a row's bytes). */
  view: DataView = new DataView(new ArrayBuffer(0));
  length = 0;
  numbers = new Float64Array(NUMBER_COLUMNS * 1024);
  ranges = new Int32Array(RANGE_COLUMNS * 1024);

  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = 0;
  }

  number(row: number, column: number): number {
    return this.numbers[row * NUMBER_COLUMNS + column]!;
  }

  range(row: number, column: number): number {
    return this.ranges[row * RANGE_COLUMNS + column]!;
  }

  /** Room for one more row; returns its index. */
  grow(): number {
    const row = this.length;
    if ((row + 1) * NUMBER_COLUMNS > this.numbers.length) {
      const numbers = new Float64Array(this.numbers.length * 2);
      numbers.set(this.numbers);
      this.numbers = numbers;
      const ranges = new Int32Array(this.ranges.length * 2);
      ranges.set(this.ranges);
      this.ranges = ranges;
    }
    return row;
  }
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The bounds of the word `wordFromRight` found. */
const bounds = new Int32Array(2);

/**
 * Scans one blank-separated word backwards from `end` into `bounds`. Returns its start, or -1
 * if the line runs out before `limit`.
 */
function wordFromRight(bytes: Uint8Array, limit: number, end: number): number {
  let position = end;
  while (position > limit && isBlank(bytes[position - 1]!)) position--;
  const wordEnd = position;
  while (position > limit && !isBlank(bytes[position - 1]!)) position--;
  if (position === wordEnd) return -1;
  bounds[0] = position;
  bounds[1] = wordEnd;
  return position;
}

/**
 * The numbers at the end of a row are read right to left in one pass over their bytes, each
 * word's value built as its digits go by: `cursor` is where the next word to the left ends.
 * Values are those numbers.ts gives reading left to right: integers are exact either way up to
 * 15 digits, and longer words are read again left to right; a decimal is its whole part plus
 * its fraction over its scale, as there.
 */
let cursor = 0;
/** The view of the row's bytes, for the scan of one row (set by `scanTreeRow`). */
let view: DataView = new DataView(new ArrayBuffer(0));

/** `position` moved left past blanks down to `limit`: runs of four spaces a word at a time, then byte by byte. */
function blanksLeftOf(bytes: Uint8Array, limit: number, position: number): number {
  while (position - 4 >= limit && view.getUint32(position - 4) === FOUR_SPACES) position -= 4;
  while (position > limit && isBlank(bytes[position - 1]!)) position--;
  return position;
}

/**
 * `position` moved right to the first blank before `limit`, four bytes at a time while none of
 * them is a space or a tab (a word holds a zero byte once XORed with the blank exactly when
 * `(x - 0x01010101) & ~x & 0x80808080` is not zero).
 */
function wordEndFrom(bytes: Uint8Array, position: number, limit: number): number {
  while (position + 4 <= limit) {
    const word = view.getUint32(position);
    const spaces = word ^ FOUR_SPACES;
    const tabs = word ^ FOUR_TABS;
    if ((((spaces - 0x01010101) & ~spaces) | ((tabs - 0x01010101) & ~tabs)) & 0x80808080) break;
    position += 4;
  }
  while (position < limit && !isBlank(bytes[position]!)) position++;
  return position;
}

/** `position` moved right past blanks up to `limit`, as `blanksLeftOf`. */
function blanksRightOf(bytes: Uint8Array, position: number, limit: number): number {
  while (position + 4 <= limit && view.getUint32(position) === FOUR_SPACES) position += 4;
  while (position < limit && isBlank(bytes[position]!)) position++;
  return position;
}

/** The unsigned integer word left of `cursor` (moving it to the word's start); NaN if there is none or it is not one. */
function unsignedLeftOf(bytes: Uint8Array, limit: number): number {
  let position = blanksLeftOf(bytes, limit, cursor);
  const end = position;
  let value = 0;
  let scale = 1;
  for (; position > limit; position--) {
    const digit = bytes[position - 1]! - 48;
    if (digit < 0 || digit > 9) break;
    value += digit * scale;
    scale *= 10;
  }
  cursor = position;
  if (position === end || (position > limit && !isBlank(bytes[position - 1]!))) return NaN;
  return end - position > 15 ? scanUnsignedBytes(bytes, position, end) : value;
}

/** The decimal word (`38.3`, `100.0`) left of `cursor`, moving it to the word's start; NaN if it is none. */
function decimalLeftOf(bytes: Uint8Array, limit: number): number {
  let position = blanksLeftOf(bytes, limit, cursor);
  const end = position;
  let value = 0;
  let scale = 1;
  let fraction = 0;
  let fractionScale = 1;
  let dot = -1;
  for (; position > limit; position--) {
    const code = bytes[position - 1]!;
    if (code === DOT) {
      if (dot >= 0) return NaN;
      dot = position - 1;
      fraction = value;
      fractionScale = scale;
      value = 0;
      scale = 1;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) break;
    value += digit * scale;
    scale *= 10;
  }
  cursor = position;
  if (position === end || (position > limit && !isBlank(bytes[position - 1]!))) return NaN;
  if (end - position > 15) return scanDecimalBytes(bytes, position, end);
  if (dot < 0) return value;
  // As scanDecimal: a lone dot is no number; `.5` and `5.` are.
  if (dot === position && fractionScale === 1) return NaN;
  return value + fraction / fractionScale;
}

/**
 * Reads the row in bytes[start, end) (no `\n`) into the batch, whose bytes `bytes` are
 * (`batch.reset`). Returns false, adding nothing, when the line is not a row of this layout.
 */
export function scanTreeRow(bytes: Uint8Array, start: number, end: number, layout: TableLayout, batch: TreeRowBatch): boolean {
  view = batch.view;
  while (end > start && (isBlank(bytes[end - 1]!) || bytes[end - 1] === CR)) end--;
  let position = start;
  // Not `blanksRightOf`: the depth is a count of spaces, and a tab there is no indentation.
  while (position + 4 <= end && view.getUint32(position) === FOUR_SPACES) position += 4;
  while (position < end && bytes[position] === SPACE) position++;
  const depth = position - start;
  const labelStart = position;
  position = wordEndFrom(bytes, position, end);
  const labelEnd = position;
  if (labelStart === labelEnd) return false;

  // Numbers on the right: entries, 4 percentages, then ticks and bytes with -P/-pa.
  cursor = end;
  let ticks = -1;
  let allocated = -1;
  if (layout.hasTicks) {
    allocated = unsignedLeftOf(bytes, labelEnd);
    ticks = unsignedLeftOf(bytes, labelEnd);
    if (Number.isNaN(allocated) || Number.isNaN(ticks)) return false;
  }
  const inheritedAllocPct = decimalLeftOf(bytes, labelEnd);
  const inheritedTimePct = decimalLeftOf(bytes, labelEnd);
  const individualAllocPct = decimalLeftOf(bytes, labelEnd);
  const individualTimePct = decimalLeftOf(bytes, labelEnd);
  const entries = unsignedLeftOf(bytes, labelEnd);
  if (
    Number.isNaN(inheritedAllocPct) ||
    Number.isNaN(inheritedTimePct) ||
    Number.isNaN(individualAllocPct) ||
    Number.isNaN(individualTimePct) ||
    Number.isNaN(entries)
  ) {
    return false;
  }
  const numbersStart = cursor;

  // The stack number, just left of the numbers: read as the numbers are, and found again as a
  // plain word when it is none (module and number run together).
  let stackId = unsignedLeftOf(bytes, labelEnd);
  let idStart = cursor;
  let idEnd = numbersStart;
  if (Number.isNaN(stackId)) {
    idStart = wordFromRight(bytes, labelEnd, numbersStart);
    if (idStart < 0) return false;
    idEnd = bounds[1]!;
    stackId = scanUnsignedBytes(bytes, idStart, idEnd);
  } else {
    idEnd = blanksLeftOf(bytes, idStart, idEnd);
  }
  position = blanksRightOf(bytes, labelEnd, idStart);
  const moduleStart = position;
  position = wordEndFrom(bytes, position, idStart);
  const moduleEnd = position;
  let module0 = moduleStart;
  let module1 = moduleEnd;
  let src0 = -1;
  let src1 = -1;
  let jammed = 0;
  if (!Number.isNaN(stackId) && moduleStart < moduleEnd) {
    // Between module and number lies SRC, or nothing in reports without that column.
    const s = blanksRightOf(bytes, moduleEnd, idStart);
    const e = blanksLeftOf(bytes, s, idStart);
    if (s < e) {
      src0 = s;
      src1 = e;
    }
    if (layout.hasSrc !== src0 >= 0) return false;
  } else if (!layout.hasSrc && moduleStart === moduleEnd && idEnd > idStart && bytes[idEnd - 1]! >= 48 && bytes[idEnd - 1]! <= 57) {
    // No separate stack number: the word left of the numbers is module and number run together.
    jammed = 1;
    module0 = idStart;
    module1 = idEnd;
  } else {
    return false;
  }
  const row = batch.grow();
  const n = row * NUMBER_COLUMNS;
  const numbers = batch.numbers;
  numbers[n + STACK_ID] = jammed === 1 ? -1 : stackId;
  numbers[n + ENTRIES] = entries;
  numbers[n + INDIVIDUAL_TIME_PCT] = individualTimePct;
  numbers[n + INDIVIDUAL_ALLOC_PCT] = individualAllocPct;
  numbers[n + INHERITED_TIME_PCT] = inheritedTimePct;
  numbers[n + INHERITED_ALLOC_PCT] = inheritedAllocPct;
  numbers[n + TICKS] = ticks;
  numbers[n + BYTES] = allocated;
  numbers[n + JAMMED] = jammed;
  const r = row * RANGE_COLUMNS;
  const ranges = batch.ranges;
  ranges[r + DEPTH] = depth;
  ranges[r + LABEL] = labelStart;
  ranges[r + LABEL + 1] = labelEnd;
  ranges[r + MODULE] = module0;
  ranges[r + MODULE + 1] = module1;
  ranges[r + SRC] = src0;
  ranges[r + SRC + 1] = src1;
  batch.length = row + 1;
  return true;
}
