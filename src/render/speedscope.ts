// speedscope's file format (https://www.speedscope.app/file-format-schema.json): shared
// frames, then one "sampled" profile per metric and per run, each sample a stack of frame
// indices (root first) with a weight: time in nanoseconds when the tick interval is known
// (else in ticks, unit "none"), allocation in bytes.
import { bottomUpCallTree } from '../analyze/bottom-up.js';
import type { CostCentre } from '../model/cost-centre.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';
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

export interface SpeedscopeOptions {
  /**
   * Samples from the inverted call tree (analyze/bottom-up.ts): each stack the cost centre whose
   * individual cost it weighs first, then its callers, outwards.
   */
  bottomUp?: boolean;
}

export function toSpeedscope(runs: readonly SpeedscopeRun[], name: string, exporter: string, options: SpeedscopeOptions = {}): SpeedscopeFile {
  const frames: SpeedscopeFrame[] = [];
  const frameIndex = new Map<string, number>();
  const frameOf = (costCentre: CostCentre): number => {
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
    // The tree's columns, in pre-order: no node objects for a tree of half a million nodes.
    const callTree = compactTreeOf(run.profile);
    if (callTree === null) continue;
    // A bottom-up tree's root stands for no frame: its stacks start one level down.
    const tree = options.bottomUp === true ? bottomUpCallTree(callTree, { order: 'ticks', minSharePct: 0, quantities: run.profile.measures.bytes === 'absent' ? ['ticks'] : ['ticks', 'bytes'] }) : callTree;
    const firstNode = options.bottomUp === true ? 1 : 0;
    const intervalNs = run.profile.metadata.tickIntervalUs !== null ? run.profile.metadata.tickIntervalUs * 1000 : null;
    const metrics: Array<{ label: string; unit: SpeedscopeSampledProfile['unit']; weigh: (node: number) => number }> = [
      intervalNs !== null
        ? { label: 'time', unit: 'nanoseconds', weigh: (node) => Math.round(tree.ticks[node]!) * intervalNs }
        : { label: 'time (ticks)', unit: 'none', weigh: (node) => Math.round(tree.ticks[node]!) },
    ];
    if (run.profile.measures.bytes !== 'absent') metrics.push({ label: 'alloc', unit: 'bytes', weigh: (node) => Math.round(tree.bytes[node]!) });
    // A centre's frame, looked up by name once per tree, not once per node.
    const frameOfCentre = new Int32Array(tree.costCentres.length).fill(-1);
    for (const metric of metrics) {
      const samples: number[][] = [];
      const weights: number[] = [];
      const path: number[] = [];
      for (let node = firstNode; node < tree.size; node++) {
        const centre = tree.centre[node]!;
        if (frameOfCentre[centre] === -1) frameOfCentre[centre] = frameOf(tree.costCentres[centre]!);
        path.length = tree.depth[node]! - firstNode;
        path.push(frameOfCentre[centre]!);
        const weight = metric.weigh(node);
        if (weight > 0) {
          samples.push(path.slice());
          weights.push(weight);
        }
      }
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      profiles.push({ type: 'sampled', name: `${run.name}: ${metric.label}${options.bottomUp === true ? ' (bottom-up)' : ''}`, unit: metric.unit, startValue: 0, endValue: total, samples, weights });
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
