// Pools the runs of one build, one profile at a time (a profile is dropped once added):
// per cost centre, per module and per call stack, each metric's value in every run, so
// that statistics can be drawn per row. A key absent from a run counts as zero there
// (`-p` omits stacks that cost nothing).
import { walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import type { Profile } from '../model/profile.js';
import type { RunRecord } from '../model/run-set.js';
import { costCentreTotals, profileTotals, type Grouping } from './cost-centre-totals.js';

export const RUN_METRICS = ['timePct', 'allocPct', 'entries', 'ticks', 'bytes'] as const;
export type RunMetric = (typeof RUN_METRICS)[number];
const METRIC_COUNT = RUN_METRICS.length;

/** One aggregated row's identity and its values: `values[m * runCount + r]` is metric m in run r. */
export interface AggregateRow {
  key: string;
  label: string;
  module: string;
  src: string | null;
  values: Float64Array;
}

/** A node of the merged call tree of all runs. */
export interface AggregateStackNode {
  costCentre: CostCentre;
  children: AggregateStackNode[];
  values: Float64Array;
}

export class RunAggregator {
  readonly runs: RunRecord[] = [];
  private readonly costCentres = new Map<string, CostCentre>();
  private readonly byCostCentre = new Map<string, AggregateRow>();
  private readonly byModule = new Map<string, AggregateRow>();
  readonly root: AggregateStackNode;
  /** Which measures every run had exactly (ticks and bytes need -P, -pa, -pj or eventlogs). */
  exactTicks = true;
  exactBytes = true;
  hasAlloc = true;
  hasEntries = true;
  program: string | null = null;

  constructor(readonly runCount: number) {
    this.root = { costCentre: { id: 0, label: 'MAIN', module: 'MAIN', src: '<built-in>', isCaf: false }, children: [], values: this.newValues() };
  }

  private newValues(): Float64Array {
    return new Float64Array(METRIC_COUNT * this.runCount);
  }

  addRun(profile: Profile, record: RunRecord): void {
    const run = this.runs.length;
    if (run >= this.runCount) throw new Error(`RunAggregator was sized for ${this.runCount} runs`);
    this.runs.push(record);
    this.program ??= profile.metadata.program;
    const { ticks, bytes, entries } = profile.measures;
    this.exactTicks &&= ticks === 'exact';
    this.exactBytes &&= bytes === 'exact';
    this.hasAlloc &&= bytes !== 'absent';
    this.hasEntries &&= entries !== 'absent';
    this.addGrouped(profile, run, 'cost-centre', this.byCostCentre);
    this.addGrouped(profile, run, 'module', this.byModule);
    if (profile.root !== null) this.addStacks(profile, run);
  }

  private addGrouped(profile: Profile, run: number, grouping: Grouping, rows: Map<string, AggregateRow>): void {
    for (const total of costCentreTotals(profile, grouping)) {
      let row = rows.get(total.key);
      if (row === undefined) {
        row = { key: total.key, label: total.label, module: total.module, src: total.src, values: this.newValues() };
        rows.set(total.key, row);
      }
      this.store(row.values, run, total.timePct, total.allocPct, total.entries, total.ticks, total.bytes);
    }
  }

  private store(values: Float64Array, run: number, timePct: number, allocPct: number, entries: number, ticks: number, bytes: number): void {
    const n = this.runCount;
    values[run] = (values[run] ?? 0) + timePct;
    values[n + run] = (values[n + run] ?? 0) + allocPct;
    values[2 * n + run] = (values[2 * n + run] ?? 0) + entries;
    values[3 * n + run] = (values[3 * n + run] ?? 0) + ticks;
    values[4 * n + run] = (values[4 * n + run] ?? 0) + bytes;
  }

  /** The same cost centre object for one (module, label, SRC) across runs. */
  private shared(costCentre: CostCentre): CostCentre {
    const key = costCentreKey(costCentre);
    let shared = this.costCentres.get(key);
    if (shared === undefined) {
      shared = { ...costCentre, id: this.costCentres.size + 1 };
      this.costCentres.set(key, shared);
    }
    return shared;
  }

  private addStacks(profile: Profile, run: number): void {
    const totals = profileTotals(profile);
    const pct = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);
    const sharedOf = new Map<CostCentre, CostCentre>();
    const path: AggregateStackNode[] = [];
    walkCallTree(profile.root!, (node: CallTreeNode, depth: number) => {
      let costCentre = sharedOf.get(node.costCentre);
      if (costCentre === undefined) {
        costCentre = this.shared(node.costCentre);
        sharedOf.set(node.costCentre, costCentre);
      }
      let target: AggregateStackNode;
      if (depth === 0) {
        target = this.root;
        this.root.costCentre = costCentre;
      } else {
        const parent = path[depth - 1]!;
        let child = parent.children.find((candidate) => candidate.costCentre === costCentre);
        if (child === undefined) {
          child = { costCentre, children: [], values: this.newValues() };
          parent.children.push(child);
        }
        target = child;
      }
      path.length = depth;
      path.push(target);
      this.store(target.values, run, pct(node.ticks, totals.ticks), pct(node.bytes, totals.bytes), node.entries, node.ticks, node.bytes);
    });
  }

  rows(grouping: 'cost-centre' | 'module'): AggregateRow[] {
    return [...(grouping === 'cost-centre' ? this.byCostCentre : this.byModule).values()];
  }

  /** Every stack as a row keyed by its path of `Module.label` frames. */
  stackRows(): AggregateRow[] {
    const rows: AggregateRow[] = [];
    const pending: Array<{ node: AggregateStackNode; path: string }> = [{ node: this.root, path: `${this.root.costCentre.module}.${this.root.costCentre.label}` }];
    while (pending.length > 0) {
      const { node, path } = pending.pop()!;
      rows.push({ key: path, label: path, module: node.costCentre.module, src: node.costCentre.src, values: node.values });
      for (const child of node.children) pending.push({ node: child, path: `${path};${child.costCentre.module}.${child.costCentre.label}` });
    }
    return rows;
  }

  /** Metric m of a row in every run, in run order. */
  metricValues(values: Float64Array, metric: RunMetric): number[] {
    const m = RUN_METRICS.indexOf(metric);
    return Array.from(values.subarray(m * this.runCount, m * this.runCount + this.runs.length));
  }
}
