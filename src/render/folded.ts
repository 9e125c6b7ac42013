// Folded stacks (`frame;frame;frame weight` per line), the input of flamegraph.pl,
// inferno and speedscope. Frames are `Module.label`, root first; stacks that end up
// with the same frames (same names, different SRC) are summed.
import { visibleEscape, visibleText } from './program-text.js';
import type { CallTreeNode } from '../model/call-tree.js';
import { childLinks, compactCallTreeOf, quantityColumn, type CompactCallTree } from '../model/compact-call-tree.js';
import { qualifiedName } from '../model/cost-centre.js';
import { METRICS, type MetricName } from '../model/metric.js';

const BATCH_CHARS = 1 << 20;

/**
 * A frame as folded text holds it: readers split lines at line breaks and frames at `;`
 * (flamegraph.pl, inferno, speedscope), so a name holding either would add frames or a whole
 * fake stack. Control characters are written as visible escapes (program-text.ts) and `;` as
 * `\x3b`, in the same notation: stable, so two profiles' folded files still diff line by line.
 * The weight stays unambiguous as it is: readers take the number after the line's last space.
 */
function foldedFrame(name: string): string {
  return visibleText(name).replace(/;/g, visibleEscape);
}

export interface FoldedOptions {
  /**
   * Whether lines start with the root's frame (default true). A bottom-up tree's root
   * (analyze/bottom-up.ts) stands for no cost centre: without it each line starts with the
   * cost centre whose cost it is, followed by its callers, leaf first.
   */
  rootFrame?: boolean;
}

interface Frame {
  /** Nodes under the same parent frame with this frame's name: merged into one stack. */
  nodes: number[];
  /** The stack's text up to the parent frame (empty for the root)... */
  parentPath: string;
  /** ...and this frame's name. */
  name: string;
}

/**
 * Yields the folded text in large pieces, walking the tree once. Sibling nodes with the
 * same frame name are merged on the fly (their children pooled), so identical stacks come
 * out as one line without holding every stack string in memory; a stack's text is only
 * built for the lines printed.
 */
export function* foldedStacks(from: CallTreeNode | CompactCallTree, metric: MetricName, options: FoldedOptions = {}): Generator<string> {
  const tree = 'costCentre' in from ? compactCallTreeOf(from) : from;
  if (tree.size === 0) return;
  const values = quantityColumn(tree, METRICS[metric].quantity);
  // Frames are merged by their folded text: names that fold alike make one line, never two equal ones.
  const names = tree.costCentres.map((costCentre) => foldedFrame(qualifiedName(costCentre)));
  // Without its frame the root starts no path (an empty parent path adds no `;`) and prints no line.
  if (options.rootFrame === false) names[tree.centre[0]!] = '';
  const { firstChild, nextSibling } = childLinks(tree);
  const live = liveNodes(tree, values);
  const pending: Frame[] = [{ nodes: [0], parentPath: '', name: names[tree.centre[0]!]! }];
  const groups = new Map<string, number[]>();
  let batch = '';
  while (pending.length > 0) {
    const frame = pending.pop()!;
    // Each frame's text extends its parent's (V8 keeps such concatenations as ropes): no join per line.
    const path = frame.parentPath === '' ? frame.name : `${frame.parentPath};${frame.name}`;
    let weight = 0;
    for (const node of frame.nodes) weight += Math.round(values[node]!);
    if (weight > 0 && path !== '') {
      batch += `${path} ${weight}\n`;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    if (frame.nodes.length === 1) {
      const only = onlyLiveChild(frame.nodes[0]!, firstChild, nextSibling, live);
      if (only === NO_LIVE_CHILD) continue;
      if (only >= 0) {
        pending.push({ nodes: [only], parentPath: path, name: names[tree.centre[only]!]! });
        continue;
      }
    }
    for (const node of frame.nodes) {
      for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
        if (live[child] === 0) continue;
        const name = names[tree.centre[child]!]!;
        const group = groups.get(name);
        if (group === undefined) groups.set(name, [child]);
        else group.push(child);
      }
    }
    // Pushed in reverse so the output keeps the file's order.
    const merged = [...groups];
    groups.clear();
    for (let i = merged.length - 1; i >= 0; i--) {
      const [name, nodes] = merged[i]!;
      pending.push({ nodes, parentPath: path, name });
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Which nodes print a line or have one below them (a non-zero weight in their subtree): the
 * rest is never walked, so a stack's text is built only on the way to a line. Pre-order puts
 * children after their parent, so one backward pass carries it up.
 */
function liveNodes(tree: CompactCallTree, values: Float64Array): Uint8Array {
  const live = new Uint8Array(tree.size);
  for (let node = tree.size - 1; node >= 0; node--) {
    if (live[node] === 0 && Math.round(values[node]!) === 0) continue;
    live[node] = 1;
    if (node > 0) live[tree.parent[node]!] = 1;
  }
  return live;
}

const NO_LIVE_CHILD = -1;
const SEVERAL_LIVE_CHILDREN = -2;

/** The node's one live child, or NO_LIVE_CHILD, or SEVERAL_LIVE_CHILDREN. */
function onlyLiveChild(node: number, firstChild: Int32Array, nextSibling: Int32Array, live: Uint8Array): number {
  let only = NO_LIVE_CHILD;
  for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
    if (live[child] === 0) continue;
    if (only !== NO_LIVE_CHILD) return SEVERAL_LIVE_CHILDREN;
    only = child;
  }
  return only;
}
