// The call tree as rows to print, pruned by depth and by share of the total.
import type { CallTreeNode } from '../model/call-tree.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';
import { profileTotals } from './cost-centre-totals.js';

/** What a printed row says of its node. */
export type TreeViewNode = Pick<CallTreeNode, 'costCentre' | 'stackId' | 'entries' | 'ticks' | 'bytes' | 'inheritedTicks' | 'inheritedBytes'>;

export interface TreeViewRow {
  depth: number;
  node: TreeViewNode;
  timePct: number;
  allocPct: number;
  inheritedTimePct: number;
  inheritedAllocPct: number;
}

export interface TreeViewOptions {
  /** Deepest level shown; the root is level 0. */
  maxDepth: number;
  /** Hide subtrees whose inherited time and alloc are both below this percentage. */
  minPct: number;
}

export function treeView(profile: Profile, options: TreeViewOptions): TreeViewRow[] {
  const rows: TreeViewRow[] = [];
  const tree = compactTreeOf(profile);
  if (tree === null || tree.size === 0) return rows;
  const totals = profileTotals(profile);
  // Nodes per subtree, to step over a pruned one: children follow their parent in pre-order.
  const subtreeNodes = new Int32Array(tree.size).fill(1);
  for (let node = tree.size - 1; node > 0; node--) subtreeNodes[tree.parent[node]!]! += subtreeNodes[node]!;
  const printed = tree.printed;
  for (let node = 0; node < tree.size; ) {
    const depth = tree.depth[node]!;
    if (depth > options.maxDepth) {
      node += subtreeNodes[node]!;
      continue;
    }
    // What a text report printed is authoritative; other formats derive from exact counts.
    const inheritedTimePct = printed !== null ? printed[4 * node + 2]! : percent(tree.inheritedTicks[node]!, totals.ticks);
    const inheritedAllocPct = printed !== null ? printed[4 * node + 3]! : percent(tree.inheritedBytes[node]!, totals.bytes);
    if (depth > 0 && inheritedTimePct < options.minPct && inheritedAllocPct < options.minPct) {
      node += subtreeNodes[node]!;
      continue;
    }
    const stackId = tree.stackId[node]!;
    rows.push({
      depth,
      node: {
        costCentre: tree.costCentres[tree.centre[node]!]!,
        stackId: stackId < 0 ? null : stackId,
        entries: tree.entries[node]!,
        ticks: tree.ticks[node]!,
        bytes: tree.bytes[node]!,
        inheritedTicks: tree.inheritedTicks[node]!,
        inheritedBytes: tree.inheritedBytes[node]!,
      },
      timePct: printed !== null ? printed[4 * node]! : percent(tree.ticks[node]!, totals.ticks),
      allocPct: printed !== null ? printed[4 * node + 1]! : percent(tree.bytes[node]!, totals.bytes),
      inheritedTimePct,
      inheritedAllocPct,
    });
    node++;
  }
  return rows;
}
