// Marks a flamegraph of the new build with each frame's change against the base build
// (from a per-stack comparison): the differential flamegraph's colours come from here.
import type { Comparison } from '../analyze/compare.js';
import type { MetricName } from '../model/metric.js';
import type { FlameData } from './flame-data.js';
import { formatMetricValue } from './metric-value.js';

/** Frame paths are `Module.label` names from the root, joined by `;` (the key of stack rows). */
export function framePaths(data: FlameData): string[] {
  const paths: string[] = [];
  data.frames.forEach((frame, index) => {
    paths[index] = frame.parent < 0 ? frame.name : `${paths[frame.parent]};${frame.name}`;
  });
  return paths;
}

/**
 * Colours by the absolute change of each frame's own value (seconds, bytes): relative to the
 * largest significant change, so the frames that cost the most more stand out.
 */
export function withDeltas(data: FlameData, stacks: Comparison, metric: MetricName): FlameData {
  const rows = new Map(stacks.rows.filter((row) => row.metric === metric).map((row) => [row.key, row]));
  const added = new Set(stacks.added.map((row) => row.key));
  let largest = 0;
  for (const row of rows.values()) if (row.significant) largest = Math.max(largest, Math.abs(row.change));
  const paths = framePaths(data);
  return {
    ...data,
    frames: data.frames.map((frame, index) => {
      if (frame.merged) return frame;
      const path = paths[index]!;
      const row = rows.get(path);
      if (row !== undefined) {
        const sign = row.change > 0 ? '+' : row.change < 0 ? '−' : '';
        return {
          ...frame,
          delta: {
            deltaPct: row.deltaPct,
            strength: largest > 0 ? Math.abs(row.change) / largest : 0,
            changeText: `${sign}${formatMetricValue(metric, Math.abs(row.change))}`,
            significant: row.significant,
            status: 'both' as const,
          },
        };
      }
      if (added.has(path)) return { ...frame, delta: { deltaPct: null, significant: false, status: 'added' as const } };
      // Too small to test, or no own cost in either build: shown as unchanged.
      return { ...frame, delta: { deltaPct: 0, significant: false, status: 'both' as const } };
    }),
  };
}
