// The data a flamegraph is drawn from, independent of how it is drawn (SVG, HTML viewer):
// a frame tree flattened in pre-order, with a value per metric. Built from any Profile
// (a .prof, an eventlog's samples, an aggregate of runs) by `flameDataFromProfile`.
import type { CallTreeNode } from '../model/call-tree.js';
import { AMOUNT_METRICS, metricUnavailableReason, nodeQuantity, METRICS, type AmountMetric, type Quantity } from '../model/metric.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';

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
}

function ownValue(node: CallTreeNode, metric: AmountMetric): number {
  return nodeQuantity(node, METRICS[metric].quantity);
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
  const root = profile.root;
  if (root !== null) {
    // Inclusive values per node, bottom-up, for every metric (entries are not inherited by GHC; we sum them).
    const inclusive = new Map<CallTreeNode, number[]>();
    const order: CallTreeNode[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      order.push(node);
      for (const child of node.children) stack.push(child);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      const values = metricKeys.map((metric) => ownValue(node, metric));
      for (const child of node.children) {
        const childValues = inclusive.get(child)!;
        for (let m = 0; m < values.length; m++) values[m]! += childValues[m]!;
      }
      inclusive.set(node, values);
    }
    const rootTotals = inclusive.get(root)!;
    const visible = (node: CallTreeNode): boolean =>
      inclusive.get(node)!.some((value, m) => rootTotals[m]! > 0 && percent(value, rootTotals[m]!) >= options.minWidthPct);

    const pending: Array<{ node: CallTreeNode; parent: number }> = [{ node: root, parent: -1 }];
    while (pending.length > 0) {
      const { node, parent } = pending.pop()!;
      const index = frames.length;
      frames.push({
        name: `${node.costCentre.module}.${node.costCentre.label}`,
        module: node.costCentre.module,
        src: node.costCentre.src,
        parent,
        total: inclusive.get(node)!,
        self: metricKeys.map((metric) => ownValue(node, metric)),
        merged: false,
      });
      const small: CallTreeNode[] = [];
      const shown: CallTreeNode[] = [];
      for (const child of node.children) (visible(child) ? shown : small).push(child);
      if (small.length > 0) {
        // One frame per parent stands for all children too narrow to see.
        const total = metricKeys.map((_, m) => small.reduce((sum, child) => sum + inclusive.get(child)![m]!, 0));
        if (total.some((value) => value > 0)) {
          let hidden = 0;
          for (const child of small) {
            const count = [child];
            while (count.length > 0) {
              const next = count.pop()!;
              hidden++;
              count.push(...next.children);
            }
          }
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
