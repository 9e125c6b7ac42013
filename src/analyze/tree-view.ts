// The call tree as rows to print, pruned by depth and by share of the total.
import { walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { profileTotals } from './cost-centre-totals.js';

export interface TreeViewRow {
  depth: number;
  node: CallTreeNode;
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
  if (profile.root === null) return rows;
  const totals = profileTotals(profile);
  walkCallTree(profile.root, (node, depth) => {
    if (depth > options.maxDepth) return 'skip-children';
    // What a text report printed is authoritative; other formats derive from exact counts.
    const printed = node.printed;
    const inheritedTimePct = printed?.inheritedTimePct ?? percent(node.inheritedTicks, totals.ticks);
    const inheritedAllocPct = printed?.inheritedAllocPct ?? percent(node.inheritedBytes, totals.bytes);
    if (depth > 0 && inheritedTimePct < options.minPct && inheritedAllocPct < options.minPct) return 'skip-children';
    rows.push({
      depth,
      node,
      timePct: printed?.individualTimePct ?? percent(node.ticks, totals.ticks),
      allocPct: printed?.individualAllocPct ?? percent(node.bytes, totals.bytes),
      inheritedTimePct,
      inheritedAllocPct,
    });
    return undefined;
  });
  return rows;
}
