// The cost-centre-stack tree: one node per stack GHC reports, costs as numbers.
import type { CostCentre } from './cost-centre.js';

/** Percentages exactly as a text `.prof` printed them (one decimal), kept apart from derived values. */
export interface PrintedPercentages {
  individualTimePct: number;
  individualAllocPct: number;
  inheritedTimePct: number;
  inheritedAllocPct: number;
}

export interface CallTreeNode {
  costCentre: CostCentre;
  /** GHC's stack number (the `no.` column of a text report); null where the format has none. */
  stackId: number | null;
  /** How many times this stack was entered. */
  entries: number;
  /**
   * Individual ticks and bytes of this stack alone. Exact where the file has them
   * (`-P`, `-pa`, `-pj`, eventlog); derived from percentages otherwise, see `Profile.measures`.
   */
  ticks: number;
  bytes: number;
  /** This stack plus all its descendants; filled in once the tree is complete. */
  inheritedTicks: number;
  inheritedBytes: number;
  /** What a text report printed for this row; null for formats that print no percentages. */
  printed: PrintedPercentages | null;
  children: CallTreeNode[];
}

/**
 * A node with its own costs set and inherited costs still zero. Built by a constructor
 * rather than an object literal: all nodes then share one hidden class even as V8 widens a
 * field's representation (ticks from integers to estimates), where a literal's boilerplate
 * fell back to a slow allocation path (this runs once per row of half-million-row reports).
 */
export function newCallTreeNode(
  costCentre: CostCentre,
  stackId: number | null,
  entries = 0,
  ticks = 0,
  bytes = 0,
  printed: PrintedPercentages | null = null,
): CallTreeNode {
  return new CallTreeNodeRecord(costCentre, stackId, entries, ticks, bytes, printed);
}

class CallTreeNodeRecord implements CallTreeNode {
  inheritedTicks = 0;
  inheritedBytes = 0;
  children: CallTreeNode[] = NO_CHILDREN;

  constructor(
    public costCentre: CostCentre,
    public stackId: number | null,
    public entries: number,
    public ticks: number,
    public bytes: number,
    public printed: PrintedPercentages | null,
  ) {}
}

/**
 * Shared by every leaf until it gets a child: most nodes of a call tree are leaves, and an
 * array per leaf is a large share of a big tree's memory. Frozen, so a stray push fails loudly.
 */
const NO_CHILDREN: CallTreeNode[] = Object.freeze([]) as unknown as CallTreeNode[];

export function addChild(parent: CallTreeNode, child: CallTreeNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/**
 * Visits every node in pre-order with its depth and the path of ancestors.
 * Iterative: real trees nest hundreds of levels deep, beyond a comfortable JS stack.
 */
export function walkCallTree(
  root: CallTreeNode,
  visit: (node: CallTreeNode, depth: number, ancestors: readonly CallTreeNode[]) => void | 'skip-children',
): void {
  const ancestors: CallTreeNode[] = [];
  // Two stacks rather than one of {node, depth} objects: no allocation per node.
  const nodes: CallTreeNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    // Popping back to the depth: shrinking by `length =` costs a reallocation each time.
    while (ancestors.length > depth) ancestors.pop();
    const verdict = visit(node, depth, ancestors);
    if (verdict === 'skip-children') continue;
    ancestors.push(node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      depths.push(depth + 1);
    }
  }
}

/** Sets `inheritedTicks`/`inheritedBytes` on every node from the individual costs (post-order, iterative). */
export function computeInheritedCosts(root: CallTreeNode): void {
  const order: CallTreeNode[] = [];
  walkCallTree(root, (node) => {
    order.push(node);
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let ticks = node.ticks;
    let bytes = node.bytes;
    for (const child of node.children) {
      ticks += child.inheritedTicks;
      bytes += child.inheritedBytes;
    }
    node.inheritedTicks = ticks;
    node.inheritedBytes = bytes;
  }
}

export function countNodes(root: CallTreeNode | null): number {
  if (root === null) return 0;
  let count = 0;
  walkCallTree(root, () => {
    count++;
  });
  return count;
}
