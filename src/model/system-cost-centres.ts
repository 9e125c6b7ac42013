// The RTS's own cost centres whose stacks GHC hides from `-p`/`-P` reports and leaves out
// of their header totals, but shows and counts under `-pa`, `-pj` and in eventlog samples.
//
// GHC rts/Profiling.c: `ignoreCCS` is true, when `doCostCentres < COST_CENTRES_ALL`, for
// exactly the stacks CCS_OVERHEAD, CCS_DONT_CARE, CCS_GC, CCS_SYSTEM and CCS_IDLE (made
// children of CCS_MAIN by `initProfiling2`); `countTickss_` then adds neither their ticks nor
// their alloc to the totals (it still walks their children), and ProfilerReport.c `logCCS`
// skips their rows. CCS_PINNED and CCS_MAIN are not in the list: they are program costs in
// every format. The cost centres are declared by `CC_DECLARE` in the same file
// (docs/formats.md §1.8, §2.1).
import type { CostCentre } from './cost-centre.js';

export interface SystemCostCentreName {
  label: string;
  module: string;
}

export const GC_COST_CENTRE: SystemCostCentreName = { label: 'GC', module: 'GC' };
export const PROFILING_OVERHEAD_COST_CENTRE: SystemCostCentreName = { label: 'OVERHEAD_of', module: 'PROFILING' };

/** In the order a report lists them: the two that matter first. */
export const SYSTEM_COST_CENTRES: readonly SystemCostCentreName[] = [
  GC_COST_CENTRE,
  PROFILING_OVERHEAD_COST_CENTRE,
  { label: 'SYSTEM', module: 'SYSTEM' },
  { label: 'IDLE', module: 'IDLE' },
  { label: 'DONT_CARE', module: 'MAIN' },
];

/** The root of every cost-centre-stack tree (`CC_MAIN`). */
export const MAIN_COST_CENTRE: SystemCostCentreName = { label: 'MAIN', module: 'MAIN' };

/** MAIN as a root where no profile defines it (an aggregate's tree, an eventlog before its definition). */
export function mainStandIn(id: number): CostCentre {
  return { id, label: MAIN_COST_CENTRE.label, module: MAIN_COST_CENTRE.module, src: '<built-in>', isCaf: false };
}

export function sameCostCentreName(a: Pick<CostCentre, 'label' | 'module'>, b: SystemCostCentreName): boolean {
  return a.label === b.label && a.module === b.module;
}

/**
 * Whether a cost centre is one of the system centres `ignoreCCS` hides. By label and module
 * only: GHC versions before 8.0.2 print no SRC, and every one of these is `<built-in>`.
 */
export function isSystemCostCentre(costCentre: Pick<CostCentre, 'label' | 'module'>): boolean {
  return SYSTEM_COST_CENTRES.some((name) => sameCostCentreName(costCentre, name));
}
