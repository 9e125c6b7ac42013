// speedscope's file format (https://www.speedscope.app/file-format-schema.json): shared
// frames, then one "sampled" profile per metric and per run, each sample a stack of frame
// indices (root first) with a weight: time in nanoseconds when the tick interval is known
// (else in ticks, unit "none"), allocation in bytes.
import type { CallTreeNode } from '../model/call-tree.js';
import type { Profile } from '../model/profile.js';
import { srcPosition } from '../model/src-position.js';

export interface SpeedscopeFrame {
  name: string;
  file?: string;
  line?: number;
  col?: number;
}

export interface SpeedscopeSampledProfile {
  type: 'sampled';
  name: string;
  unit: 'none' | 'nanoseconds' | 'microseconds' | 'milliseconds' | 'seconds' | 'bytes';
  startValue: number;
  endValue: number;
  samples: number[][];
  weights: number[];
}

export interface SpeedscopeFile {
  $schema: 'https://www.speedscope.app/file-format-schema.json';
  shared: { frames: SpeedscopeFrame[] };
  profiles: SpeedscopeSampledProfile[];
  name: string;
  activeProfileIndex: number;
  exporter: string;
}

export interface SpeedscopeRun {
  name: string;
  profile: Profile;
}

export function toSpeedscope(runs: readonly SpeedscopeRun[], name: string, exporter: string): SpeedscopeFile {
  const frames: SpeedscopeFrame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = (node: CallTreeNode): number => {
    const costCentre = node.costCentre;
    const key = `${costCentre.module}\u0000${costCentre.label}\u0000${costCentre.src ?? ''}`;
    let index = frameIndex.get(key);
    if (index === undefined) {
      index = frames.length;
      const frame: SpeedscopeFrame = { name: `${costCentre.module}.${costCentre.label}` };
      const position = srcPosition(costCentre.src);
      if (position !== null) Object.assign(frame, { file: position.file, line: position.line, col: position.col });
      frames.push(frame);
      frameIndex.set(key, index);
    }
    return index;
  };

  const profiles: SpeedscopeSampledProfile[] = [];
  for (const run of runs) {
    const root = run.profile.root;
    if (root === null) continue;
    const intervalNs = run.profile.metadata.tickIntervalUs !== null ? run.profile.metadata.tickIntervalUs * 1000 : null;
    const metrics: Array<{ label: string; unit: SpeedscopeSampledProfile['unit']; weigh: (node: CallTreeNode) => number }> = [
      intervalNs !== null
        ? { label: 'time', unit: 'nanoseconds', weigh: (node) => Math.round(node.ticks) * intervalNs }
        : { label: 'time (ticks)', unit: 'none', weigh: (node) => Math.round(node.ticks) },
    ];
    if (run.profile.measures.bytes !== 'absent') metrics.push({ label: 'alloc', unit: 'bytes', weigh: (node) => Math.round(node.bytes) });
    for (const metric of metrics) {
      const samples: number[][] = [];
      const weights: number[] = [];
      const path: number[] = [];
      const pending: Array<{ node: CallTreeNode; depth: number }> = [{ node: root, depth: 0 }];
      while (pending.length > 0) {
        const { node, depth } = pending.pop()!;
        path.length = depth;
        path.push(frameOf(node));
        const weight = metric.weigh(node);
        if (weight > 0) {
          samples.push(path.slice());
          weights.push(weight);
        }
        for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, depth: depth + 1 });
      }
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      profiles.push({ type: 'sampled', name: `${run.name}: ${metric.label}`, unit: metric.unit, startValue: 0, endValue: total, samples, weights });
    }
  }
  return {
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames },
    profiles,
    name,
    activeProfileIndex: 0,
    exporter,
  };
}
