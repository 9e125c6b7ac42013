// GC pauses from GC_START/GC_END events. Every capability taking part in a parallel GC
// brackets its work with its own start/end pair, so one pause is the union of overlapping
// intervals across capabilities. Blocks of different capabilities are written out of time
// order, hence intervals are gathered first and merged at the end.

export interface GcPause {
  startNs: number;
  endNs: number;
  /** Oldest generation collected, from GC_STATS (53) when the log has it. */
  generation: number | null;
}

/** A growable list of numbers stored unboxed: a log can hold millions of GCs. */
class NumberList {
  private values = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  get(index: number): number {
    return this.values[index]!;
  }
}

export class GcPauseCollector {
  private readonly openStartNs = new Map<number, number>();
  private readonly starts = new NumberList();
  private readonly ends = new NumberList();
  private readonly statsTimes = new NumberList();
  private readonly statsGenerations = new NumberList();

  gcStart(cap: number, timeNs: number): void {
    this.openStartNs.set(cap, timeNs);
  }

  gcEnd(cap: number, timeNs: number): void {
    const start = this.openStartNs.get(cap);
    if (start === undefined) return;
    this.openStartNs.delete(cap);
    this.starts.push(start);
    this.ends.push(timeNs);
  }

  /** GC_STATS follows the collection it describes (emitted as the GC finishes). */
  gcStats(timeNs: number, generation: number): void {
    this.statsTimes.push(timeNs);
    this.statsGenerations.push(generation);
  }

  pauses(): GcPause[] {
    const order = sortedIndices(this.starts);
    const pauses: GcPause[] = [];
    for (const i of order) {
      const start = this.starts.get(i);
      const end = this.ends.get(i);
      const last = pauses[pauses.length - 1];
      if (last !== undefined && start <= last.endNs) last.endNs = Math.max(last.endNs, end);
      else pauses.push({ startNs: start, endNs: end, generation: null });
    }
    // Each GC_STATS belongs to the last pause that started before it.
    let pause = -1;
    for (const i of sortedIndices(this.statsTimes)) {
      const timeNs = this.statsTimes.get(i);
      while (pause + 1 < pauses.length && pauses[pause + 1]!.startNs <= timeNs) pause++;
      if (pause < 0) continue;
      const target = pauses[pause]!;
      const generation = this.statsGenerations.get(i);
      target.generation = target.generation === null ? generation : Math.max(target.generation, generation);
    }
    return pauses;
  }
}

function sortedIndices(list: NumberList): Uint32Array {
  const indices = new Uint32Array(list.length);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  return indices.sort((a, b) => list.get(a) - list.get(b));
}
