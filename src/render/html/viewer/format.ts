// Numbers as the viewer shows them: values with their unit, shares in percent, changes.
// Built on the formatters the text and SVG renderers use (src/render/bytes.ts, numbers.ts);
// esbuild bundles those into the page with this module. No DOM here: Node tests call it too.
import { formatBytes } from '../../bytes.js';
import { formatCount } from '../../numbers.js';

/** Thousands separators; fractional values (estimates) keep up to two decimals. */
function grouped(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A value in its FlameMetric unit (`ticks`, `entries`, `bytes`); bytes in binary units with the exact count beside. */
export function formatValue(value: number, unit: string): string {
  if (unit !== 'bytes') return `${grouped(value)} ${unit}`;
  // formatBytes keeps plain bytes below 1 KiB; there the count alone says it all.
  if (Math.abs(value) < 1024) return `${grouped(value)} B`;
  return `${formatBytes(value)} (${formatCount(value)} bytes)`;
}

/** `part` as a percentage of `whole`, two decimals; a dash when the whole is zero. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) return '–';
  return `${((part / whole) * 100).toFixed(2)}%`;
}

/** A change in percent with its sign: `+12.3%`, `−4.0%`, `±0.0%`. */
export function formatChange(deltaPct: number): string {
  const sign = deltaPct > 0 ? '+' : deltaPct < 0 ? '−' : '±';
  return `${sign}${Math.abs(deltaPct).toFixed(1)}%`;
}
