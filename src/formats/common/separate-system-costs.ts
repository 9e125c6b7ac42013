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
import { childLinks, columnsInOrder, computeCompactInheritedCosts, numberCentresByFirstUse, preOrder, type CompactCallTree } from '../../model/compact-call-tree.js';
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
  if (profile.tree !== null && profile.tree !== undefined) return separateInColumns(profile, profile.tree);
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
  if (separated.length > 0) root.children = kept;
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

/** `separateSystemCosts` of a tree held as columns (compact-call-tree.ts), by the same rule, making no node objects. */
function separateInColumns(profile: Profile, tree: CompactCallTree): Profile {
  if (profile.system !== null || profile.metadata.format === 'aggregate' || tree.size === 0) return profile;
  if (!sameCostCentreName(tree.costCentres[tree.centre[0]!]!, MAIN_COST_CENTRE)) return profile;
  const { firstChild, nextSibling } = childLinks(tree);
  const kept: number[] = [];
  const separated: number[] = [];
  for (let child = firstChild[0]!; child >= 0; child = nextSibling[child]!) (isSystemCostCentre(tree.costCentres[tree.centre[child]!]!) ? separated : kept).push(child);
  const empty = tree.inheritedTicks[0] === 0 && tree.inheritedBytes[0] === 0;
  if (separated.length === 0 && (!COUNTS_SYSTEM_COSTS.has(profile.metadata.format) || empty)) return profile;

  const centres: SystemCentreCost[] = SYSTEM_COST_CENTRES.map(({ label, module }) => ({ label, module, ticks: 0, bytes: 0 }));
  let ticks = 0;
  let bytes = 0;
  const movedUpFrom: string[] = [];
  let movedUp = 0;
  for (const node of separated) {
    const costCentre = tree.costCentres[tree.centre[node]!]!;
    const centre = centres.find((entry) => sameCostCentreName(costCentre, entry))!;
    centre.ticks += tree.ticks[node]!;
    centre.bytes += tree.bytes[node]!;
    ticks += tree.ticks[node]!;
    bytes += tree.bytes[node]!;
    let children = 0;
    for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
      kept.push(child);
      children++;
    }
    movedUp += children;
    if (children > 0) movedUpFrom.push(`${costCentre.module}.${costCentre.label}`);
  }
  if (separated.length > 0) profile.tree = withRootChildren(tree, kept, firstChild, nextSibling);
  else {
    tree.inheritedTicks[0]! -= ticks;
    tree.inheritedBytes[0]! -= bytes;
  }
  profile.nodeCount -= separated.length;
  profile.system = { ticks, bytes, centres };
  if (movedUp > 0) {
    profile.warnings.push({
      location: { source: profile.metadata.source },
      message: `${movedUp} call-tree node${movedUp === 1 ? '' : 's'} under system cost centres (${movedUpFrom.join(', ')}) counted as program costs and moved up to MAIN, as GHC's -p report counts them`,
    });
  }
  // As for node objects: shares are derived from the program totals once the system costs are out.
  if ((ticks > 0 || bytes > 0) && profile.measures.percentages === 'printed') {
    profile.tree!.printed = null;
    profile.measures.percentages = 'derived';
  }
  return profile;
}

/** The tree with the root's children replaced by `rootChildren` (nodes left out are dropped with their subtrees), in pre-order again. */
function withRootChildren(tree: CompactCallTree, rootChildren: readonly number[], firstChild: Int32Array, nextSibling: Int32Array): CompactCallTree {
  // Children of a dropped root child hang from the root now.
  const result = columnsInOrder(tree, [0].concat(preOrder(rootChildren, firstChild, nextSibling)), tree.size);
  numberCentresByFirstUse(result, tree.costCentres);
  computeCompactInheritedCosts(result);
  return result;
}
