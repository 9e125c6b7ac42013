// Takes the RTS's system cost centres (GC, profiling overhead, ...) out of a profile's call
// tree into `profile.system`, so every format's tree holds the program's costs only and one
// run gives the same per-cost-centre shares whether GHC wrote `-p`, `-pa`, `-pj` or an
// eventlog.
//
// The rule is GHC's (rts/Profiling.c): under `-p`/`-P` `ignoreCCS` hides the five system
// stacks that `initProfiling2` made children of CCS_MAIN, and `countTickss_` leaves their
// own ticks and alloc out of the header totals; under `-pa`/`-pj` (doCostCentres >=
// COST_CENTRES_ALL) both are kept. Eventlog samples (rts/Proftimer.c) name whatever stack
// was current, system ones included. Only those root children are separated: a system
// centre deeper in the tree is a different stack, and `countTickss_` still counts the
// children of a hidden stack (ProfilerReport.c `logCCS` still prints them), so any such
// children stay in the tree, moved up to the root.
import { walkCallTree, type CallTreeNode } from '../../model/call-tree.js';
import type { CompactCallTree } from '../../model/compact-call-tree.js';
import type { Profile, SystemCentreCost } from '../../model/profile.js';
import { isSystemCostCentre, MAIN_COST_CENTRE, sameCostCentreName, SYSTEM_COST_CENTRES } from '../../model/system-cost-centres.js';

/** Formats that always count system costs, whether or not any stack of them is in the tree. */
const COUNTS_SYSTEM_COSTS = new Set<Profile['metadata']['format']>(['prof-json', 'eventlog']);

/**
 * Separates the system stacks in place and returns the profile. A text report with no
 * system stack (`-p`/`-P`) keeps `system` null: its header already leaves them out. A
 * profile whose `system` is already set (or an aggregate) is returned unchanged.
 */
export function separateSystemCosts(profile: Profile): Profile {
  // A text report read into columns: left alone (without making node objects) unless the root has a system child.
  if (profile.tree !== null && profile.tree !== undefined && !COUNTS_SYSTEM_COSTS.has(profile.metadata.format) && !hasSystemChild(profile.tree)) return profile;
  const root = profile.root;
  if (profile.system !== null || profile.metadata.format === 'aggregate' || root === null) return profile;
  if (!sameCostCentreName(root.costCentre, MAIN_COST_CENTRE)) return profile;

  const kept: CallTreeNode[] = [];
  const separated: CallTreeNode[] = [];
  for (const child of root.children) (isSystemCostCentre(child.costCentre) ? separated : kept).push(child);
  // Nothing recorded at all (an eventlog without time samples): nothing to say about the system either.
  const empty = root.inheritedTicks === 0 && root.inheritedBytes === 0;
  if (separated.length === 0 && (!COUNTS_SYSTEM_COSTS.has(profile.metadata.format) || empty)) return profile;

  const centres: SystemCentreCost[] = SYSTEM_COST_CENTRES.map(({ label, module }) => ({ label, module, ticks: 0, bytes: 0 }));
  let ticks = 0;
  let bytes = 0;
  let movedUp = 0;
  for (const node of separated) {
    const centre = centres.find((entry) => sameCostCentreName(node.costCentre, entry))!;
    centre.ticks += node.ticks;
    centre.bytes += node.bytes;
    ticks += node.ticks;
    bytes += node.bytes;
    for (const grandchild of node.children) kept.push(grandchild);
    movedUp += node.children.length;
  }
  if (separated.length > 0) {
    root.children = kept;
    // The node objects are edited now: they are the tree from here on.
    profile.root = root;
  }
  root.inheritedTicks -= ticks;
  root.inheritedBytes -= bytes;
  profile.nodeCount -= separated.length;
  profile.system = { ticks, bytes, centres };

  if (movedUp > 0) {
    profile.warnings.push({
      location: { source: profile.metadata.source },
      message: `${movedUp} call-tree node${movedUp === 1 ? '' : 's'} under system cost centres (${separated
        .filter((node) => node.children.length > 0)
        .map((node) => `${node.costCentre.module}.${node.costCentre.label}`)
        .join(', ')}) counted as program costs and moved up to MAIN, as GHC's -p report counts them`,
    });
  }
  // A text report's percentages are shares of totals that included the system costs; once
  // those are out, shares are derived from the program totals (analyze/cost-centre-totals).
  if ((ticks > 0 || bytes > 0) && profile.measures.percentages === 'printed') {
    walkCallTree(root, (node) => {
      node.printed = null;
    });
    profile.measures.percentages = 'derived';
  }
  return profile;
}

function hasSystemChild(tree: CompactCallTree): boolean {
  for (let i = 1; i < tree.size; i++) if (tree.parent[i] === 0 && isSystemCostCentre(tree.costCentres[tree.centre[i]!]!)) return true;
  return false;
}
