// Colours of a differential flamegraph: red for frames that cost more in the new build,
// blue for less; saturation grows with the size of the change (the absolute change of the
// frame's own value, where the caller gives it), but only for significant
// changes (others stay pale grey); frames found only in the new build are purple.
import type { FlameDelta } from './flame-data.js';
import { formatSignedPct } from './metric-value.js';

export function deltaColour(delta: FlameDelta | undefined): string {
  if (delta === undefined) return 'hsl(0, 0%, 85%)';
  if (delta.status === 'added') return 'hsl(280, 60%, 70%)';
  if (delta.status === 'removed') return 'hsl(0, 0%, 70%)';
  if (!delta.significant || delta.deltaPct === null) return 'hsl(0, 0%, 88%)';
  const strength = delta.strength ?? Math.min(1, Math.abs(delta.deltaPct) / 50);
  const saturation = Math.round(35 + 60 * strength);
  const lightness = Math.round(80 - 30 * strength);
  return delta.deltaPct > 0 ? `hsl(0, ${saturation}%, ${lightness}%)` : `hsl(215, ${saturation}%, ${lightness}%)`;
}

export function describeDelta(delta: FlameDelta | undefined): string {
  if (delta === undefined) return '';
  if (delta.status === 'added') return 'only in the new build';
  if (delta.status === 'removed') return 'only in the base build';
  if (delta.deltaPct === null) return 'base was 0';
  const amount = delta.changeText !== undefined ? `${delta.changeText}, ` : '';
  return `${amount}${formatSignedPct(delta.deltaPct)} ${delta.significant ? '(significant)' : '(not significant)'}`;
}
