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
  const groups: Group[] = [];
  const groupIndex = new Map<string, number>();
  // Each centre's row, found once per centre rather than once per node, in the order of the
  // centres: the order of their first rows in the file, whether or not rows of one stack were merged.
  const rowOfCentre = Int32Array.from(tree.costCentres, (costCentre) => groupFor(costCentre, grouping, groups, groupIndex));
  // Sums in columns, and the row objects made once, whole, at the end: objects made first and
  // filled in later change shape as their fields go from small integers to doubles, and V8 then
  // migrates each one on its next write (seconds for 200 000 cost centres).
  const count = groups.length;
  const callSites = new Float64Array(count);
  const entries = new Float64Array(count);
  const ticks = new Float64Array(count);
  const bytes = new Float64Array(count);
  const inheritedTicks = new Float64Array(count);
  const inheritedBytes = new Float64Array(count);
  // How many times each row is already on the current path: inherited costs are only added at
  // the outermost occurrence, so recursion does not count a subtree twice.
  const onPath = new Int32Array(count);
  const pathRows: number[] = [];
  for (let i = 0; i < tree.size; i++) {
    const depth = tree.depth[i]!;
    while (pathRows.length > depth) onPath[pathRows.pop()!]!--;
    const r = rowOfCentre[tree.centre[i]!]!;
    callSites[r]! += tree.rows[i]!;
    entries[r]! += tree.entries[i]!;
    ticks[r]! += tree.ticks[i]!;
    bytes[r]! += tree.bytes[i]!;
    if (onPath[r] === 0) {
      inheritedTicks[r]! += tree.inheritedTicks[i]!;
      inheritedBytes[r]! += tree.inheritedBytes[i]!;
    }
    onPath[r]!++;
    pathRows.push(r);
  }
  const totals = profileTotals(profile);
  return groups.map(({ key, label, module, src }, r) => ({
    key,
    label,
    module,
    src,
    callSites: callSites[r]!,
    entries: entries[r]!,
    ticks: ticks[r]!,
    bytes: bytes[r]!,
    timePct: percent(ticks[r]!, totals.ticks),
    allocPct: percent(bytes[r]!, totals.bytes),
    inheritedTicks: inheritedTicks[r]!,
    inheritedBytes: inheritedBytes[r]!,
    inheritedTimePct: percent(inheritedTicks[r]!, totals.ticks),
    inheritedAllocPct: percent(inheritedBytes[r]!, totals.bytes),
  }));
}

/** What names a row. */
type Group = Pick<CostCentreTotals, 'key' | 'label' | 'module' | 'src'>;

/** The index of the group's row, made at the group's first cost centre. */
function groupFor(costCentre: CostCentre, grouping: Grouping, groups: Group[], groupIndex: Map<string, number>): number {
  const key = groupKey(costCentre, grouping);
  const known = groupIndex.get(key);
  if (known !== undefined) return known;
  groupIndex.set(key, groups.length);
  groups.push({
    key,
    label: grouping === 'cost-centre' ? costCentre.label : grouping === 'module' ? costCentre.module : key,
    module: grouping === 'file' ? '' : costCentre.module,
    src: grouping === 'cost-centre' ? costCentre.src : null,
  });
  return groups.length - 1;
}
