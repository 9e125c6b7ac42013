// GC pauses from GC_START/GC_END events, settled as the log streams by. Every capability taking
// part in a parallel GC brackets its work with its own start/end pair, so one pause is the union
// of overlapping intervals across capabilities, and each GC_STATS (53) gives the pause it belongs
// to (the last that started at or before it) the generation it collected.
//
// Blocks of different capabilities are written out of time order, but each capability's own
// events are in time order. So once every capability that has had a GC has started one at time W
// or later, no interval starting before W is still to come: the intervals and GC_STATS before W
// are merged in time order and settled (the watermark), and only those after W are held. A big log
// holds millions of GCs, and a settled pause is kept as three varints (model/varint-list.ts): where it
// starts after the one before, its length, its generation.
//
// Settling waits until 2^16 intervals are held (1 MB): the RTS flushes a capability's
// 2 MB buffer only when it fills, so a quiet capability's first block can come after thousands of
// another's GCs, and waiting lets it arrive in time. A capability that has stopped taking part in
// GCs would hold the watermark back for ever: when settling to it frees little, everything before
// the latest GC start of any capability settles.
//
// What comes from before the watermark anyway (a capability first seen after a settling, one
// that resumes its GCs after being passed, one that goes back in time, which GHC does not write)
// is kept aside and merged into the settled pauses at the end, exactly as if it had come in time.
// One case stays approximate: a GC_STATS settled with a pause when a late interval, not yet seen,
// starts a pause of its own between that pause and the GC_STATS; GHC posts GC_STATS from a
// capability inside its GC, before the next GC can start, so its logs never show it.
import { mergedPairs } from './merged-pairs.js';
import { PairQueue } from './pair-queue.js';
import { PauseTallies } from './pause-tallies.js';
import { VarintList } from '../model/varint-list.js';

/** Generation of a pause without GC_STATS. */
const NO_GENERATION = -1;
/** Capabilities are u16, and -1 stands for none: state by capability + 1. */
const CAP_SLOTS = 0x10001;
/** Intervals held before a settling, unless the collector is told otherwise (tests). */
const SETTLE_AFTER = 1 << 16;

/** Pauses `0 <= i < count` of a batch; `generations[i]` is -1 for a pause without GC_STATS. */
export interface PauseBatch {
  count: number;
  startsNs: Float64Array;
  endsNs: Float64Array;
  generations: Int32Array;
}

/** The pauses of a log in time order, read as often as needed. */
export interface GcPauses {
  count: number;
  /** The figures read from the pauses as they settled. */
  tallies: PauseTallies;
  /** Visits the pauses in time order, a batch at a time: plain loops over typed arrays, where a call per pause would cost more than the pause's figures. */
  forEachBatch(visit: (batch: PauseBatch) => void): void;
}

const BATCH = 4096;

/** Settled pauses: start after the previous start, length, and generation + 1 doubled plus 1 for a negative length. */
class SettledPauses implements GcPauses {
  private readonly records = new VarintList();
  readonly tallies = new PauseTallies();
  count = 0;
  private lastStartNs = 0;

  add(startNs: number, endNs: number, generation: number): void {
    const length = endNs - startNs;
    this.tallies.add(length, generation);
    this.records.reserve(3);
    this.records.push(startNs - this.lastStartNs);
    this.records.push(Math.abs(length));
    this.records.push(2 * (generation + 1) + (length < 0 ? 1 : 0));
    this.lastStartNs = startNs;
    this.count++;
  }

  forEachBatch(visit: (batch: PauseBatch) => void): void {
    const reader = this.records.reader();
    const batch: PauseBatch = { count: 0, startsNs: new Float64Array(BATCH), endsNs: new Float64Array(BATCH), generations: new Int32Array(BATCH) };
    let startNs = 0;
    while (!reader.done) {
      startNs += reader.next();
      const length = reader.next();
      const flags = reader.next();
      batch.startsNs[batch.count] = startNs;
      batch.endsNs[batch.count] = flags % 2 === 1 ? startNs - length : startNs + length;
      batch.generations[batch.count] = (flags >>> 1) - 1;
      if (++batch.count === BATCH) {
        visit(batch);
        batch.count = 0;
      }
    }
    if (batch.count > 0) visit(batch);
  }
}

/** The pause being built: it grows while intervals overlap it and takes the GC_STATS after it. */
class OpenPause {
  startNs = NaN;
  endNs = NaN;
  generation = NO_GENERATION;

  get isOpen(): boolean {
    return !Number.isNaN(this.startNs);
  }

  /** Whether an interval starting at `startNs`, no earlier than any before it, joins this pause (touching joins). */
  overlaps(startNs: number): boolean {
    return this.isOpen && startNs <= this.endNs;
  }
}

/** Unites intervals and places GC_STATS, in time order, into settled pauses. */
class PauseSettler {
  readonly settled = new SettledPauses();
  private readonly open = new OpenPause();

  interval(startNs: number, endNs: number, generation: number): void {
    const open = this.open;
    if (open.overlaps(startNs)) {
      if (endNs > open.endNs) open.endNs = endNs;
      if (generation > open.generation) open.generation = generation;
      return;
    }
    if (open.isOpen) this.settled.add(open.startNs, open.endNs, open.generation);
    open.startNs = startNs;
    open.endNs = endNs;
    open.generation = generation;
  }

  /** The start of the pause GC_STATS now would belong to, or NaN when none has started. */
  get openStartNs(): number {
    return this.open.startNs;
  }

  stats(generation: number): void {
    if (this.open.isOpen && generation > this.open.generation) this.open.generation = generation;
  }

  finish(): SettledPauses {
    if (this.open.isOpen) this.settled.add(this.open.startNs, this.open.endNs, this.open.generation);
    this.open.startNs = NaN;
    return this.settled;
  }
}

/** A capability's intervals and GC_STATS after the watermark, each in time order, and their latest times. */
class CapabilityHeld {
  readonly intervals = new PairQueue();
  readonly stats = new PairQueue();
  lastStartNs = -Infinity;
  lastStatsNs = -Infinity;
}

export class GcPauseCollector {
  /** Start of each capability's open GC, or NaN. */
  private readonly openStartNs = new Float64Array(CAP_SLOTS).fill(NaN);
  /** What each capability holds, by capability + 1, and the slots in use. */
  private readonly heldBySlot: CapabilityHeld[] = [];
  private readonly slots: number[] = [];
  /** Everything before the watermark when it came: merged in at the end. */
  private readonly lateIntervals = new PairQueue();
  private readonly lateStats = new PairQueue();
  private latestLateStartNs = -Infinity;
  private watermarkNs = -Infinity;
  private heldIntervals = 0;
  private settleAt: number;
  private readonly settler = new PauseSettler();

  constructor(private readonly settleAfter = SETTLE_AFTER) {
    this.settleAt = settleAfter;
  }

  gcStart(cap: number, timeNs: number): void {
    this.openStartNs[cap + 1] = timeNs;
  }

  gcEnd(cap: number, timeNs: number): void {
    const slot = cap + 1;
    const start = this.openStartNs[slot]!;
    if (Number.isNaN(start)) return;
    this.openStartNs[slot] = NaN;
    const held = this.heldOf(slot);
    if (start < this.watermarkNs || start < held.lastStartNs) {
      this.lateIntervals.push(start, timeNs);
      if (start > this.latestLateStartNs) this.latestLateStartNs = start;
      return;
    }
    held.intervals.push(start, timeNs);
    held.lastStartNs = start;
    if (++this.heldIntervals >= this.settleAt) this.settleHeld();
  }

  /** GC_STATS follows the collection it describes (emitted as the GC finishes, by a capability in it). */
  gcStats(cap: number, timeNs: number, generation: number): void {
    const held = this.heldOf(cap + 1);
    if (timeNs < this.watermarkNs || timeNs < held.lastStatsNs) {
      this.lateStats.push(timeNs, generation);
      return;
    }
    held.stats.push(timeNs, generation);
    held.lastStatsNs = timeNs;
  }

  /** Intervals and GC_STATS held, not yet settled (for tests of memory). */
  get held(): number {
    return this.slots.reduce((sum, slot) => sum + this.heldBySlot[slot]!.intervals.length + this.heldBySlot[slot]!.stats.length, 0);
  }

  /** The pauses; the collector takes no more events after. */
  pauses(): GcPauses {
    this.settle(Infinity);
    const settled = this.settler.finish();
    if (this.lateIntervals.length === 0 && this.lateStats.length === 0) return settled;
    return withLate(settled, this.lateIntervals.sortedPairs(), this.lateStats.sortedPairs());
  }

  private heldOf(slot: number): CapabilityHeld {
    let held = this.heldBySlot[slot];
    if (held === undefined) {
      held = this.heldBySlot[slot] = new CapabilityHeld();
      this.slots.push(slot);
    }
    return held;
  }

  private settleHeld(): void {
    let earliest = Infinity;
    let latest = -Infinity;
    let earliestOpen = Infinity;
    for (const slot of this.slots) {
      const lastStartNs = this.heldBySlot[slot]!.lastStartNs;
      const openStartNs = this.openStartNs[slot]!;
      if (openStartNs < earliestOpen) earliestOpen = openStartNs;
      if (lastStartNs === -Infinity) continue;
      if (lastStartNs < earliest) earliest = lastStartNs;
      if (lastStartNs > latest) latest = lastStartNs;
    }
    // Every capability with a GC has started one at `earliest` or later.
    this.settle(earliest);
    // Little freed: a capability far behind, or no longer in GCs; what it writes before `latest`
    // will be late. Never past a GC still open: its GC_STATS, held already, wait for its interval.
    if (this.heldIntervals >= this.settleAfter / 2) this.settle(Math.min(latest, earliestOpen));
    // However little a settling freed, the next waits for as many new intervals.
    this.settleAt = this.heldIntervals + this.settleAfter;
  }

  /** Settles the intervals and GC_STATS before `watermarkNs`, in time order (intervals first at equal times). */
  private settle(watermarkNs: number): void {
    if (watermarkNs <= this.watermarkNs) return;
    const intervalRuns: Float64Array[] = [];
    const statsRuns: Float64Array[] = [];
    for (const slot of this.slots) {
      const held = this.heldBySlot[slot]!;
      const intervals = held.intervals.takeBelow(watermarkNs);
      this.heldIntervals -= intervals.length / 2;
      intervalRuns.push(intervals);
      statsRuns.push(held.stats.takeBelow(watermarkNs));
    }
    // The union of the intervals is what the settler would make of them one by one.
    const united = mergedPairs(intervalRuns, true);
    const stats = mergedPairs(statsRuns, false);
    let stat = 0;
    for (let i = 0; i < united.length; i += 2) {
      const startNs = united[i]!;
      for (; stat < stats.length && stats[stat]! < startNs; stat += 2) this.settleStats(stats[stat]!, stats[stat + 1]!);
      this.settler.interval(startNs, united[i + 1]!, NO_GENERATION);
    }
    for (; stat < stats.length; stat += 2) this.settleStats(stats[stat]!, stats[stat + 1]!);
    this.watermarkNs = watermarkNs;
  }

  private settleStats(timeNs: number, generation: number): void {
    const owner = this.settler.openStartNs;
    // With no pause started yet, or a late interval starting after the open pause, the GC_STATS
    // may belong to a pause not yet known: it waits for the late ones.
    if (Number.isNaN(owner) || this.latestLateStartNs > owner) this.lateStats.push(timeNs, generation);
    else this.settler.stats(generation);
  }
}

/** The settled pauses with the late intervals and GC_STATS merged in, in time order. */
function withLate(settled: SettledPauses, lateIntervals: Array<[number, number]>, lateStats: Array<[number, number]>): SettledPauses {
  const settler = new PauseSettler();
  let interval = 0;
  let stat = 0;
  const lateUpTo = (timeNs: number): void => {
    for (;;) {
      const intervalStart = interval < lateIntervals.length ? lateIntervals[interval]![0] : Infinity;
      const statTime = stat < lateStats.length ? lateStats[stat]![0] : Infinity;
      if (intervalStart <= statTime && intervalStart <= timeNs && intervalStart !== Infinity) {
        settler.interval(intervalStart, lateIntervals[interval++]![1], NO_GENERATION);
      } else if (statTime < intervalStart && statTime < timeNs) {
        settler.stats(lateStats[stat++]![1]);
      } else {
        return;
      }
    }
  };
  settled.forEachBatch(({ count, startsNs, endsNs, generations }) => {
    for (let i = 0; i < count; i++) {
      lateUpTo(startsNs[i]!);
      settler.interval(startsNs[i]!, endsNs[i]!, generations[i]!);
    }
  });
  lateUpTo(Infinity);
  return settler.finish();
}
