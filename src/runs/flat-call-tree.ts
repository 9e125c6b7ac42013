// A call tree as a few flat arrays, to post from a parse worker to the main thread: the
// structured clone of half a million node objects would cost about what parsing them did,
// while typed arrays are handed over (transferred) without a copy. It keeps what
// RunAggregator pools as stacks: per node in pre-order its cost centre, depth and own costs.
import type { CallTreeWalk } from '../analyze/aggregate.js';
import { walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import type { CostCentre } from '../model/cost-centre.js';

export interface FlatCallTree {
  /** The tree's cost centres, each once. */
  costCentres: CostCentre[];
  /** Per node, in walkCallTree's pre-order: its cost centre (an index into costCentres)... */
  centre: Int32Array;
  /** ...its depth (0 for the root)... */
  depth: Int32Array;
  /** ...and its own costs. */
  ticks: Float64Array;
  bytes: Float64Array;
  entries: Float64Array;
}

export function flattenCallTree(root: CallTreeNode): FlatCallTree {
  let count = 0;
  walkCallTree(root, () => {
    count++;
  });
  const tree: FlatCallTree = {
    costCentres: [],
    centre: new Int32Array(count),
    depth: new Int32Array(count),
    ticks: new Float64Array(count),
    bytes: new Float64Array(count),
    entries: new Float64Array(count),
  };
  const indexOf = new Map<CostCentre, number>();
  let at = 0;
  walkCallTree(root, (node, depth) => {
    let index = indexOf.get(node.costCentre);
    if (index === undefined) {
      index = tree.costCentres.length;
      indexOf.set(node.costCentre, index);
      tree.costCentres.push(node.costCentre);
    }
    tree.centre[at] = index;
    tree.depth[at] = depth;
    tree.ticks[at] = node.ticks;
    tree.bytes[at] = node.bytes;
    tree.entries[at] = node.entries;
    at++;
  });
  return tree;
}

/** The buffers to transfer rather than copy when posting the tree. */
export function transferables(tree: FlatCallTree): ArrayBuffer[] {
  return [tree.centre, tree.depth, tree.ticks, tree.bytes, tree.entries].map((array) => array.buffer as ArrayBuffer);
}

/** The tree walked as RunAggregator takes it: the order, depths and costs of walkCallTree over the tree it came from. */
export function walkFlatCallTree(tree: FlatCallTree): CallTreeWalk {
  return (visit) => {
    // One object for every node: the aggregator reads the costs before the next visit.
    const costs = { ticks: 0, bytes: 0, entries: 0 };
    for (let at = 0; at < tree.centre.length; at++) {
      costs.ticks = tree.ticks[at]!;
      costs.bytes = tree.bytes[at]!;
      costs.entries = tree.entries[at]!;
      visit(tree.costCentres[tree.centre[at]!]!, tree.depth[at]!, costs);
    }
  };
}
