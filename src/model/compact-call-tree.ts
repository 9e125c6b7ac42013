// A call tree as columns of numbers, one entry per node in pre-order: what the commands that
// do not show the tree itself (folded stacks, per-cost-centre tables, aggregates) read. Half a
// million nodes cost a few typed arrays here, where node objects cost an object, a children
// array and a garbage collector's attention each. `callTreeNodesOf` makes the object tree
// (call-tree.ts) from it for the commands that walk or print the tree.
import { addChild, newCallTreeNode, walkCallTree, type CallTreeNode, type PrintedPercentages } from './call-tree.js';
import type { CostCentre } from './cost-centre.js';
import type { Quantity } from './metric.js';

export interface CompactCallTree {
  /** Cost centres by index; `centre[i]` indexes this. */
  costCentres: CostCentre[];
  size: number;
  /** Per node, in pre-order (a parent before its children, siblings in file order): */
  centre: Int32Array;
  /** -1 for the root. */
  parent: Int32Array;
  depth: Int32Array;
  /** GHC's stack number; -1 where the format has none. */
  stackId: Float64Array;
  entries: Float64Array;
  ticks: Float64Array;
  bytes: Float64Array;
  inheritedTicks: Float64Array;
  inheritedBytes: Float64Array;
  /** How many rows of the file were merged into the node (they had the same stack): its call sites. */
  rows: Int32Array;
  /** The four printed percentages of the node's (first) row, 4 per node in PrintedPercentages order; null where the format prints none. */
  printed: Float64Array | null;
}

/** The nodes' own values of one quantity. */
export function quantityColumn(tree: CompactCallTree, quantity: Quantity): Float64Array {
  return quantity === 'ticks' ? tree.ticks : quantity === 'bytes' ? tree.bytes : tree.entries;
}

/** Which nodes are the children of which, as linked lists over node indices (-1: none). */
export interface ChildLinks {
  firstChild: Int32Array;
  nextSibling: Int32Array;
}

export function childLinks(tree: CompactCallTree): ChildLinks {
  const firstChild = new Int32Array(tree.size).fill(-1);
  const nextSibling = new Int32Array(tree.size).fill(-1);
  // Backwards, so that each list comes out in file order.
  for (let i = tree.size - 1; i > 0; i--) {
    const parent = tree.parent[i]!;
    nextSibling[i] = firstChild[parent]!;
    firstChild[parent] = i;
  }
  return { firstChild, nextSibling };
}

/** Nodes in pre-order from the subtrees of `roots`: a node, then its children's subtrees in list order. */
export function preOrder(roots: readonly number[], firstChild: Int32Array, nextSibling: Int32Array): number[] {
  const order: number[] = [];
  const pending = [...roots].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    order.push(node);
    const start = pending.length;
    for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) pending.push(child);
    // Reversed, so the first child comes off the stack first.
    for (let i = start, j = pending.length - 1; i < j; i++, j--) [pending[i], pending[j]] = [pending[j]!, pending[i]!];
  }
  return order;
}

/** A node's own columns, in whatever order the nodes were made. */
export type NodeColumns = Pick<CompactCallTree, 'centre' | 'parent' | 'stackId' | 'entries' | 'ticks' | 'bytes' | 'rows' | 'printed'>;

/**
 * The nodes `order` lists (a pre-order, the root first), as a tree of their own: parents
 * renumbered, depths set, and a node whose parent is not listed hung from the root. Cost
 * centres and inherited costs are the caller's to set.
 */
export function columnsInOrder(nodes: NodeColumns, order: ArrayLike<number>, nodeCount: number): CompactCallTree {
  const tree = emptyCompactCallTree(order.length, nodes.printed !== null);
  const newIndex = new Int32Array(nodeCount).fill(-1);
  for (let i = 0; i < order.length; i++) {
    const from = order[i]!;
    newIndex[from] = i;
    const parent = i === 0 ? -1 : newIndex[nodes.parent[from]!]!;
    tree.parent[i] = i === 0 ? -1 : parent < 0 ? 0 : parent;
    tree.depth[i] = i === 0 ? 0 : tree.depth[tree.parent[i]!]! + 1;
    tree.centre[i] = nodes.centre[from]!;
    tree.stackId[i] = nodes.stackId[from]!;
    tree.entries[i] = nodes.entries[from]!;
    tree.ticks[i] = nodes.ticks[from]!;
    tree.bytes[i] = nodes.bytes[from]!;
    tree.rows[i] = nodes.rows[from]!;
    if (tree.printed !== null) for (let k = 0; k < 4; k++) tree.printed[4 * i + k] = nodes.printed![4 * from + k]!;
  }
  return tree;
}

/**
 * The first `size` nodes as they were made, when that is already a pre-order: what
 * columnsInOrder gives for the order 0, 1, 2, ..., with each column copied whole.
 */
export function columnsAsMade(nodes: NodeColumns, size: number): CompactCallTree {
  const tree = emptyCompactCallTree(size, nodes.printed !== null);
  for (const column of ['centre', 'parent', 'stackId', 'entries', 'ticks', 'bytes', 'rows'] as const) tree[column].set(nodes[column].subarray(0, size));
  if (tree.printed !== null) tree.printed.set(nodes.printed!.subarray(0, 4 * size));
  if (size > 0) tree.parent[0] = -1;
  for (let i = 1; i < size; i++) {
    if (tree.parent[i]! < 0) tree.parent[i] = 0;
    tree.depth[i] = tree.depth[tree.parent[i]!]! + 1;
  }
  return tree;
}

/**
 * Numbers the tree's cost centres in the order its nodes first name them (the order a walk of
 * it meets them, as every tree's are), keeping only those it names; `centres` are what the
 * tree's `centre` column indexes now.
 */
export function numberCentresByFirstUse(tree: CompactCallTree, centres: readonly CostCentre[]): void {
  const renumbered = new Int32Array(centres.length).fill(-1);
  tree.costCentres = [];
  for (let i = 0; i < tree.size; i++) {
    const old = tree.centre[i]!;
    if (renumbered[old]! < 0) {
      renumbered[old] = tree.costCentres.length;
      tree.costCentres.push(centres[old]!);
    }
    tree.centre[i] = renumbered[old]!;
  }
}

/** Sets the inherited costs from the own costs: children follow their parent, so one backward pass. */
export function computeCompactInheritedCosts(tree: CompactCallTree): void {
  tree.inheritedTicks.set(tree.ticks.subarray(0, tree.size));
  tree.inheritedBytes.set(tree.bytes.subarray(0, tree.size));
  for (let i = tree.size - 1; i > 0; i--) {
    const parent = tree.parent[i]!;
    tree.inheritedTicks[parent]! += tree.inheritedTicks[i]!;
    tree.inheritedBytes[parent]! += tree.inheritedBytes[i]!;
  }
}

/** Printed percentages of one node, kept in the shape every node shares. */
class PrintedRow implements PrintedPercentages {
  constructor(
    readonly individualTimePct: number,
    readonly individualAllocPct: number,
    readonly inheritedTimePct: number,
    readonly inheritedAllocPct: number,
  ) {}
}

/** The tree as node objects, for the commands that walk or print the tree. */
export function callTreeNodesOf(tree: CompactCallTree): CallTreeNode | null {
  if (tree.size === 0) return null;
  const nodes = new Array<CallTreeNode>(tree.size);
  const printed = tree.printed;
  for (let i = 0; i < tree.size; i++) {
    const node = newCallTreeNode(
      tree.costCentres[tree.centre[i]!]!,
      tree.stackId[i]! < 0 ? null : tree.stackId[i]!,
      tree.entries[i],
      tree.ticks[i],
      tree.bytes[i],
      printed === null ? null : new PrintedRow(printed[4 * i]!, printed[4 * i + 1]!, printed[4 * i + 2]!, printed[4 * i + 3]!),
    );
    node.inheritedTicks = tree.inheritedTicks[i]!;
    node.inheritedBytes = tree.inheritedBytes[i]!;
    nodes[i] = node;
    if (i > 0) addChild(nodes[tree.parent[i]!]!, node);
  }
  return nodes[0]!;
}

/** The object tree as columns (formats that build node objects: JSON, eventlogs, aggregates). */
export function compactCallTreeOf(root: CallTreeNode): CompactCallTree {
  let size = 0;
  walkCallTree(root, () => {
    size++;
  });
  const tree = emptyCompactCallTree(size, false);
  const indexOf = new Map<CostCentre, number>();
  const open: number[] = [];
  let at = 0;
  walkCallTree(root, (node, depth) => {
    let centre = indexOf.get(node.costCentre);
    if (centre === undefined) {
      centre = tree.costCentres.length;
      indexOf.set(node.costCentre, centre);
      tree.costCentres.push(node.costCentre);
    }
    open.length = depth;
    tree.centre[at] = centre;
    tree.parent[at] = depth === 0 ? -1 : open[depth - 1]!;
    tree.depth[at] = depth;
    tree.stackId[at] = node.stackId ?? -1;
    tree.entries[at] = node.entries;
    tree.ticks[at] = node.ticks;
    tree.bytes[at] = node.bytes;
    tree.inheritedTicks[at] = node.inheritedTicks;
    tree.inheritedBytes[at] = node.inheritedBytes;
    tree.rows[at] = 1;
    open.push(at);
    at++;
  });
  return tree;
}

function emptyCompactCallTree(size: number, withPrinted: boolean): CompactCallTree {
  return {
    costCentres: [],
    size,
    centre: new Int32Array(size),
    parent: new Int32Array(size),
    depth: new Int32Array(size),
    stackId: new Float64Array(size),
    entries: new Float64Array(size),
    ticks: new Float64Array(size),
    bytes: new Float64Array(size),
    inheritedTicks: new Float64Array(size),
    inheritedBytes: new Float64Array(size),
    rows: new Int32Array(size),
    printed: withPrinted ? new Float64Array(4 * size) : null,
  };
}
