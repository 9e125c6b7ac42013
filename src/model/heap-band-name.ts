// How cost-centre-stack bands are named, the same for `.hp` files and eventlogs.
//
// GHC's `.hp` writer (rts/ProfHeap.c, fprint_ccs) prints a stack as `(ccsID)` then its
// labels innermost first, joined by `/`, CAF centres as `Module.CAF`, MAIN left out (and
// `MAIN` alone for the root), cut to the `-L` length (default 25) and ended with `...`.
// The `(ccsID)` number is an internal stack id that differs between runs and that eventlogs
// do not carry, so ghcprof drops it: bands then match across .hp, eventlog and runs.

import type { CostCentre } from './cost-centre.js';
import { MAIN_COST_CENTRE, sameCostCentreName } from './system-cost-centres.js';

const DEFAULT_BAND_LENGTH = 25;

/** `(408)symbol/expr.lamE/expr...` → `symbol/expr.lamE/expr...`; other labels unchanged. */
export function withoutStackId(label: string): string {
  return label.replace(/^\(\d+\)/, '');
}

/** A stack (innermost first) named as GHC's .hp writer names it, without the stack id. */
export function costCentreStackBand(stack: readonly CostCentre[], maxLength = DEFAULT_BAND_LENGTH): string {
  const parts: string[] = [];
  for (const costCentre of stack) {
    if (sameCostCentreName(costCentre, MAIN_COST_CENTRE)) break;
    parts.push(costCentre.label === 'CAF' ? `${costCentre.module}.CAF` : costCentre.label);
  }
  if (parts.length === 0) return 'MAIN';
  const text = parts.join('/');
  return text.length > maxLength ? `${text.slice(0, maxLength - 4)}...` : text;
}
