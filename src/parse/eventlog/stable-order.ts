// The order that sorts events by time and keeps file order among equal times, as ghc-events'
// `sortEvents` (Data.List.sortBy, a stable merge sort) does.
//
// A merge sort of natural runs: the events of one RTS block are nearly always already in time
// order, so a log of a few hundred blocks is a few hundred runs and sorts in a few passes, over
// typed arrays (4 bytes per event for the order and as much for scratch).

/** Indexes 0..times.length-1 ordered by `times`, stable. */
export function stableOrderByTime(times: Float64Array): Uint32Array {
  const count = times.length;
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let bounds: number[] = [0];
  for (let i = 1; i < count; i++) if (times[i]! < times[i - 1]!) bounds.push(i);
  bounds.push(count);
  if (bounds.length <= 2) return order;

  let scratch = new Uint32Array(count);
  while (bounds.length > 2) {
    const merged: number[] = [0];
    let run = 0;
    for (; run + 2 < bounds.length; run += 2) {
      mergeRuns(order, scratch, times, bounds[run]!, bounds[run + 1]!, bounds[run + 2]!);
      merged.push(bounds[run + 2]!);
    }
    if (run + 1 < bounds.length) {
      // An odd run left over: carried to the next pass as it is.
      scratch.set(order.subarray(bounds[run]!, bounds[run + 1]!), bounds[run]!);
      merged.push(bounds[run + 1]!);
    }
    [order, scratch] = [scratch, order];
    bounds = merged;
  }
  return order;
}

/** Merges order[from, middle) and order[middle, to) into target[from, to); ties take the left (earlier) one. */
function mergeRuns(order: Uint32Array, target: Uint32Array, times: Float64Array, from: number, middle: number, to: number): void {
  let left = from;
  let right = middle;
  let out = from;
  while (left < middle && right < to) {
    if (times[order[right]!]! < times[order[left]!]!) target[out++] = order[right++]!;
    else target[out++] = order[left++]!;
  }
  while (left < middle) target[out++] = order[left++]!;
  while (right < to) target[out++] = order[right++]!;
}
