// Sorted runs merged two by two equal one sort of all pairs (stable, in run order), and united
// they equal the sweep of the sorted intervals: both worked out here the plain way.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { mergedPairs } from '../../src/analyze/merged-pairs.js';

function pairsOf(values: Float64Array): Array<[number, number]> {
  return Array.from({ length: values.length / 2 }, (_, i): [number, number] => [values[2 * i]!, values[2 * i + 1]!]);
}

describe('mergedPairs', () => {
  it('merges any number of runs as a stable sort would, and unites overlapping or touching intervals as a sweep does', () => {
    const next = seededRandom(31);
    for (let trial = 0; trial < 300; trial++) {
      const runs = Array.from({ length: Math.floor(next() * 7) }, (_, run) => {
        const pairs: number[] = [];
        let start = Math.floor(next() * 100);
        for (let i = Math.floor(next() * 200); i > 0; i--) {
          start += Math.floor(next() * 30);
          pairs.push(start, start + Math.floor(next() * 40) - (next() < 0.05 ? 60 : 0) + run / 1000);
        }
        return Float64Array.from(pairs);
      });
      const all = runs.flatMap(pairsOf).sort((a, b) => a[0] - b[0]);
      expect(pairsOf(mergedPairs(runs, false)), `trial ${trial}`).toEqual(all);
      const united: Array<[number, number]> = [];
      for (const [start, end] of all) {
        const last = united.at(-1);
        if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
        else united.push([start, end]);
      }
      expect(pairsOf(mergedPairs(runs, true)), `trial ${trial}`).toEqual(united);
    }
  });
});
