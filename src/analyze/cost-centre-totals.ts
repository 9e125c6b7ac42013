// Costs per cost centre (or per module, or per source file) summed over every call site,
// computed from the call tree rather than copied from GHC's flat table, which lists only
// centres above 1% (docs/formats.md §1.4).
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import { percent } from '../model/percent.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';
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
  const { totalTicks, totalAllocBytes } = profile.metadata;
  const system = profile.system;
  const tree = totalTicks !== null && totalAllocBytes !== null ? null : compactTreeOf(profile);
  return {
    ticks: totalTicks !== null ? totalTicks - (system?.ticks ?? 0) : (tree?.inheritedTicks[0] ?? 0),
    bytes: totalAllocBytes !== null ? totalAllocBytes - (system?.bytes ?? 0) : (tree?.inheritedBytes[0] ?? 0),
  };
}

export function costCentreTotals(profile: Profile, grouping: Grouping): CostCentreTotals[] {
  const tree = compactTreeOf(profile);
  if (tree === null || tree.size === 0) return [];
  const rows: CostCentreTotals[] = [];
  const rowIndex = new Map<string, number>();
  // How many times each row is already on the current path: inherited costs are only added at
  // the outermost occurrence, so recursion does not count a subtree twice.
  const onPath: number[] = [];
  // Each centre's row, found once per centre rather than once per node, in the order of the
  // centres: the order of their first rows in the file, whether or not rows of one stack were merged.
  const rowOfCentre = Int32Array.from(tree.costCentres, (costCentre) => rowFor(costCentre, grouping, rows, rowIndex, onPath));
  const pathRows: number[] = [];
  for (let i = 0; i < tree.size; i++) {
    const depth = tree.depth[i]!;
    while (pathRows.length > depth) onPath[pathRows.pop()!]!--;
    const r = rowOfCentre[tree.centre[i]!]!;
    const row = rows[r]!;
    row.callSites += tree.rows[i]!;
    row.entries += tree.entries[i]!;
    row.ticks += tree.ticks[i]!;
    row.bytes += tree.bytes[i]!;
    if (onPath[r] === 0) {
      row.inheritedTicks += tree.inheritedTicks[i]!;
      row.inheritedBytes += tree.inheritedBytes[i]!;
    }
    onPath[r]!++;
    pathRows.push(r);
  }
  const totals = profileTotals(profile);
  for (const row of rows) {
    row.timePct = percent(row.ticks, totals.ticks);
    row.allocPct = percent(row.bytes, totals.bytes);
    row.inheritedTimePct = percent(row.inheritedTicks, totals.ticks);
    row.inheritedAllocPct = percent(row.inheritedBytes, totals.bytes);
  }
  return rows;
}

/** The index of the group's row, made at the group's first cost centre. */
function rowFor(costCentre: CostCentre, grouping: Grouping, rows: CostCentreTotals[], rowIndex: Map<string, number>, onPath: number[]): number {
  const key = groupKey(costCentre, grouping);
  const known = rowIndex.get(key);
  if (known !== undefined) return known;
  rowIndex.set(key, rows.length);
  onPath.push(0);
  rows.push({
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
  });
  return rows.length - 1;
}
