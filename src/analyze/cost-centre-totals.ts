// Costs per cost centre (or per module, or per source file) summed over every call site,
// computed from the call tree rather than copied from GHC's flat table, which lists only
// centres above 1% (docs/formats.md §1.4).
import { walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { srcFile } from '../model/src-position.js';

export const GROUPINGS = ['cost-centre', 'module', 'file'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface CostCentreTotals {
  /** Identity of the group: a cost-centre key, a module name or a file path. */
  key: string;
  label: string;
  module: string;
  src: string | null;
  /** Number of call-tree nodes (call sites) that contributed. */
  callSites: number;
  entries: number;
  ticks: number;
  bytes: number;
  timePct: number;
  allocPct: number;
  /** Costs including callees, each call path counted once even under recursion. */
  inheritedTicks: number;
  inheritedBytes: number;
  inheritedTimePct: number;
  inheritedAllocPct: number;
}

function groupKey(costCentre: CostCentre, grouping: Grouping): string {
  switch (grouping) {
    case 'cost-centre':
      return costCentreKey(costCentre);
    case 'module':
      return costCentre.module;
    case 'file':
      return srcFile(costCentre.src) ?? `${costCentre.module} ${costCentre.src ?? ''}`.trim();
  }
}

/**
 * The denominators for percentages: the program's totals, i.e. GHC's header totals less the
 * system cost centres where the file counted them (`-pa`, `-pj`, eventlog: `profile.system`;
 * `-p`/`-P` headers already leave them out), or the root's inherited costs when the header
 * has none. So a cost centre's share of one run is the same whichever format GHC wrote.
 */
export function profileTotals(profile: Profile): { ticks: number; bytes: number } {
  const root = profile.root;
  const { totalTicks, totalAllocBytes } = profile.metadata;
  const system = profile.system;
  return {
    ticks: totalTicks !== null ? totalTicks - (system?.ticks ?? 0) : (root?.inheritedTicks ?? 0),
    bytes: totalAllocBytes !== null ? totalAllocBytes - (system?.bytes ?? 0) : (root?.inheritedBytes ?? 0),
  };
}

export function costCentreTotals(profile: Profile, grouping: Grouping): CostCentreTotals[] {
  const rows = new Map<string, CostCentreTotals>();
  if (profile.root === null) return [];
  // How many times each group is already on the current path: inherited costs are only
  // added at the outermost occurrence, so recursion does not count a subtree twice.
  const onPath = new Map<string, number>();
  const pathKeys: string[] = [];
  walkCallTree(profile.root, (node: CallTreeNode, depth: number) => {
    while (pathKeys.length > depth) {
      const leaving = pathKeys.pop()!;
      onPath.set(leaving, onPath.get(leaving)! - 1);
    }
    const costCentre = node.costCentre;
    const key = groupKey(costCentre, grouping);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        key,
        label: grouping === 'cost-centre' ? costCentre.label : grouping === 'module' ? costCentre.module : key,
        module: grouping === 'file' ? '' : costCentre.module,
        src: grouping === 'cost-centre' ? costCentre.src : null,
        callSites: 0,
        entries: 0,
        ticks: 0,
        bytes: 0,
        timePct: 0,
        allocPct: 0,
        inheritedTicks: 0,
        inheritedBytes: 0,
        inheritedTimePct: 0,
        inheritedAllocPct: 0,
      };
      rows.set(key, row);
    }
    row.callSites++;
    row.entries += node.entries;
    row.ticks += node.ticks;
    row.bytes += node.bytes;
    const depthOnPath = onPath.get(key) ?? 0;
    if (depthOnPath === 0) {
      row.inheritedTicks += node.inheritedTicks;
      row.inheritedBytes += node.inheritedBytes;
    }
    onPath.set(key, depthOnPath + 1);
    pathKeys.push(key);
  });
  const totals = profileTotals(profile);
  for (const row of rows.values()) {
    row.timePct = percent(row.ticks, totals.ticks);
    row.allocPct = percent(row.bytes, totals.bytes);
    row.inheritedTimePct = percent(row.inheritedTicks, totals.ticks);
    row.inheritedAllocPct = percent(row.inheritedBytes, totals.bytes);
  }
  return [...rows.values()];
}
