// Integer ticks and bytes for the call-tree rows of a `+RTS -p` text report, which prints
// percentages only, reconciled with the header totals.
//
// Multiplying each printed percentage by the header total drifts: every row is rounded on
// its own, so over many rows the estimates add up to well over or under the run's total.
// What GHC's RTS does pins the true integers down more tightly than each row says alone:
//
// - rts/ProfilerReport.c (logCCS) prints a row's individual and inherited %time and %alloc
//   with `%5.1f` of `(double)ccs->time_ticks / total_prof_ticks * 100` (mem_alloc over
//   total_alloc likewise): a printed value stands for every integer within 0.05 points.
// - rts/Profiling.c: countTickss sums the header totals over exactly the stacks the tree
//   prints (all but the ignored system stacks), and pruneCCSTree drops only stacks without
//   costs, so the rows' integers add up to the header totals exactly; inheritCosts makes a
//   row's inherited cost its own plus its children's inherited costs.
// - reportPerCCCosts prints the flat table: per cost centre the sum over all its stacks
//   (aggregateCCCosts), as `%6.1f` of a single-precision (StgFloat) division, for every
//   centre above 1% of time or alloc. One rounding per centre, where the tree has one per row.
// - mem_alloc counts words; rows and header print `mem_alloc * sizeof(W_)` bytes.
//
// So: stage A gives each cost centre an integer target (the flat table's value where it
// lists the centre, else the sum of its rows' estimates), apportioned by largest remainder
// so that the targets add up to the header total; stage B apportions each centre's target
// over its rows by their estimates. Every value stays within what its printed percentage
// allows; where that interval holds one integer (under 1000 ticks a tick is more than 0.1%),
// it is that integer. If no such values exist (rows missing from a truncated file), nothing
// is forced: the rows keep their own estimates, rounded, and the caller says so.
import { costCentreKey, type CostCentre } from '../../model/cost-centre.js';
import type { PrintedFlatRow } from '../../model/profile.js';

/** The rows of the call tree, in file order, as the estimates need them. */
export interface RowTable {
  /** Index of each row's cost centre in `centres`. */
  centreOf: Int32Array;
  centres: readonly CostCentre[];
  /** Printed individual %time and %alloc. */
  timePct: Float64Array;
  allocPct: Float64Array;
  /** Whether the printed inherited %time (%alloc) of the rows that can miss children agrees with them (`OpenRowCheck`). */
  timeConsistent: boolean;
  allocConsistent: boolean;
}

export interface EstimatedCosts {
  /** Per row, integer ticks and bytes. */
  ticks: Float64Array;
  bytes: Float64Array;
  /** Whether the rows' ticks (bytes) add up to the header total; false: row-by-row estimates, rounded. */
  ticksReconciled: boolean;
  bytesReconciled: boolean;
}

/** Half the last printed digit: `%5.1f` rounds to the nearest 0.1. */
const HALF_DIGIT = 0.05;
/** Slack for a tree row's double-precision percentage landing exactly on a rounding boundary. */
const TREE_SLACK = 1e-9;
/** Slack for the flat table's single-precision division (about 1e-7 relative, up to 100%). */
const FLAT_SLACK = 5e-5;

/**
 * Integer ticks and bytes for every row of a call tree read from a report without ticks and
 * bytes columns, from the printed percentages, the header totals and the flat table.
 */
export function estimateIntegerCosts(table: RowTable, totalTicks: number, totalAllocBytes: number, flatTable: readonly PrintedFlatRow[]): EstimatedCosts {
  let ticks = table.timeConsistent ? reconcile(table, table.timePct, totalTicks, flatColumn(table, flatTable, 'timePct')) : null;
  const ticksReconciled = ticks !== null;
  ticks ??= roundedEstimates(table.timePct, totalTicks);

  let bytes: Float64Array | null = null;
  if (table.allocConsistent) {
    const flatAlloc = flatColumn(table, flatTable, 'allocPct');
    // Count in words where the total allows it: GHC's unit, so a few thousand words pin
    // rows down where bytes would not. A total that is a multiple of 8 by chance on a
    // 32-bit RTS may leave no multiple of 8 for some row: then count in bytes.
    const word = totalAllocBytes % 8 === 0 ? 8 : totalAllocBytes % 4 === 0 ? 4 : 1;
    bytes = reconcile(table, table.allocPct, totalAllocBytes / word, flatAlloc);
    if (bytes !== null) for (let i = 0; i < bytes.length; i++) bytes[i]! *= word;
    else if (word !== 1) bytes = reconcile(table, table.allocPct, totalAllocBytes, flatAlloc);
  }
  const bytesReconciled = bytes !== null;
  bytes ??= roundedEstimates(table.allocPct, totalAllocBytes);
  return { ticks, bytes, ticksReconciled, bytesReconciled };
}

/**
 * Whether the rows a cut file can have lost children under agree with what they printed: a
 * file cut at a line boundary keeps a prefix of the rows in pre-order, so only the rows on the
 * path to the last row can have lost children. Fed the rows in file order, it keeps that path:
 * per open row, its printed inherited value less its individual value and its children's
 * inherited values, which rounding alone keeps near zero (GHC's inheritCosts adds the
 * integers exactly, so a whole file always passes).
 */
export class OpenRowCheck {
  /** Per depth of the open path (typed and grown by hand: the path changes at every row). */
  private unexplained: Float64Array = new Float64Array(256);
  private children: Float64Array = new Float64Array(256);
  private open = 0;

  /** A row at `depth` (0 for the root, at most one below the last row) with its printed individual and inherited value. */
  add(depth: number, individual: number, inherited: number): void {
    if (depth === this.unexplained.length) {
      this.unexplained = grownTo(this.unexplained, 2 * depth);
      this.children = grownTo(this.children, 2 * depth);
    }
    if (depth > 0) {
      this.unexplained[depth - 1]! -= inherited;
      this.children[depth - 1]!++;
    }
    this.unexplained[depth] = inherited - individual;
    this.children[depth] = 0;
    this.open = depth + 1;
  }

  /** Whether every open row's printed numbers agree within their rounding. */
  agrees(): boolean {
    for (let depth = 0; depth < this.open; depth++) {
      if (Math.abs(this.unexplained[depth]!) > (this.children[depth]! + 2) * (HALF_DIGIT + TREE_SLACK)) return false;
    }
    return true;
  }
}

function grownTo(array: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(length);
  grown.set(array);
  return grown;
}

/** The least integer (in units of the total, `perPct` units per percent) that prints as `pct`. */
export function lowest(pct: number, perPct: number): number {
  return Math.max(0, Math.ceil((pct - HALF_DIGIT - TREE_SLACK) * perPct));
}

/** A row-by-row estimate, rounded: what a row gets when the rows cannot be reconciled with the totals. */
export function roundedEstimate(pct: number, total: number): number {
  return Math.round((pct * total) / 100);
}

/** The flat table's value of one measure for the tree's cost centres. */
interface FlatColumn {
  /** Per centre: the printed value, NaN where the table does not list the centre. */
  pct: Float64Array;
  /** Per centre: how many table rows that is the sum of (more than one: centres alike but for SRC, which the file lacks). */
  rows: Int32Array;
  /** Largest printed value of a listed centre with no row in the tree: such a centre must have cost next to nothing. */
  missingPct: number;
}

function flatColumn(table: RowTable, flatTable: readonly PrintedFlatRow[], column: 'timePct' | 'allocPct'): FlatColumn {
  const byKey = new Map<string, number>();
  table.centres.forEach((costCentre, k) => byKey.set(costCentreKey(costCentre), k));
  const pct = new Float64Array(table.centres.length).fill(Number.NaN);
  const rows = new Int32Array(table.centres.length);
  let missingPct = 0;
  for (const row of flatTable) {
    const k = byKey.get(costCentreKey(row));
    if (k === undefined) {
      missingPct = Math.max(missingPct, row[column]);
      continue;
    }
    pct[k] = (rows[k] === 0 ? 0 : pct[k]!) + row[column];
    rows[k]!++;
  }
  return { pct, rows, missingPct };
}

/** The greatest integer (in units of the total, `perPct` units per percent) that prints as `pct`. */
function highest(pct: number, perPct: number): number {
  return Math.floor((pct + HALF_DIGIT + TREE_SLACK) * perPct);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Integer values (in units of `total`) for every row, adding up to `total`, each within its
 * printed interval and each centre within its flat-table interval; null if the printed
 * numbers admit no such values.
 */
function reconcile(table: RowTable, pct: Float64Array, total: number, flat: FlatColumn): Float64Array | null {
  const n = pct.length;
  const centreOf = table.centreOf;
  const perPct = total / 100;
  if (Math.ceil((flat.missingPct - HALF_DIGIT - FLAT_SLACK) * perPct) > 0) return null;

  // Per centre: the sums of its rows' intervals and estimates.
  const centreCount = table.centres.length;
  const rowsLow = new Float64Array(centreCount);
  const rowsHigh = new Float64Array(centreCount);
  const centreEstimate = new Float64Array(centreCount);
  for (let i = 0; i < n; i++) {
    const p = pct[i]!;
    const low = lowest(p, perPct);
    const high = highest(p, perPct);
    if (low > high) return null;
    const k = centreOf[i]!;
    rowsLow[k]! += low;
    rowsHigh[k]! += high;
    centreEstimate[k]! += clamp(p * perPct, low, high);
  }

  // Stage A. The flat table narrows the centres it lists, and its value is the better estimate.
  const centreLow = rowsLow.slice();
  const centreHigh = rowsHigh.slice();
  let sumLow = 0;
  let sumHigh = 0;
  for (let k = 0; k < centreCount; k++) {
    const f = flat.pct[k]!;
    if (!Number.isNaN(f)) {
      const halfWidth = flat.rows[k]! * (HALF_DIGIT + FLAT_SLACK);
      const low = Math.max(rowsLow[k]!, Math.ceil((f - halfWidth) * perPct));
      const high = Math.min(rowsHigh[k]!, Math.floor((f + halfWidth) * perPct));
      if (low <= high) {
        centreLow[k] = low;
        centreHigh[k] = high;
        centreEstimate[k] = clamp(f * perPct, low, high);
      } else if (table.centres[k]!.src !== null) {
        return null;
      }
      // Else a file without SRC (GHC < 8) where two centres share module and label (two
      // instances' `rnf`, one nested in the other): the flat row is one of them, the tree
      // rows are both. Only the rows' own intervals hold.
    }
    sumLow += centreLow[k]!;
    sumHigh += centreHigh[k]!;
  }
  if (total < sumLow || total > sumHigh) return null;
  const centreTarget = new Float64Array(centreCount);
  apportion({ estimate: centreEstimate, low: centreLow, high: centreHigh, out: centreTarget }, 0, centreCount, total);

  // Stage B. Where a centre's target is the sum of its rows' lower (upper) bounds, each row
  // takes that bound: most rows of a big file (rows at 0.0; under 1000 ticks, every row).
  // The other centres' rows are gathered by centre, in file order, and apportioned.
  const values = new Float64Array(n);
  const open = new Uint8Array(centreCount);
  for (let k = 0; k < centreCount; k++) open[k] = rowsLow[k]! < centreTarget[k]! && centreTarget[k]! < rowsHigh[k]! ? 1 : 0;
  const openCount = new Int32Array(centreCount);
  for (let i = 0; i < n; i++) {
    const k = centreOf[i]!;
    if (open[k] === 1) openCount[k]!++;
    else values[i] = centreTarget[k] === rowsLow[k] ? lowest(pct[i]!, perPct) : highest(pct[i]!, perPct);
  }
  const start = new Int32Array(centreCount + 1);
  for (let k = 0; k < centreCount; k++) start[k + 1] = start[k]! + openCount[k]!;
  const openRows = start[centreCount]!;
  if (openRows === 0) return values;
  const gathered: Shares = {
    estimate: new Float64Array(openRows),
    low: new Float64Array(openRows),
    high: new Float64Array(openRows),
    out: new Float64Array(openRows),
  };
  const rowAt = new Int32Array(openRows);
  const next = start.slice(0, centreCount);
  for (let i = 0; i < n; i++) {
    const k = centreOf[i]!;
    if (open[k] === 0) continue;
    const j = next[k]!++;
    const p = pct[i]!;
    rowAt[j] = i;
    gathered.low[j] = lowest(p, perPct);
    gathered.high[j] = highest(p, perPct);
    gathered.estimate[j] = clamp(p * perPct, gathered.low[j], gathered.high[j]);
  }
  for (let k = 0; k < centreCount; k++) if (open[k] === 1) apportion(gathered, start[k]!, start[k + 1]!, centreTarget[k]!);
  for (let j = 0; j < openRows; j++) values[rowAt[j]!] = gathered.out[j]!;
  return values;
}

/** Items to apportion a target over, indexed alike: estimates, integer bounds, and the result. */
interface Shares {
  estimate: Float64Array;
  low: Float64Array;
  high: Float64Array;
  out: Float64Array;
}

/**
 * Sets `out[from..to)` to integers within [low, high] that add up to `target` (which must
 * lie between the sums of the bounds): in proportion to the estimates as far as the bounds
 * allow, then by largest remainder (Hamilton). Items estimated at zero stay at their lower
 * bound unless the others cannot take the target even at their upper bounds; then those
 * share the rest equally.
 */
function apportion(items: Shares, from: number, to: number, target: number): void {
  const { estimate, low, high, out } = items;
  let sumLow = 0;
  let sumHigh = 0;
  let highOfPositives = 0;
  let lowOfZeros = 0;
  for (let j = from; j < to; j++) {
    sumLow += low[j]!;
    sumHigh += high[j]!;
    if (estimate[j]! > 0) highOfPositives += high[j]!;
    else lowOfZeros += low[j]!;
  }
  if (target <= sumLow || target >= sumHigh) {
    out.set((target <= sumLow ? low : high).subarray(from, to), from);
    return;
  }
  const weight = new Float64Array(to - from);
  const positivesSuffice = highOfPositives + lowOfZeros >= target;
  for (let j = from; j < to; j++) {
    const positive = estimate[j]! > 0;
    if (positivesSuffice) {
      weight[j - from] = positive ? estimate[j]! : 0;
      if (!positive) out[j] = low[j]!;
    } else {
      weight[j - from] = positive ? 0 : 1;
      if (positive) out[j] = high[j]!;
    }
  }
  spread(items, from, to, weight, positivesSuffice ? target - lowOfZeros : target - highOfPositives);
  roundToTarget(items, from, to, target);
}

/**
 * Real shares `clamp(λ·weight, low, high)` for the items of positive weight, with λ chosen
 * so that they add up to `target`: proportional shares where no bound binds (tried first),
 * else λ found by bisection, which the sum's monotony in λ allows. What float error leaves
 * over is placed by `roundToTarget`.
 */
function spread(items: Shares, from: number, to: number, weight: Float64Array, target: number): void {
  const { low, high, out } = items;
  let totalWeight = 0;
  let lambdaMax = 0;
  for (let j = from; j < to; j++) {
    const w = weight[j - from]!;
    if (w <= 0) continue;
    totalWeight += w;
    lambdaMax = Math.max(lambdaMax, high[j]! / w);
  }
  if (totalWeight === 0) return;
  const sharesAt = (lambda: number): number => {
    let total = 0;
    for (let j = from; j < to; j++) {
      const w = weight[j - from]!;
      if (w > 0) total += clamp(lambda * w, low[j]!, high[j]!);
    }
    return total;
  };
  let lambda = target / totalWeight;
  if (Math.abs(sharesAt(lambda) - target) > 1e-9 * target) {
    let below = 0;
    let above = lambdaMax;
    for (let step = 0; step < 100 && above - below > above * 1e-13; step++) {
      const middle = (below + above) / 2;
      if (sharesAt(middle) < target) below = middle;
      else above = middle;
    }
    lambda = (below + above) / 2;
  }
  for (let j = from; j < to; j++) {
    const w = weight[j - from]!;
    if (w > 0) out[j] = clamp(lambda * w, low[j]!, high[j]!);
  }
}

/**
 * Rounds the real shares in `out[from..to)` to integers within the bounds adding up to
 * `target`: down first, then one more for the largest fractions (file order breaks ties),
 * and around again should float error in the shares leave more to place.
 */
function roundToTarget(items: Shares, from: number, to: number, target: number): void {
  const { low, high, out } = items;
  const fraction = new Float64Array(to - from);
  const fractional: number[] = [];
  const whole: number[] = [];
  let total = 0;
  for (let j = from; j < to; j++) {
    const share = out[j]!;
    const rounded = clamp(Math.floor(share), low[j]!, high[j]!);
    fraction[j - from] = share - rounded;
    (share !== rounded ? fractional : whole).push(j);
    out[j] = rounded;
    total += rounded;
  }
  let missing = target - total;
  if (missing === 0) return;
  // Beyond 2^53 adding one changes nothing, and placing units one at a time never ends: such
  // totals are held rounded anyway (and warned of: common/inexact-integers.ts).
  if (!Number.isSafeInteger(target) || !Number.isSafeInteger(missing)) return;
  const step = missing > 0 ? 1 : -1;
  // Giving: largest fraction first; taking back (float error only): smallest first. The
  // sort is stable, so ties go in file order; items without a fraction come last.
  fractional.sort((a, b) => step * (fraction[b - from]! - fraction[a - from]!));
  const candidates = fractional.concat(whole);
  while (missing !== 0) {
    let moved = false;
    for (const j of candidates) {
      if (missing === 0) break;
      const value = out[j]! + step;
      if (value < low[j]! || value > high[j]!) continue;
      out[j] = value;
      missing -= step;
      moved = true;
    }
    if (!moved) throw new Error('apportion: target outside the bounds');
  }
}

function roundedEstimates(pct: Float64Array, total: number): Float64Array {
  const values = new Float64Array(pct.length);
  for (let i = 0; i < pct.length; i++) values[i] = roundedEstimate(pct[i]!, total);
  return values;
}
