// A cost centre: one annotated source location (an SCC) that costs are attributed to.

export interface CostCentre {
  /** GHC's cost-centre id where the file has one (JSON, eventlog); otherwise assigned on reading. */
  id: number;
  label: string;
  module: string;
  /** SRC as GHC prints it (`Interp.hs:25:1-22`, `<built-in>`, ...); null when the file has no SRC column (GHC < 8.0.2). */
  src: string | null;
  isCaf: boolean;
}

/**
 * The identity of a cost centre within one build. Since GHC 7.4 cost centres with the same
 * module and label but different source spans are distinct (`-fprof-auto-calls`), so SRC is
 * part of the key.
 */
export function costCentreKey(costCentre: Pick<CostCentre, 'module' | 'label' | 'src'>): string {
  return `${costCentre.module}\u0000${costCentre.label}\u0000${costCentre.src ?? ''}`;
}

/** `Module.label`, the frame name used in folded stacks and flamegraphs. */
export function qualifiedName(costCentre: Pick<CostCentre, 'module' | 'label'>): string {
  return `${costCentre.module}.${costCentre.label}`;
}

/** Module of a stand-in for a cost centre a profile names by id but never defines. */
export const UNDEFINED_MODULE = '<unknown>';

/** A stand-in for a cost-centre id with no definition (a log or file cut before it). */
export function undefinedCostCentre(id: number): CostCentre {
  return { id, label: `<cost centre ${id}>`, module: UNDEFINED_MODULE, src: null, isCaf: false };
}

/** Interns cost centres by key so every call-tree node of one centre shares one object. */
export class CostCentreTable {
  /**
   * Keyed by label, then matched on module and SRC: called once per row of large reports,
   * and hashing the short label beats building and hashing a combined key every time.
   */
  private readonly byLabel = new Map<string, CostCentre[]>();
  readonly all: CostCentre[] = [];

  intern(label: string, module: string, src: string | null, isCaf: boolean): CostCentre {
    let sameLabel = this.byLabel.get(label);
    if (sameLabel === undefined) {
      sameLabel = [];
      this.byLabel.set(label, sameLabel);
    }
    for (const costCentre of sameLabel) {
      if (costCentre.module === module && costCentre.src === src) return costCentre;
    }
    const costCentre: CostCentre = { id: this.all.length + 1, label, module, src, isCaf };
    sameLabel.push(costCentre);
    this.all.push(costCentre);
    return costCentre;
  }
}
