// Which modules a flamegraph's legend names, the same in the SVG and the HTML page: those with
// individual cost, largest first (ties in the order the frames first show them).
import type { FlameData } from './flame-data.js';

/** Modules a picture's legend names (the largest by individual cost); the rest share the hues. */
const MODULE_LEGEND_ENTRIES = 12;

export function legendModules(data: FlameData, metric: number): string[] {
  const self = new Map<string, number>();
  for (const frame of data.frames) if (!frame.merged) self.set(frame.module, (self.get(frame.module) ?? 0) + (frame.self[metric] ?? 0));
  return [...self]
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MODULE_LEGEND_ENTRIES)
    .map(([module]) => module);
}
