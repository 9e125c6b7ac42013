import { describe, expect, it } from 'vitest';
import { geomeanRatio } from '../../src/analyze/geomean.js';

describe('geomeanRatio', () => {
  it('is the n-th root of the product of new/base ratios', () => {
    // Ratios 2, 3, 1: (2·3·1)^(1/3).
    expect(geomeanRatio([
      [2, 4],
      [1, 3],
      [5, 5],
    ])).toBeCloseTo(Math.cbrt(6), 14);
    // A row that doubles and a row that halves cancel.
    expect(geomeanRatio([
      [10, 20],
      [8, 4],
    ])).toBeCloseTo(1, 14);
  });

  it('swapping base and new gives the reciprocal', () => {
    const pairs: Array<[number, number]> = [
      [120, 100],
      [3.5, 4.2],
      [1e9, 1.3e9],
      [7, 7],
    ];
    const forward = geomeanRatio(pairs)!;
    const backward = geomeanRatio(pairs.map(([base, next]) => [next, base]))!;
    expect(forward * backward).toBeCloseTo(1, 13);
    // Independent: exp of the mean log ratio, computed here.
    const meanLog = pairs.reduce((sum, [base, next]) => sum + Math.log(next / base), 0) / pairs.length;
    expect(forward).toBeCloseTo(Math.exp(meanLog), 13);
  });

  it('leaves out rows where either side is not > 0 (or not finite); null when none remain', () => {
    expect(geomeanRatio([
      [0, 5],
      [4, 0],
      [-1, 2],
      [2, 8],
      [Number.NaN, 1],
      [Number.POSITIVE_INFINITY, 3],
    ])).toBeCloseTo(4, 14);
    expect(geomeanRatio([
      [0, 5],
      [3, 0],
    ])).toBeNull();
    expect(geomeanRatio([])).toBeNull();
  });

  it('does not overflow or underflow with many rows (a raw product would)', () => {
    const up = Array.from({ length: 400 }, (): [number, number] => [1, 10]);
    expect(10 ** 400).toBe(Number.POSITIVE_INFINITY); // what multiplying first would hit
    expect(geomeanRatio(up)).toBeCloseTo(10, 10);
    const down = Array.from({ length: 400 }, (): [number, number] => [1, 0.1]);
    expect(geomeanRatio(down)).toBeCloseTo(0.1, 12);
    expect(geomeanRatio([...up, ...down])).toBeCloseTo(1, 12);
  });
});
