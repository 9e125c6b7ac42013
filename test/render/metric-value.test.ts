// The one way numbers are shown (src/render/metric-value.ts), pinned value by value: text
// tables, the SVG flamegraph, the HTML viewer and the trend charts all print through it.
import { describe, expect, it } from 'vitest';
import { estimateMark, formatAmount, formatInUnit, formatPercent, formatQuantity, formatShare, formatSignedPct } from '../../src/render/metric-value.js';

describe('metric values', () => {
  it('amounts standing alone keep the % of a percentage, and read as in tables otherwise', () => {
    expect(formatAmount(12.34, 'percent')).toBe('12.3%');
    expect(formatAmount(12.34, 'percent')).toBe(`${formatInUnit(12.34, 'percent')}%`);
    expect(formatAmount(0.137, 'seconds')).toBe(formatInUnit(0.137, 'seconds'));
    expect(formatAmount(1536, 'bytes')).toBe('1.50 KiB');
  });

  it('amounts in their unit: seconds, bytes, counts, percent', () => {
    expect(formatInUnit(0, 'seconds')).toBe('0 s');
    expect(formatInUnit(0.000005, 'seconds')).toBe('5.00 µs');
    expect(formatInUnit(0.0012, 'seconds')).toBe('1.20 ms');
    expect(formatInUnit(0.137, 'seconds')).toBe('137.0 ms');
    expect(formatInUnit(2.5, 'seconds')).toBe('2.500 s');
    expect(formatInUnit(512, 'bytes')).toBe('512 B');
    expect(formatInUnit(1536, 'bytes')).toBe('1.50 KiB');
    expect(formatInUnit(1131600104, 'bytes')).toBe('1.05 GiB');
    expect(formatInUnit(2206633, 'count')).toBe('2,206,633');
    expect(formatInUnit(212.18, 'count')).toBe('212');
    expect(formatInUnit(0.5, 'count')).toBe('0.500');
    expect(formatInUnit(12.34, 'percent')).toBe('12.3');
    expect(formatInUnit(0, 'percent')).toBe('0.0');
  });

  it('flamegraph quantities, named; bytes with the exact count beside', () => {
    expect(formatQuantity(240, 'ticks')).toBe('240 ticks');
    expect(formatQuantity(212.17999999999998, 'ticks')).toBe('212 ticks');
    expect(formatQuantity(2206633, 'entries')).toBe('2,206,633 entries');
    expect(formatQuantity(512, 'bytes')).toBe('512 B');
    expect(formatQuantity(1131600104, 'bytes')).toBe('1.05 GiB (1,131,600,104 bytes)');
  });

  it('percentages, signed changes and shares', () => {
    expect(formatPercent(12.34)).toBe('12.3%');
    expect(formatSignedPct(12.345)).toBe('+12.3%');
    expect(formatSignedPct(-4)).toBe('-4.0%');
    expect(formatSignedPct(0)).toBe('+0.0%');
    expect(formatShare(1, 3)).toBe('33.33%');
    expect(formatShare(0, 5)).toBe('0.00%');
    expect(formatShare(1, 0)).toBe('–');
    expect(`${estimateMark(true)}${formatInUnit(0.137, 'seconds')}`).toBe('≈137.0 ms');
    expect(estimateMark(false)).toBe('');
  });
});
