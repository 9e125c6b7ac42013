// The bottom-up (inverted, "callers") view of a call tree, as profiterole and ghcprofview show
// it: each root is a cost centre with its individual cost summed over every call site; its
// children are its callers, theirs the callers' callers, each node carrying the part of the
// root's individual cost that was spent under that chain of callers.
//
// Recursion is counted once per stack, as in the inherited columns (cost-centre-totals.ts): a
// call site's chain of callers climbs towards MAIN and is cut just below the next enclosing
// occurrence of the root's own cost centre, which is never a caller of itself. So no node below
// a root names the root's cost centre, and a chain through recursion (C ← B ← C ← A) stops at
// B: the cost is counted once, at the innermost entry, not again under the outer call's callers.
// (GHC's own `pushCostCentre` in rts/Profiling.c ignores a push of a cost centre already on the
// stack, so profiles from GHC 7.4 on rarely hold such stacks; older ones, eventlogs and profiles
// with several cost centres of one module, label and SRC can.)
//
// Built depth first from a stack of pending nodes, never by recursion over the tree's depth. A
// pending node holds the call-tree nodes its chain has reached ("positions"), those that share a
// position merged, with the costs they carry: every step up moves each position to its parent,
// so the work is the sum of the chains' lengths, and less where a node is pruned by depth or share.
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import type { CompactCallTree } from '../model/compact-call-tree.js';
import { METRICS, QUANTITIES, type AmountMetric, type Quantity } from '../model/metric.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';
import { costCentreTotals, profileTotals } from './cost-centre-totals.js';
import { rankTotals } from './ranking.js';

/** The inverted tree, in pre-order (a node, then its callers' subtrees); roots at depth 0. */
export interface BottomUpForest {
  /** One per cost centre (module, label and SRC), indexed by `centre`. */
  costCentres: CostCentre[];
  size: number;
  centre: Int32Array;
  /** -1 for a root. */
  parent: Int32Array;
  depth: Int32Array;
  /** The root's individual costs spent under this node's chain of callers (at a root: all of them). */
  ticks: Float64Array;
  bytes: Float64Array;
  entries: Float64Array;
  /** What of that the chain ends with here: this node is MAIN, or the next caller is the root's cost centre again (or pruned away). */
  endTicks: Float64Array;
  endBytes: Float64Array;
  endEntries: Float64Array;
}

/** Individual costs, as a pending node's sums or a kept node's. */
interface Costs {
  ticks: number;
  bytes: number;
  entries: number;
}

export interface BottomUpOptions {
  /**
   * The roots, by cost-centre key (costCentreKey), in the order wanted; null for every cost
   * centre with an individual cost, largest first by `order`.
   */
  roots: readonly string[] | null;
  /** Deepest level kept; roots are level 0, their callers 1. */
  maxDepth: number;
  /** Whether a caller is kept, from the costs it carries (a root is always kept); its callers carry no more, so a pruned caller's whole subtree goes. */
  keep: (costs: Costs) => boolean;
  /** Whether a kept node's callers are looked for (else it ends the chain, its costs all `end`); default: all are. */
  expand?: (costs: Costs) => boolean;
  /** Callers (and, for `roots: null`, roots) largest first by this; ties in the order the file first reaches them. */
  order: Quantity;
  /** Call sites whose costs of these are all zero are left out (what is not drawn need not be climbed); default: all three. */
  quantities?: readonly Quantity[];
}

interface Pending extends Costs {
  group: number;
  parent: number;
  depth: number;
  /** Call-tree nodes the chain has reached, each with the costs it carries. */
  positions: number[];
  positionTicks: number[];
  positionBytes: number[];
  positionEntries: number[];
}

export function bottomUpForest(tree: CompactCallTree, options: BottomUpOptions): BottomUpForest {
  // Cost centres by key, as the flat table groups them: one group may hold several CostCentre objects.
  const groupIndex = new Map<string, number>();
  const costCentres: CostCentre[] = [];
  const groupOfCentre = Int32Array.from(tree.costCentres, (costCentre) => {
    const key = costCentreKey(costCentre);
    let group = groupIndex.get(key);
    if (group === undefined) {
      group = costCentres.length;
      groupIndex.set(key, group);
      costCentres.push(costCentre);
    }
    return group;
  });
  const groupOf = (node: number): number => groupOfCentre[tree.centre[node]!]!;
  const roots = rootsOf(tree, groupOf, costCentres.length, options);

  const out = new ForestColumns();
  // Scratch, reset after each expansion: a caller group's child, a call-tree node's place in that child.
  const childOfGroup = new Int32Array(costCentres.length).fill(-1);
  const slotOfNode = new Int32Array(tree.size).fill(-1);
  const pending: Pending[] = [];
  for (let i = roots.length - 1; i >= 0; i--) pending.push(roots[i]!);
  while (pending.length > 0) {
    const node = pending.pop()!;
    const index = out.push(node);
    const rootGroup = out.rootGroup[index]!;
    const expand = node.depth < options.maxDepth && (options.expand === undefined || options.expand(node));
    if (!expand) {
      out.setEnd(index, node.ticks, node.bytes, node.entries);
      continue;
    }
    const children: Pending[] = [];
    let endTicks = 0;
    let endBytes = 0;
    let endEntries = 0;
    for (let i = 0; i < node.positions.length; i++) {
      const caller = tree.parent[node.positions[i]!]!;
      const group = caller < 0 ? -1 : groupOf(caller);
      // The chain ends at MAIN, or at the root's cost centre (recursion, counted once).
      if (caller < 0 || group === rootGroup) {
        endTicks += node.positionTicks[i]!;
        endBytes += node.positionBytes[i]!;
        endEntries += node.positionEntries[i]!;
        continue;
      }
      let c = childOfGroup[group]!;
      if (c < 0) {
        c = children.length;
        childOfGroup[group] = c;
        children.push({ group, parent: index, depth: node.depth + 1, ticks: 0, bytes: 0, entries: 0, positions: [], positionTicks: [], positionBytes: [], positionEntries: [] });
      }
      const child = children[c]!;
      child.ticks += node.positionTicks[i]!;
      child.bytes += node.positionBytes[i]!;
      child.entries += node.positionEntries[i]!;
      let slot = slotOfNode[caller]!;
      if (slot < 0) {
        slot = child.positions.length;
        slotOfNode[caller] = slot;
        child.positions.push(caller);
        child.positionTicks.push(0);
        child.positionBytes.push(0);
        child.positionEntries.push(0);
      }
      child.positionTicks[slot]! += node.positionTicks[i]!;
      child.positionBytes[slot]! += node.positionBytes[i]!;
      child.positionEntries[slot]! += node.positionEntries[i]!;
    }
    for (const child of children) {
      childOfGroup[child.group] = -1;
      for (const position of child.positions) slotOfNode[position] = -1;
    }
    const kept: Pending[] = [];
    for (const child of children) {
      if (options.keep(child)) kept.push(child);
      else {
        endTicks += child.ticks;
        endBytes += child.bytes;
        endEntries += child.entries;
      }
    }
    out.setEnd(index, endTicks, endBytes, endEntries);
    // Stable: equal callers stay in the order the file first reaches them.
    kept.sort((a, b) => b[options.order] - a[options.order]);
    for (let i = kept.length - 1; i >= 0; i--) pending.push(kept[i]!);
  }
  return out.finish(costCentres);
}

/** The pending roots: each cost centre's call sites with a cost, in the order asked for. */
function rootsOf(tree: CompactCallTree, groupOf: (node: number) => number, groups: number, options: BottomUpOptions): Pending[] {
  const byGroup: Array<Pending | undefined> = new Array<Pending | undefined>(groups);
  const found: Pending[] = [];
  const quantities = options.quantities ?? QUANTITIES;
  const counted = { ticks: quantities.includes('ticks'), bytes: quantities.includes('bytes'), entries: quantities.includes('entries') };
  for (let node = 0; node < tree.size; node++) {
    const ticks = tree.ticks[node]!;
    const bytes = tree.bytes[node]!;
    const entries = tree.entries[node]!;
    if ((!counted.ticks || ticks === 0) && (!counted.bytes || bytes === 0) && (!counted.entries || entries === 0)) continue;
    const group = groupOf(node);
    let root = byGroup[group];
    if (root === undefined) {
      root = { group, parent: -1, depth: 0, ticks: 0, bytes: 0, entries: 0, positions: [], positionTicks: [], positionBytes: [], positionEntries: [] };
      byGroup[group] = root;
      found.push(root);
    }
    root.ticks += ticks;
    root.bytes += bytes;
    root.entries += entries;
    root.positions.push(node);
    root.positionTicks.push(ticks);
    root.positionBytes.push(bytes);
    root.positionEntries.push(entries);
  }
  if (options.roots === null) return found.sort((a, b) => b[options.order] - a[options.order]);
  const groupOfKey = new Map<string, number>();
  for (let node = 0; node < tree.size; node++) {
    const group = groupOf(node);
    if (byGroup[group] !== undefined) groupOfKey.set(costCentreKey(tree.costCentres[tree.centre[node]!]!), group);
  }
  return options.roots.flatMap((key) => {
    const group = groupOfKey.get(key);
    return group === undefined ? [] : [byGroup[group]!];
  });
}

/** The forest's columns, grown as nodes are made (JS arrays, typed once at the end). */
class ForestColumns {
  readonly group: number[] = [];
  readonly parent: number[] = [];
  readonly depth: number[] = [];
  readonly rootGroup: number[] = [];
  readonly ticks: number[] = [];
  readonly bytes: number[] = [];
  readonly entries: number[] = [];
  readonly endTicks: number[] = [];
  readonly endBytes: number[] = [];
  readonly endEntries: number[] = [];

  push(node: Pending): number {
    const index = this.group.length;
    this.group.push(node.group);
    this.parent.push(node.parent);
    this.depth.push(node.depth);
    this.rootGroup.push(node.parent < 0 ? node.group : this.rootGroup[node.parent]!);
    this.ticks.push(node.ticks);
    this.bytes.push(node.bytes);
    this.entries.push(node.entries);
    this.endTicks.push(0);
    this.endBytes.push(0);
    this.endEntries.push(0);
    return index;
  }

  setEnd(index: number, ticks: number, bytes: number, entries: number): void {
    this.endTicks[index] = ticks;
    this.endBytes[index] = bytes;
    this.endEntries[index] = entries;
  }

  finish(costCentres: CostCentre[]): BottomUpForest {
    return {
      costCentres,
      size: this.group.length,
      centre: Int32Array.from(this.group),
      parent: Int32Array.from(this.parent),
      depth: Int32Array.from(this.depth),
      ticks: Float64Array.from(this.ticks),
      bytes: Float64Array.from(this.bytes),
      entries: Float64Array.from(this.entries),
      endTicks: Float64Array.from(this.endTicks),
      endBytes: Float64Array.from(this.endBytes),
      endEntries: Float64Array.from(this.endEntries),
    };
  }
}

/** A printed row of `report --bottom-up`: a cost centre (depth 0) or one of its callers. */
export interface BottomUpRow {
  depth: number;
  costCentre: CostCentre;
  /** The root's individual costs under this chain of callers. */
  ticks: number;
  bytes: number;
  entries: number;
  timePct: number;
  allocPct: number;
}

export interface BottomUpViewOptions {
  /** How many cost centres, largest individual cost by `sort` first (ranked as the flat table ranks them); 0 for all. */
  top: number;
  /** Deepest level shown; the cost centre is level 0, its callers 1. */
  maxDepth: number;
  /** Hide callers (and so their callers) whose shares of time and alloc are both below this percentage, as `--tree` hides subtrees. */
  minPct: number;
  /** Callers largest first by this metric. */
  sort: AmountMetric;
}

/** Each root cost centre's tree of callers, pruned like `--tree`, as rows in pre-order. */
export function bottomUpView(profile: Profile, options: BottomUpViewOptions): BottomUpRow[] {
  const tree = compactTreeOf(profile);
  if (tree === null || tree.size === 0) return [];
  const totals = profileTotals(profile);
  const ranked = rankTotals(costCentreTotals(profile, 'cost-centre'), options.sort).filter((row) => row.ticks !== 0 || row.bytes !== 0 || row.entries !== 0);
  const forest = bottomUpForest(tree, {
    roots: (options.top > 0 ? ranked.slice(0, options.top) : ranked).map((row) => row.key),
    maxDepth: options.maxDepth,
    keep: (costs) => percent(costs.ticks, totals.ticks) >= options.minPct || percent(costs.bytes, totals.bytes) >= options.minPct,
    order: METRICS[options.sort].quantity,
  });
  const rows: BottomUpRow[] = [];
  for (let node = 0; node < forest.size; node++) {
    rows.push({
      depth: forest.depth[node]!,
      costCentre: forest.costCentres[forest.centre[node]!]!,
      ticks: forest.ticks[node]!,
      bytes: forest.bytes[node]!,
      entries: forest.entries[node]!,
      timePct: percent(forest.ticks[node]!, totals.ticks),
      allocPct: percent(forest.bytes[node]!, totals.bytes),
    });
  }
  return rows;
}

/** The root of a bottom-up call tree: stands for the whole program, its children are the cost centres. */
export const BOTTOM_UP_ROOT: CostCentre = Object.freeze({ id: 0, label: 'all cost centres', module: '', src: null, isCaf: false });

export interface BottomUpCallTreeOptions {
  /** Cost centres and callers largest first by this. */
  order: Quantity;
  /**
   * Callers of a node are looked for only while it carries at least this share of the total of
   * one of `quantities` (a flamegraph's narrowest frame): below it, a node ends its chain.
   */
  minSharePct: number;
  /** What is drawn or folded: call sites with none of these are left out. */
  quantities: readonly Quantity[];
}

/**
 * The inverted call tree as a call tree of its own, for what draws or folds call trees: under
 * BOTTOM_UP_ROOT (node 0, no cost of its own) every cost centre with an individual cost, above
 * each its callers. A node's own costs are those whose chain of callers ends there, so the
 * inherited costs are the bottom-up values and its stacks read leaf first.
 */
export function bottomUpCallTree(tree: CompactCallTree, options: BottomUpCallTreeOptions): CompactCallTree {
  const all = { ticks: 0, bytes: 0, entries: 0 };
  for (let node = 0; node < tree.size; node++) {
    all.ticks += tree.ticks[node]!;
    all.bytes += tree.bytes[node]!;
    all.entries += tree.entries[node]!;
  }
  const forest = bottomUpForest(tree, {
    roots: null,
    maxDepth: Number.MAX_SAFE_INTEGER,
    keep: () => true,
    expand: options.minSharePct <= 0 ? undefined : (costs) => options.quantities.some((quantity) => percent(costs[quantity], all[quantity]) >= options.minSharePct),
    order: options.order,
    quantities: options.quantities,
  });
  const size = forest.size + 1;
  const inverted: CompactCallTree = {
    costCentres: [BOTTOM_UP_ROOT, ...forest.costCentres],
    size,
    centre: new Int32Array(size),
    parent: new Int32Array(size),
    depth: new Int32Array(size),
    stackId: new Float64Array(size).fill(-1),
    entries: new Float64Array(size),
    ticks: new Float64Array(size),
    bytes: new Float64Array(size),
    inheritedTicks: new Float64Array(size),
    inheritedBytes: new Float64Array(size),
    rows: new Int32Array(size).fill(1),
    printed: null,
  };
  inverted.parent[0] = -1;
  for (let node = 0; node < forest.size; node++) {
    if (forest.depth[node] === 0) {
      inverted.inheritedTicks[0]! += forest.ticks[node]!;
      inverted.inheritedBytes[0]! += forest.bytes[node]!;
    }
    const at = node + 1;
    inverted.centre[at] = forest.centre[node]! + 1;
    inverted.parent[at] = forest.parent[node]! + 1;
    inverted.depth[at] = forest.depth[node]! + 1;
    inverted.ticks[at] = forest.endTicks[node]!;
    inverted.bytes[at] = forest.endBytes[node]!;
    inverted.entries[at] = forest.endEntries[node]!;
    inverted.inheritedTicks[at] = forest.ticks[node]!;
    inverted.inheritedBytes[at] = forest.bytes[node]!;
  }
  return inverted;
}
