// Sorted runs of pairs (interleaved in typed arrays, ascending in the first number) merged into
// one, two by two as in a merge sort: n log k for k runs. United, pairs are intervals and the
// overlapping or touching ones join, which is what the GC-pause settler would make of them.

/** The runs merged, equal first numbers in run order; `unite` joins intervals that overlap or touch. */
export function mergedPairs(runs: readonly Float64Array[], unite: boolean): Float64Array {
  let level = runs.filter((run) => run.length > 0);
  if (level.length === 0) return new Float64Array(0);
  if (level.length === 1 && !unite) return level[0]!;
  if (level.length === 1) return mergeTwo(level[0]!, new Float64Array(0), true);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!, unite) : level[i]!);
    level = next;
  }
  return level[0]!;
}

function mergeTwo(a: Float64Array, b: Float64Array, unite: boolean): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  const aLength = a.length;
  const bLength = b.length;
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < aLength || j < bLength) {
    let first: number;
    let second: number;
    if (j === bLength || (i < aLength && a[i]! <= b[j]!)) {
      first = a[i]!;
      second = a[i + 1]!;
      i += 2;
    } else {
      first = b[j]!;
      second = b[j + 1]!;
      j += 2;
    }
    if (unite && at > 0 && first <= merged[at - 1]!) {
      if (second > merged[at - 1]!) merged[at - 1] = second;
    } else {
      merged[at] = first;
      merged[at + 1] = second;
      at += 2;
    }
  }
  return at === merged.length ? merged : merged.subarray(0, at);
}
