// GC pauses from GC_START/GC_END events. Every capability taking part in a parallel GC
// brackets its work with its own start/end pair, so one pause is the union of overlapping
// intervals across capabilities. Blocks of different capabilities are written out of time
// order, hence intervals are gathered first and merged at the end.
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

  get(index: number): number {
    return this.blocks[index >>> LIST_BLOCK_BITS]![index & LIST_BLOCK_MASK]!;
  }

  setLast(value: number): void {
    const index = this.length - 1;
    this.blocks[index >>> LIST_BLOCK_BITS]![index & LIST_BLOCK_MASK] = value;
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
  private readonly starts = new NumberList();
  private readonly ends = new NumberList();
  private readonly statsTimes = new NumberList();
  private readonly statsGenerations = new NumberList();

  gcStart(cap: number, timeNs: number): void {
    this.openStartNs[cap + 1] = timeNs;
  }

  gcEnd(cap: number, timeNs: number): void {
    const start = this.openStartNs[cap + 1]!;
    if (Number.isNaN(start)) return;
    this.openStartNs[cap + 1] = NaN;
    this.starts.push(start);
    this.ends.push(timeNs);
  }

  /** GC_STATS follows the collection it describes (emitted as the GC finishes). */
  gcStats(timeNs: number, generation: number): void {
    this.statsTimes.push(timeNs);
    this.statsGenerations.push(generation);
  }

  pauses(): GcPauses {
    const starts = this.starts.toArray();
    const ends = this.ends;
    const pauseStarts = new NumberList();
    const pauseEnds = new NumberList();
    let lastEnd = -Infinity;
    for (const i of sortedIndices(starts)) {
      const start = starts[i]!;
      const end = ends.get(i);
      if (pauseStarts.length > 0 && start <= lastEnd) {
        lastEnd = Math.max(lastEnd, end);
        pauseEnds.setLast(lastEnd);
      } else {
        pauseStarts.push(start);
        pauseEnds.push(end);
        lastEnd = end;
      }
    }
    const startsNs = pauseStarts.toArray();
    const generations = new Int32Array(startsNs.length).fill(NO_GENERATION);
    // Each GC_STATS belongs to the last pause that started at or before it.
    const statsTimes = this.statsTimes;
    const statsGenerations = this.statsGenerations;
    let pause = -1;
    for (let i = 0; i < statsTimes.length; i++) {
      const timeNs = statsTimes.get(i);
      // GC_STATS come nearly in time order: most belong to the pause of the one before, or the next.
      if (!isLastAtOrBefore(startsNs, pause, timeNs)) pause = isLastAtOrBefore(startsNs, pause + 1, timeNs) ? pause + 1 : lastAtOrBefore(startsNs, timeNs);
      if (pause >= 0) generations[pause] = Math.max(generations[pause]!, statsGenerations.get(i));
    }
    return { count: startsNs.length, startsNs, endsNs: pauseEnds.toArray(), generations };
  }
}

/** Pause lengths in seconds, sorted ascending: of all pauses, and of those of each generation. */
export interface SortedPauseLengths {
  allSecs: Float64Array;
  /** Ascending by generation; pauses without a generation are only in `allSecs`. */
  byGeneration: Array<{ generation: number; secs: Float64Array }>;
}

/** Sorts each generation's pauses and merges them into all: one sort of every length, not two. */
export function sortedPauseLengths(pauses: GcPauses): SortedPauseLengths {
  // Generations are small numbers: groups by generation + 1, NO_GENERATION's first.
  const counts: number[] = [];
  for (const generation of pauses.generations) counts[generation + 1] = (counts[generation + 1] ?? 0) + 1;
  const groups = Array.from(counts, (count) => new Float64Array(count ?? 0));
  const filled = groups.map(() => 0);
  for (let i = 0; i < pauses.count; i++) {
    const group = pauses.generations[i]! + 1;
    groups[group]![filled[group]!++] = (pauses.endsNs[i]! - pauses.startsNs[i]!) / 1e9;
  }
  for (const group of groups) group.sort();
  return {
    allSecs: groups.reduce(mergeSorted, new Float64Array(0)),
    byGeneration: groups.flatMap((secs, group) => (group === 0 || secs.length === 0 ? [] : [{ generation: group - 1, secs }])),
  };
}

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  const merged = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let at = 0; at < merged.length; at++) merged[at] = j === b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
  return merged;
}

/**
 * Indices of `keys` in ascending order of key, equal keys in index order. A natural merge sort:
 * it merges the runs the keys already form, and the intervals of a log, in file order, are a few
 * dozen runs in time order (each capability's GCs are in order within its blocks), so a handful of
 * passes sort them; a comparator sort costs several times more.
 */
function sortedIndices(keys: Float64Array): Uint32Array {
  let from = new Uint32Array(keys.length);
  let to = new Uint32Array(keys.length);
  for (let i = 0; i < from.length; i++) from[i] = i;
  let runStarts = [0];
  for (let i = 1; i < keys.length; i++) if (keys[i]! < keys[i - 1]!) runStarts.push(i);
  while (runStarts.length > 1) {
    const merged: number[] = [];
    for (let run = 0; run < runStarts.length; run += 2) {
      const low = runStarts[run]!;
      const middle = runStarts[run + 1] ?? keys.length;
      const high = runStarts[run + 2] ?? keys.length;
      mergeRuns(keys, from, to, low, middle, high);
      merged.push(low);
    }
    runStarts = merged;
    [from, to] = [to, from];
  }
  return from;
}

/** Merges the sorted runs `from[low..middle)` and `from[middle..high)` into `to[low..high)`, the first run first on ties. */
function mergeRuns(keys: Float64Array, from: Uint32Array, to: Uint32Array, low: number, middle: number, high: number): void {
  let left = low;
  let right = middle;
  // One loop, not three: code the first calls never reach would cost the optimised loop a bailout.
  for (let at = low; at < high; at++) {
    const takeLeft = right === high || (left < middle && keys[from[left]!]! <= keys[from[right]!]!);
    to[at] = takeLeft ? from[left++]! : from[right++]!;
  }
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
