// Marks a flamegraph of the new build with each frame's change against the base build
// (from a per-stack comparison): the differential flamegraph's colours come from here.
import type { RunMetric } from '../analyze/aggregate.js';
import type { Comparison } from '../analyze/compare.js';
import type { FlameData } from './flame-data.js';

/** Frame paths are `Module.label` names from the root, joined by `;` (the key of stack rows). */
export function framePaths(data: FlameData): string[] {
  const paths: string[] = [];
  data.frames.forEach((frame, index) => {
    paths[index] = frame.parent < 0 ? frame.name : `${paths[frame.parent]};${frame.name}`;
  });
  return paths;
}

export function withDeltas(data: FlameData, stacks: Comparison, metric: RunMetric): FlameData {
  const rows = new Map(stacks.rows.filter((row) => row.metric === metric).map((row) => [row.key, row]));
  const added = new Set(stacks.added.map((row) => row.key));
  const paths = framePaths(data);
  return {
    ...data,
    frames: data.frames.map((frame, index) => {
      if (frame.merged) return frame;
      const path = paths[index]!;
      const row = rows.get(path);
      if (row !== undefined) return { ...frame, delta: { deltaPct: row.deltaPct, significant: row.significant, status: 'both' as const } };
      if (added.has(path)) return { ...frame, delta: { deltaPct: null, significant: false, status: 'added' as const } };
      // Too small to test, or no own cost in either build: shown as unchanged.
      return { ...frame, delta: { deltaPct: 0, significant: false, status: 'both' as const } };
    }),
  };
}
