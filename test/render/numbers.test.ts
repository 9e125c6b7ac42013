// Counts are shown with thousands separators exactly as `toLocaleString('en-US')` writes them,
// without paying for the locale data; checked against the platform itself.
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/render/numbers.js';

describe('formatCount', () => {
  it('groups digits as en-US does, for every length of integer, negative ones, and rounded estimates', () => {
    const values = [0, 1, -1, 12.4, 12.5, -12.5, 999, 1000, -1000, 3_395_554, 2 ** 53, -(2 ** 53), 1e20, 1e21, 1.5e22, Infinity, -Infinity, NaN];
    for (let digits = 1; digits <= 21; digits++) values.push(Number('9'.repeat(digits)), Number('1' + '0'.repeat(digits - 1)), -Number('7'.repeat(digits)));
    for (const value of values) {
      const expected = Math.round(value).toLocaleString('en-US');
      expect(formatCount(value), String(value)).toBe(expected === '-0' ? '0' : expected);
    }
  });
});
