import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/analyze/multiple-comparisons.js';
import { seededRandom } from '../support/seeded-random.js';


/**
 * Holm's procedure run at level alpha, as Holm (1979) states it: walk the p-values in
 * ascending order and reject while p(k) ≤ alpha / (m − k + 1); stop at the first that fails.
 */
function holmRejects(p: readonly number[], alpha: number): boolean[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const rejected = p.map(() => false);
  for (let k = 0; k < order.length; k++) {
    if (p[order[k]!]! > alpha / (p.length - k)) break;
    rejected[order[k]!] = true;
  }
  return rejected;
}

/**
 * Benjamini–Hochberg at level alpha, as the 1995 paper states it: find the largest k with
 * p(k) ≤ k·alpha/m and reject the k smallest p-values.
 */
function bhRejects(p: readonly number[], alpha: number): boolean[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let largest = 0;
  order.forEach((index, k) => {
    if (p[index]! <= ((k + 1) * alpha) / p.length) largest = k + 1;
  });
  const rejected = p.map(() => false);
  for (let k = 0; k < largest; k++) rejected[order[k]!] = true;
  return rejected;
}

function randomPValues(random: () => number, count: number): number[] {
  // A mix of tiny p (real changes), moderate and large ones, with some exact duplicates.
  const values = Array.from({ length: count }, () => {
    const r = random();
    return r < 0.3 ? random() * 0.01 : r < 0.6 ? random() * 0.1 : random();
  });
  if (count > 3) values[count - 1] = values[0]!;
  return values;
}

describe('adjustPValues', () => {
  const example = [0.01, 0.04, 0.03, 0.005];

  it('Holm on a hand-computed example, in the input order', () => {
    // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06.
    const adjusted = adjustPValues(example, 'holm');
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 14));
  });

  it('Benjamini–Hochberg on a hand-computed example, in the input order', () => {
    // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04 → running min from the top.
    const adjusted = adjustPValues(example, 'bh');
    [0.02, 0.04, 0.04, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 14));
  });

  it('caps at 1 and handles a second hand example where the running max/min matter', () => {
    // Holm, sorted [0.02, 0.3, 0.4, 0.5, 0.9] × [5, 4, 3, 2, 1] = [0.1, 1.2, 1.2, 1, 0.9], capped at 1,
    // and the last becomes 1 by the running max.
    const p = [0.5, 0.02, 0.9, 0.3, 0.4];
    const holm = adjustPValues(p, 'holm');
    [1, 0.1, 1, 1, 1].forEach((want, i) => expect(holm[i]).toBeCloseTo(want, 14));
    // BH: ×5/k = [0.1, 0.75, 0.6667, 0.625, 0.9]; running min from the top = [0.1, 0.625, 0.625, 0.625, 0.9].
    const bh = adjustPValues(p, 'bh');
    [0.625, 0.1, 0.9, 0.625, 0.625].forEach((want, i) => expect(bh[i]).toBeCloseTo(want, 14));
  });

  it('adjusted p ≤ alpha exactly where the textbook procedures reject at level alpha', () => {
    const random = seededRandom(42);
    const alphas = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
    for (let trial = 0; trial < 200; trial++) {
      const p = randomPValues(random, 1 + Math.floor(random() * 40));
      const holm = adjustPValues(p, 'holm');
      const bh = adjustPValues(p, 'bh');
      for (const alpha of alphas) {
        // Skip levels that sit on an adjusted value, where rounding decides either way.
        if ([...holm, ...bh].some((v) => Math.abs(v - alpha) < 1e-12)) continue;
        expect(holm.map((v) => v <= alpha)).toEqual(holmRejects(p, alpha));
        expect(bh.map((v) => v <= alpha)).toEqual(bhRejects(p, alpha));
      }
    }
  });

  it('properties: raw ≤ BH ≤ Holm ≤ 1, and both monotone in the order of the raw p', () => {
    const random = seededRandom(9);
    for (let trial = 0; trial < 200; trial++) {
      const p = randomPValues(random, 1 + Math.floor(random() * 60));
      const holm = adjustPValues(p, 'holm');
      const bh = adjustPValues(p, 'bh');
      expect(holm).toHaveLength(p.length);
      expect(bh).toHaveLength(p.length);
      p.forEach((raw, i) => {
        expect(bh[i]!).toBeGreaterThanOrEqual(raw);
        expect(holm[i]!).toBeGreaterThanOrEqual(bh[i]! - 1e-15);
        expect(holm[i]!).toBeLessThanOrEqual(1);
      });
      // Walking the raw p upwards, neither adjusted list may go down; equal raw p, equal adjusted.
      const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
      const violations: string[] = [];
      for (let k = 1; k < order.length; k++) {
        const [lower, upper] = [order[k - 1]!, order[k]!];
        for (const [name, adjusted] of [
          ['holm', holm],
          ['bh', bh],
        ] as const) {
          if (adjusted[lower]! > adjusted[upper]!) violations.push(`${name}: p ${p[lower]} → ${adjusted[lower]} above p ${p[upper]} → ${adjusted[upper]}`);
          if (p[lower] === p[upper] && adjusted[lower] !== adjusted[upper]) violations.push(`${name}: equal p ${p[lower]} adjusted apart`);
        }
      }
      expect(violations).toEqual([]);
    }
  });

  it('one p-value is left as it is; an empty list stays empty', () => {
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'bh')).toEqual([0.03]);
    expect(adjustPValues([], 'holm')).toEqual([]);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });

  it("'none' returns a copy with the same values", () => {
    const p = [0.2, 0.01, 0.5];
    const copy = adjustPValues(p, 'none');
    expect(copy).toEqual(p);
    expect(copy).not.toBe(p);
    copy[0] = 1;
    expect(p[0]).toBe(0.2);
  });

  it('refuses values that are not probabilities', () => {
    expect(() => adjustPValues([0.1, Number.NaN], 'holm')).toThrow(/p-value 1 is not in \[0, 1\]/);
    expect(() => adjustPValues([1.5], 'bh')).toThrow(/not in \[0, 1\]/);
    expect(() => adjustPValues([-0.1], 'none')).toThrow(/not in \[0, 1\]/);
  });
});
