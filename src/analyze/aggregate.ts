// Pools the runs of one build, one profile at a time (a profile is dropped once added):
// per cost centre, per module and per call stack, each metric's value in every run, so
// that statistics can be drawn per row. A key absent from a run counts as zero there
// (`-p` omits stacks that cost nothing); a metric a run does not record at all (an
// eventlog's allocation) is NaN there and left out of that metric's statistics.
import type { CompactCallTree } from '../model/compact-call-tree.js';
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import { METRIC_NAMES, METRICS, needsTickInterval, recordedQuantityPhrase, type MetricName, type Quantity } from '../model/metric.js';
import { profileKind, type ProfileKind } from '../model/profile-kind.js';
import type { Measures, Profile, Provenance } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';
import type { RunRecord } from '../model/run-record.js';
import type { RunSummary } from '../model/run-summary.js';
import { mainStandIn } from '../model/system-cost-centres.js';
import { costCentreTotals, profileTotals, type Grouping } from './cost-centre-totals.js';

const METRIC_COUNT = METRIC_NAMES.length;
/** Per metric (METRIC_NAMES order), the quantity it is made of. */
const METRIC_QUANTITIES: readonly Quantity[] = METRIC_NAMES.map((name) => METRICS[name].quantity);
/** The metric that keeps a row's ticks in runs without a tick interval: the time share. */
const TICK_SHARE = METRIC_NAMES.findIndex((name) => METRICS[name].quantity === 'ticks' && METRICS[name].share);

/** One aggregated row's identity and its values: `values[m * runCount + r]` is metric m (METRIC_NAMES order) in run r. */
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

/**
 * A run's call tree, node by node in pre-order (walkCallTree's order, a parent before its
 * children) with each node's depth and own costs: what RunAggregator pools as stacks. A
 * profile's tree is walked as it is; a worker thread posts flat arrays (runs/flat-call-tree.ts).
 */
export type CallTreeWalk = (visit: (costCentre: CostCentre, depth: number, costs: Readonly<Record<Quantity, number>>) => void) => void;

/** What a stack walk needs of a call tree's columns (compact-call-tree.ts): also what a parse worker posts. */
export type CallTreeColumns = Pick<CompactCallTree, 'costCentres' | 'centre' | 'depth' | 'ticks' | 'bytes' | 'entries'>;

/** The columns walked as RunAggregator takes them: in their pre-order, with depths and costs. */
export function walkCallTreeColumns(tree: CallTreeColumns): CallTreeWalk {
  return (visit) => {
    // One object for every node: the aggregator reads the costs before the next visit.
    const costs = { ticks: 0, bytes: 0, entries: 0 };
    for (let at = 0; at < tree.centre.length; at++) {
      costs.ticks = tree.ticks[at]!;
      costs.bytes = tree.bytes[at]!;
      costs.entries = tree.entries[at]!;
      visit(tree.costCentres[tree.centre[at]!]!, tree.depth[at]!, costs);
    }
  };
}

/**
 * How one run's ticks, bytes and entries become every metric of the vocabulary: per metric
 * (METRIC_NAMES order) the factor its quantity is multiplied by — the tick interval for
 * seconds, 100 / the program's total for a share, 1 for an amount — NaN where the run cannot
 * provide the metric (it does not record the quantity, or states no tick interval).
 */
type RunScale = Float64Array;

function runScale(measures: Measures, secondsPerTick: number | null, programTotals: { ticks: number; bytes: number }): RunScale {
  return Float64Array.from(METRIC_NAMES, (name) => {
    const { quantity, share } = METRICS[name];
    if (measures[quantity] === 'absent') return Number.NaN;
    if (share) {
      const total = quantity === 'entries' ? 0 : programTotals[quantity];
      return total > 0 ? 100 / total : 0;
    }
    if (needsTickInterval(name)) return secondsPerTick ?? Number.NaN;
    return 1;
  });
}

export class RunAggregator {
  readonly runs: RunRecord[] = [];
  private readonly costCentres = new Map<string, CostCentre>();
  private readonly byCostCentre = new Map<string, AggregateRow>();
  private readonly byModule = new Map<string, AggregateRow>();
  readonly root: AggregateStackNode;
  /** How each metric was obtained over all runs: the weakest provenance seen (absent < approximate < exact). */
  private readonly provenance = new Map<MetricName, Provenance[]>();
  /** Per run, the metrics (indices) it does not record. */
  private readonly unrecordedByRun = new Map<number, number[]>();
  /** Every program name seen, in order. */
  readonly programs: string[] = [];
  /** How many runs of each kind of GHC output. */
  readonly kinds = new Map<ProfileKind, number>();
  /** Per run, its program's ticks (the denominator of its time-share). */
  private readonly programTicks: number[] = [];
  /** Runs added from summaries (addSummary): they have no call tree, so `root` and `stackRows` leave them out. */
  private summaryRuns = 0;

  constructor(readonly runCount: number) {
    this.root = { costCentre: mainStandIn(0), children: [], values: this.newValues() };
  }

  get program(): string | null {
    return this.programs[0] ?? null;
  }

  private newValues(): Float64Array {
    return new Float64Array(METRIC_COUNT * this.runCount);
  }

  addRun(profile: Profile, record: RunRecord): void {
    const run = this.runs.length;
    if (run >= this.runCount) throw new Error(`RunAggregator was sized for ${this.runCount} runs`);
    this.runs.push(record);
    if (profile.metadata.program !== null && !this.programs.includes(profile.metadata.program)) this.programs.push(profile.metadata.program);
    const kind = profileKind(profile);
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    for (const name of METRIC_NAMES) {
      const list = this.provenance.get(name) ?? [];
      list.push(profile.measures[METRICS[name].quantity]);
      this.provenance.set(name, list);
    }
    const totals = profileTotals(profile);
    this.programTicks.push(totals.ticks);
    const scale = runScale(profile.measures, record.totals.secondsPerTick, totals);
    // Rows a run does not have are zero in it, except for metrics the run does not record.
    this.markUnrecorded(run, scale);
    this.addGrouped(profile, run, scale, 'cost-centre', this.byCostCentre);
    this.addGrouped(profile, run, scale, 'module', this.byModule);
    const tree = compactTreeOf(profile);
    if (tree !== null) this.addStacks(walkCallTreeColumns(tree), run, scale);
  }

  /**
   * Adds a run from its summary (`ghcprof summarize`, the store): the same per cost centre and
   * per module values as `addRun` of its profile, but no stacks (a summary has no call tree).
   */
  addSummary(summary: RunSummary): void {
    this.addSummaryRows(summary);
    this.summaryRuns++;
  }

  /**
   * Adds a run read elsewhere (a worker thread, which posts back its summary and call tree
   * rather than the whole profile): the same as `addRun` of its profile, stacks included.
   * `callTree` is null for a profile without one, as `addRun` adds no stacks for it.
   */
  addParsedRun(summary: RunSummary, callTree: CallTreeWalk | null): void {
    const { run, scale } = this.addSummaryRows(summary);
    if (callTree !== null) this.addStacks(callTree, run, scale);
  }

  /** A summary's run, record and rows; returns its index and scale for its stacks. */
  private addSummaryRows(summary: RunSummary): { run: number; scale: RunScale } {
    const record = summary.record;
    const run = this.runs.length;
    if (run >= this.runCount) throw new Error(`RunAggregator was sized for ${this.runCount} runs`);
    this.runs.push(record);
    if (record.program !== null && !this.programs.includes(record.program)) this.programs.push(record.program);
    const kind = record.formatDetail as ProfileKind;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    for (const name of METRIC_NAMES) {
      const list = this.provenance.get(name) ?? [];
      list.push(record.measures[METRICS[name].quantity]);
      this.provenance.set(name, list);
    }
    const totals = summary.programTotals;
    this.programTicks.push(totals.ticks);
    const scale = runScale(record.measures, record.totals.secondsPerTick, totals);
    this.markUnrecorded(run, scale);
    const addRows = (rows: Map<string, AggregateRow>, key: string, label: string, module: string, src: string | null, costs: Readonly<Record<Quantity, number>>): void => {
      let row = rows.get(key);
      if (row === undefined) {
        row = { key, label, module, src, values: this.newRowValues() };
        rows.set(key, row);
      }
      this.store(row.values, run, scale, costs);
    };
    for (const centre of summary.costCentres) addRows(this.byCostCentre, costCentreKey(centre), centre.label, centre.module, centre.src, centre);
    for (const module of summary.modules) addRows(this.byModule, module.module, module.module, module.module, null, module);
    return { run, scale };
  }

  /** False when some run came from a summary: its costs are in every row but in no stack. */
  get hasStacks(): boolean {
    return this.summaryRuns === 0;
  }

  /** Metrics the run cannot provide are NaN in every row, including rows created later (see `newRow`). */
  private markUnrecorded(run: number, scale: RunScale): void {
    const unrecorded = METRIC_NAMES.flatMap((_name, m) => (Number.isNaN(scale[m]) ? [m] : []));
    if (unrecorded.length === 0) return;
    this.unrecordedByRun.set(run, unrecorded);
    const mark = (values: Float64Array): void => {
      for (const m of unrecorded) values[m * this.runCount + run] = Number.NaN;
    };
    for (const row of this.byCostCentre.values()) mark(row.values);
    for (const row of this.byModule.values()) mark(row.values);
    const pending = [this.root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      mark(node.values);
      pending.push(...node.children);
    }
  }

  /** A new row's values: zero for every run so far, NaN where that run does not record the metric. */
  private newRowValues(): Float64Array {
    const values = this.newValues();
    for (const [run, metrics] of this.unrecordedByRun) for (const m of metrics) values[m * this.runCount + run] = Number.NaN;
    return values;
  }

  private addGrouped(profile: Profile, run: number, scale: RunScale, grouping: Grouping, rows: Map<string, AggregateRow>): void {
    for (const total of costCentreTotals(profile, grouping)) {
      let row = rows.get(total.key);
      if (row === undefined) {
        row = { key: total.key, label: total.label, module: total.module, src: total.src, values: this.newRowValues() };
        rows.set(total.key, row);
      }
      this.store(row.values, run, scale, total);
    }
  }

  /** Adds one node's (or group's) own ticks, bytes and entries to run `run`'s value of every metric. */
  private store(values: Float64Array, run: number, scale: RunScale, costs: Readonly<Record<Quantity, number>>): void {
    for (let m = 0; m < METRIC_COUNT; m++) {
      const at = m * this.runCount + run;
      // NaN marks a metric the run does not record; it stays NaN.
      values[at] = values[at]! + costs[METRIC_QUANTITIES[m]!] * scale[m]!;
    }
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

  private addStacks(callTree: CallTreeWalk, run: number, scale: RunScale): void {
    const sharedOf = new Map<CostCentre, CostCentre>();
    const path: AggregateStackNode[] = [];
    callTree((runCentre, depth, costs) => {
      let costCentre = sharedOf.get(runCentre);
      if (costCentre === undefined) {
        costCentre = this.shared(runCentre);
        sharedOf.set(runCentre, costCentre);
      }
      let target: AggregateStackNode;
      if (depth === 0) {
        target = this.root;
        this.root.costCentre = costCentre;
      } else {
        const parent = path[depth - 1]!;
        let child = parent.children.find((candidate) => candidate.costCentre === costCentre);
        if (child === undefined) {
          child = { costCentre, children: [], values: this.newRowValues() };
          parent.children.push(child);
        }
        target = child;
      }
      path.length = depth;
      path.push(target);
      this.store(target.values, run, scale, costs);
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

  /** A metric's value in every run that records it, in run order. */
  metricValues(values: Float64Array, name: MetricName): number[] {
    const m = METRIC_NAMES.indexOf(name);
    const out: number[] = [];
    for (let run = 0; run < this.runs.length; run++) {
      const value = values[m * this.runCount + run]!;
      if (!Number.isNaN(value)) out.push(value);
    }
    return out;
  }

  /**
   * A row's ticks in every run that records time samples, in run order: its share of the run's
   * program ticks times their number (ticks themselves are not kept). For runs that state no
   * tick interval, whose time cannot be seconds.
   */
  tickValues(values: Float64Array): number[] {
    const out: number[] = [];
    for (let run = 0; run < this.runs.length; run++) {
      const share = values[TICK_SHARE * this.runCount + run]!;
      if (!Number.isNaN(share)) out.push((share * this.programTicks[run]!) / 100);
    }
    return out;
  }

  /** How many runs record a metric. */
  runsRecording(name: MetricName): number {
    return (this.provenance.get(name) ?? []).filter((provenance) => provenance !== 'absent').length;
  }

  /** True when some run's values of the metric are estimates (from `-p` percentages). */
  isEstimated(name: MetricName): boolean {
    return (this.provenance.get(name) ?? []).includes('approximate');
  }

  /** Why the metric cannot be used for these runs, or null. Time needs a tick interval to be seconds. */
  unavailableReason(name: MetricName): string | null {
    if (this.runsRecording(name) === 0) return `no run records ${recordedQuantityPhrase(METRICS[name].quantity)}`;
    if (needsTickInterval(name) && this.runs.every((run) => run.totals.secondsPerTick === null)) return 'no run states its tick interval, so ticks cannot be turned into seconds; use time-share';
    return null;
  }
}
