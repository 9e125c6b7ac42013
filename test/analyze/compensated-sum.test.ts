// One value at a time, the compensated sum is the very number simple-statistics' `sum` gives
// for the array: values of mixed magnitudes and signs, where a naive sum drifts.
import { sum } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { CompensatedSum } from '../../src/analyze/compensated-sum.js';

describe('CompensatedSum', () => {
  it('equals sum(values) bit for bit', () => {
    const next = seededRandom(17);
    let drifted = 0;
    for (let trial = 0; trial < 500; trial++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 3000) }, () => (next() - 0.5) * 10 ** Math.floor(next() * 30 - 15));
      const compensated = new CompensatedSum();
      for (const value of values) compensated.add(value);
      expect(compensated.value, `trial ${trial}`).toBe(sum(values));
      if (values.reduce((total, value) => total + value, 0) !== sum(values)) drifted++;
    }
    expect(drifted, 'the trials include sums where plain addition differs').toBeGreaterThan(0);
  });

  it('is 0 with no values, and the value itself with one', () => {
    expect(new CompensatedSum().value).toBe(0);
    const one = new CompensatedSum();
    one.add(-3.25);
    expect(one.value).toBe(-3.25);
  });
});
