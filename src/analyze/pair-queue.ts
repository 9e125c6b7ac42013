// Pairs of numbers (an interval's start and end, a GC_STATS's time and generation) queued as they
// stream by, unboxed in one typed array.

/** Pairs of numbers, first in first out, unboxed; grows by doubling, reuses what was taken. */
export class PairQueue {
  private values = new Float64Array(64);
  private head = 0;
  private tail = 0;

  get length(): number {
    return (this.tail - this.head) / 2;
  }

  push(first: number, second: number): void {
    if (this.tail + 2 > this.values.length) {
      if (this.head > 0) {
        this.values.copyWithin(0, this.head, this.tail);
        this.tail -= this.head;
        this.head = 0;
      }
      if (this.tail + 2 > this.values.length) {
        const grown = new Float64Array(this.values.length * 2);
        grown.set(this.values.subarray(0, this.tail));
        this.values = grown;
      }
    }
    this.values[this.tail++] = first;
    this.values[this.tail++] = second;
  }

  /**
   * Takes the pairs from the head whose first number is below `limit` (the queue ascending in it),
   * interleaved: a view into the queue, to be read before anything is pushed.
   */
  takeBelow(limit: number): Float64Array {
    const values = this.values;
    const tail = this.tail;
    let end = this.head;
    while (end < tail && values[end]! < limit) end += 2;
    const taken = values.subarray(this.head, end);
    this.head = end;
    if (end === tail) this.head = this.tail = 0;
    return taken;
  }

  /** The pairs in ascending order of first number, equal ones as they came. */
  sortedPairs(): Array<[number, number]> {
    const pairs = Array.from({ length: this.length }, (_, i): [number, number] => [this.values[this.head + 2 * i]!, this.values[this.head + 2 * i + 1]!]);
    return pairs.sort((a, b) => a[0] - b[0]);
  }
}
