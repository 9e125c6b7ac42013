// GC pauses from GC_START/GC_END events. Every capability taking part in a parallel GC
// brackets its work with its own start/end pair, so one pause is the union of overlapping
// intervals across capabilities. Blocks of different capabilities are written out of time
// order, hence intervals are gathered per capability, whose own events are in time order, and
// the capabilities' lists are merged at the end, two at a time, taking the union as they go:
// no sort (a log whose capability goes back in time, which GHC does not write, is sorted first).
//
// A log can hold millions of GCs: everything is kept in unboxed columns, nothing per GC.

/** Generation of a pause without GC_STATS. */
const NO_GENERATION = -1;

/** The pauses of a log, in time order, as columns. */
export interface GcPauses {
  count: number;
  startsNs: Float64Array;
  endsNs: Float64Array;
  /** Oldest generation collected, from GC_STATS (53) when the log has it, else NO_GENERATION. */
  generations: Int32Array;
}

const LIST_BLOCK_BITS = 14;
const LIST_BLOCK_MASK = (1 << LIST_BLOCK_BITS) - 1;

/** A growable list of numbers stored unboxed, in blocks: growing copies nothing and leaves at most a block unused. */
class NumberList {
  private readonly blocks: Float64Array[] = [];
  length = 0;

  push(value: number): void {
    const slot = this.length & LIST_BLOCK_MASK;
    if (slot === 0) this.blocks.push(new Float64Array(1 << LIST_BLOCK_BITS));
    this.blocks[this.length++ >>> LIST_BLOCK_BITS]![slot] = value;
  }

  /** The values, as one array. */
  toArray(): Float64Array {
    const values = new Float64Array(this.length);
    this.blocks.forEach((block, i) => values.set(block.subarray(0, Math.min(block.length, this.length - (i << LIST_BLOCK_BITS))), i << LIST_BLOCK_BITS));
    return values;
  }
}

/** Capabilities are u16, and -1 stands for none: an open GC's start by capability + 1. */
const CAP_SLOTS = 0x10001;

export class GcPauseCollector {
  /** Start of each capability's open GC, or NaN. */
  private readonly openStartNs = new Float64Array(CAP_SLOTS).fill(NaN);
  /** Each capability's intervals, by capability + 1. */
  private readonly intervalsByCapSlot: CapabilityIntervals[] = [];
  private readonly statsTimes = new NumberList();
  private readonly statsGenerations = new NumberList();

  gcStart(cap: number, timeNs: number): void {
    this.openStartNs[cap + 1] = timeNs;
  }

  gcEnd(cap: number, timeNs: number): void {
    const start = this.openStartNs[cap + 1]!;
    if (Number.isNaN(start)) return;
    this.openStartNs[cap + 1] = NaN;
    let intervals = this.intervalsByCapSlot[cap + 1];
    if (intervals === undefined) intervals = this.intervalsByCapSlot[cap + 1] = { starts: new NumberList(), ends: new NumberList(), lastStartNs: -Infinity, inTimeOrder: true };
    if (start < intervals.lastStartNs) intervals.inTimeOrder = false;
    intervals.lastStartNs = start;
    intervals.starts.push(start);
    intervals.ends.push(timeNs);
  }

  /** GC_STATS follows the collection it describes (emitted as the GC finishes). */
  gcStats(timeNs: number, generation: number): void {
    this.statsTimes.push(timeNs);
    this.statsGenerations.push(generation);
  }

  pauses(): GcPauses {
    // A sparse array: a capability that never ended a GC has no slot, and filter skips it.
    let lists = this.intervalsByCapSlot.filter(() => true).map(sortedByStart);
    // One list is still united with itself: intervals that touch are one pause.
    if (lists.length === 1) lists.push(NO_INTERVALS);
    while (lists.length > 1) lists = Array.from({ length: Math.ceil(lists.length / 2) }, (_, i) => unionOf(lists[2 * i]!, lists[2 * i + 1] ?? NO_INTERVALS));
    const { starts: pauseStarts, ends: pauseEnds, count } = lists[0] ?? NO_INTERVALS;
    const startsNs = pauseStarts.subarray(0, count);
    const generations = new Int32Array(count).fill(NO_GENERATION);
    // Each GC_STATS belongs to the last pause that started at or before it.
    const statsTimes = this.statsTimes.toArray();
    const statsGenerations = this.statsGenerations.toArray();
    let pause = -1;
    for (let i = 0; i < statsTimes.length; i++) {
      const timeNs = statsTimes[i]!;
      // GC_STATS come nearly in time order: most belong to the pause of the one before, or the next.
      if (!isLastAtOrBefore(startsNs, pause, timeNs)) pause = isLastAtOrBefore(startsNs, pause + 1, timeNs) ? pause + 1 : lastAtOrBefore(startsNs, timeNs);
      if (pause >= 0 && statsGenerations[i]! > generations[pause]!) generations[pause] = statsGenerations[i]!;
    }
    return { count, startsNs, endsNs: pauseEnds.subarray(0, count), generations };
  }
}

interface CapabilityIntervals {
  starts: NumberList;
  ends: NumberList;
  lastStartNs: number;
  inTimeOrder: boolean;
}

/** Intervals in ascending order of start, as columns; `count` of them are used. */
interface Intervals {
  starts: Float64Array;
  ends: Float64Array;
  count: number;
}

const NO_INTERVALS: Intervals = { starts: new Float64Array(0), ends: new Float64Array(0), count: 0 };

function sortedByStart(intervals: CapabilityIntervals): Intervals {
  const starts = intervals.starts.toArray();
  const ends = intervals.ends.toArray();
  if (intervals.inTimeOrder) return { starts, ends, count: starts.length };
  // Only for a log GHC would not write: a plain (stable) sort does.
  const order = Array.from(starts.keys()).sort((x, y) => starts[x]! - starts[y]!);
  return { starts: Float64Array.from(order, (i) => starts[i]!), ends: Float64Array.from(order, (i) => ends[i]!), count: starts.length };
}

/**
 * The union of two interval lists, each in ascending order of start: overlapping and touching
 * intervals become one, in ascending order. Indexed loops over typed arrays: this runs once, at
 * the end, mostly before the optimiser has compiled it, where each boxed number costs.
 */
function unionOf(a: Intervals, b: Intervals): Intervals {
  const starts = new Float64Array(a.count + b.count);
  const ends = new Float64Array(a.count + b.count);
  let i = 0;
  let j = 0;
  let count = 0;
  let lastEnd = -Infinity;
  while (i < a.count || j < b.count) {
    const fromA = j === b.count || (i < a.count && a.starts[i]! <= b.starts[j]!);
    const start = fromA ? a.starts[i]! : b.starts[j]!;
    const end = fromA ? a.ends[i++]! : b.ends[j++]!;
    if (count > 0 && start <= lastEnd) {
      if (end > lastEnd) lastEnd = ends[count - 1] = end;
    } else {
      starts[count] = start;
      lastEnd = ends[count] = end;
      count++;
    }
  }
  return { starts, ends, count };
}

/** Pause lengths in seconds, in time order: of all pauses, and of those of each generation. */
export interface PauseLengths {
  allSecs: Float64Array;
  /** Ascending by generation; pauses without a generation are only in `allSecs`. */
  byGeneration: Array<{ generation: number; secs: Float64Array }>;
}

export function pauseLengths(pauses: GcPauses): PauseLengths {
  const allSecs = new Float64Array(pauses.count);
  // Generations are small numbers: groups by generation + 1, NO_GENERATION's first.
  const counts: number[] = [];
  for (let i = 0; i < pauses.count; i++) {
    allSecs[i] = (pauses.endsNs[i]! - pauses.startsNs[i]!) / 1e9;
    const group = pauses.generations[i]! + 1;
    counts[group] = (counts[group] ?? 0) + 1;
  }
  const groups = Array.from(counts, (count) => new Float64Array(count ?? 0));
  const filled = groups.map(() => 0);
  for (let i = 0; i < pauses.count; i++) {
    const group = pauses.generations[i]! + 1;
    groups[group]![filled[group]!++] = allSecs[i]!;
  }
  return {
    allSecs,
    byGeneration: groups.flatMap((secs, group) => (group === 0 || secs.length === 0 ? [] : [{ generation: group - 1, secs }])),
  };
}

/** Whether `index` is the last of the ascending `values` at or below `value` (-1: none is). */
function isLastAtOrBefore(values: Float64Array, index: number, value: number): boolean {
  if (index >= values.length) return false;
  return (index < 0 || values[index]! <= value) && (index + 1 === values.length || values[index + 1]! > value);
}

/** Index of the last of the ascending `values` at or below `value`, or -1. */
function lastAtOrBefore(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
