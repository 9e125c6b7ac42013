// The data a flamegraph is drawn from, independent of how it is drawn (SVG, HTML viewer):
// a frame tree flattened in pre-order, with a value per metric. Built from any Profile
// (a .prof, an eventlog's samples, an aggregate of runs) by `flameDataFromProfile`.
import { BOTTOM_UP_ROOT, bottomUpCallTree } from '../analyze/bottom-up.js';
import { childLinks, quantityColumn } from '../model/compact-call-tree.js';
import { AMOUNT_METRICS, metricUnavailableReason, METRICS, type AmountMetric, type Quantity } from '../model/metric.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';


export interface FlameMetric {
  key: AmountMetric;
  /** What the values count: `ticks`, `bytes`, `entries`. */
  unit: Quantity;
  label: string;
  /** The values are estimates (ticks or bytes from `-p` percentages). */
  estimated: boolean;
}

/** How a frame changed against a base build (differential flamegraphs). */
export interface FlameDelta {
  /** Change of the frame's own value, in percent of the base value (null when only in one build). */
  deltaPct: number | null;
  /**
   * How strongly to colour the frame, 0 to 1: its absolute change of own value against the
   * largest change among the frames, so a big cost centre that moved a little outweighs a
   * tiny one that doubled. Absent: from `deltaPct`.
   */
  strength?: number;
  /** The absolute change as text in the metric's unit (`+12.0 ms`). */
  changeText?: string;
  significant: boolean;
  status: 'both' | 'added' | 'removed';
}

export interface FlameFrame {
  /** `Module.label`, or a summary such as `12 small frames` for merged ones. */
  name: string;
  module: string;
  src: string | null;
  /** Index of the parent frame in `frames`; -1 for the root. */
  parent: number;
  /** Inclusive value per metric (same order as `FlameData.metrics`). */
  total: number[];
  /** The frame's own value per metric. */
  self: number[];
  /** True for a frame standing for several frames too small to draw. */
  merged: boolean;
  delta?: FlameDelta;
}

export interface FlameData {
  title: string;
  /** Shown under the title: source, totals, what was merged. */
  subtitle: string[];
  metrics: FlameMetric[];
  /** Pre-order: a parent comes before its children; frames[0] is the root. */
  frames: FlameFrame[];
  /** Frames of the original tree folded into `merged` frames, and why. */
  mergedFrames: number;
}

export interface FlameDataOptions {
  /** Metrics to include; the first is the default one drawn. */
  metrics: AmountMetric[];
  /**
   * Frames whose inclusive share of the root is below this percentage (for every metric)
   * are merged into one frame per parent, so huge trees stay drawable.
   */
  minWidthPct: number;
  title?: string;
  /**
   * Draw the inverted call tree (analyze/bottom-up.ts): under one root for the whole program,
   * every cost centre with an individual cost, above each its callers.
   */
  bottomUp?: boolean;
}

/** The metrics a profile can be drawn by. */
export function drawableMetrics(profile: Profile): AmountMetric[] {
  return AMOUNT_METRICS.filter((metric) => metricUnavailableReason(profile.measures, metric) === null);
}

export function flameDataFromProfile(profile: Profile, options: FlameDataOptions): FlameData {
  const metricKeys = options.metrics;
  const metrics = metricKeys.map(
    (key): FlameMetric => ({ key, unit: METRICS[key].quantity, label: METRICS[key].noun, estimated: profile.measures[METRICS[key].quantity] === 'approximate' }),
  );
  const frames: FlameFrame[] = [];
  let mergedFrames = 0;
  const callTree = compactTreeOf(profile);
  // The inverted tree is cut where every drawn metric is under the narrowest frame: what lies
  // beyond would be merged away, and the whole of it is a node per chain of callers.
  const tree =
    callTree !== null && options.bottomUp === true
      ? bottomUpCallTree(callTree, { order: METRICS[metricKeys[0]!].quantity, minSharePct: options.minWidthPct, quantities: metricKeys.map((key) => METRICS[key].quantity) })
      : callTree;
  if (tree !== null && tree.size > 0) {
    const count = metricKeys.length;
    const own = metricKeys.map((metric) => quantityColumn(tree, METRICS[metric].quantity));
    const { firstChild, nextSibling } = childLinks(tree);
    // Inclusive values per node and metric (entries are not inherited by GHC; we sum them), and
    // nodes per subtree; children come after their parent, so one backward pass.
    const inclusive = new Float64Array(count * tree.size);
    const subtreeNodes = new Int32Array(tree.size).fill(1);
    for (let node = tree.size - 1; node >= 0; node--) {
      for (let m = 0; m < count; m++) {
        let value = own[m]![node]!;
        for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) value += inclusive[child * count + m]!;
        inclusive[node * count + m] = value;
      }
      if (node > 0) subtreeNodes[tree.parent[node]!]! += subtreeNodes[node]!;
    }
    const totalsOf = (node: number): number[] => Array.from(inclusive.subarray(node * count, node * count + count));
    const visible = (node: number): boolean => {
      for (let m = 0; m < count; m++) {
        const rootTotal = inclusive[m]!;
        if (rootTotal > 0 && percent(inclusive[node * count + m]!, rootTotal) >= options.minWidthPct) return true;
      }
      return false;
    };

    const pending: Array<{ node: number; parent: number }> = [{ node: 0, parent: -1 }];
    while (pending.length > 0) {
      const { node, parent } = pending.pop()!;
      const index = frames.length;
      const costCentre = tree.costCentres[tree.centre[node]!]!;
      frames.push({
        name: costCentre === BOTTOM_UP_ROOT ? costCentre.label : `${costCentre.module}.${costCentre.label}`,
        module: costCentre.module,
        src: costCentre.src,
        parent,
        total: totalsOf(node),
        self: own.map((column) => column[node]!),
        merged: false,
      });
      const small: number[] = [];
      const shown: number[] = [];
      for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) (visible(child) ? shown : small).push(child);
      if (small.length > 0) {
        // One frame per parent stands for all children too narrow to see.
        const total = metricKeys.map((_, m) => small.reduce((sum, child) => sum + inclusive[child * count + m]!, 0));
        if (total.some((value) => value > 0)) {
          const hidden = small.reduce((sum, child) => sum + subtreeNodes[child]!, 0);
          mergedFrames += hidden;
          frames.push({
            name: `${hidden} frame${hidden === 1 ? '' : 's'} under ${options.minWidthPct}%`,
            module: '',
            src: null,
            parent: index,
            total,
            self: total,
            merged: true,
          });
        }
      }
      for (let i = shown.length - 1; i >= 0; i--) pending.push({ node: shown[i]!, parent: index });
    }
  }
  const subtitle = [`${profile.metadata.source} (${profile.metadata.format})`];
  if (options.bottomUp === true) subtitle.push('bottom-up: next to the root each cost centre by its individual cost, outwards from it its callers, then theirs');
  if (mergedFrames > 0) subtitle.push(`${mergedFrames} frames narrower than ${options.minWidthPct}% of the total are merged into one frame per parent`);
  return {
    // No metric in the default title: the HTML viewer switches metrics under it.
    title: options.title ?? (profile.metadata.program ?? 'profile'),
    subtitle,
    metrics,
    frames,
    mergedFrames,
  };
}
