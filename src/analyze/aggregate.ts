// Pools the runs of one build, one profile at a time (a profile is dropped once added):
// per cost centre, per module and per call stack, each metric's value in every run, so
// that statistics can be drawn per row. A key absent from a run counts as zero there
// (`-p` omits stacks that cost nothing); a metric a run does not record at all (an
// eventlog's allocation) is NaN there and left out of that metric's statistics.
import { walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import { costCentreKey, type CostCentre } from '../model/cost-centre.js';
import { METRIC_NAMES, METRICS, type MetricName } from '../model/metric.js';
import { profileKind, type ProfileKind } from '../model/profile-kind.js';
import type { Profile, Provenance } from '../model/profile.js';
import type { RunRecord } from '../model/run-record.js';
import type { RunSummary } from '../model/run-summary.js';
import { mainStandIn } from '../model/system-cost-centres.js';
import { costCentreTotals, profileTotals, type Grouping } from './cost-centre-totals.js';

const METRIC_COUNT = METRIC_NAMES.length;

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

/** A run's own values of ticks, bytes and entries turned into every metric of the vocabulary. */
interface RunScale {
  secondsPerTick: number;
  ticksToShare: number;
  bytesToShare: number;
  hasTicks: boolean;
  hasBytes: boolean;
  hasEntries: boolean;
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
    const scale: RunScale = {
      secondsPerTick: record.totals.secondsPerTick ?? Number.NaN,
      ticksToShare: totals.ticks > 0 ? 100 / totals.ticks : 0,
      bytesToShare: totals.bytes > 0 ? 100 / totals.bytes : 0,
      hasTicks: profile.measures.ticks !== 'absent',
      hasBytes: profile.measures.bytes !== 'absent',
      hasEntries: profile.measures.entries !== 'absent',
    };
    // Rows a run does not have are zero in it, except for metrics the run does not record.
    this.markUnrecorded(run, scale);
    this.addGrouped(profile, run, scale, 'cost-centre', this.byCostCentre);
    this.addGrouped(profile, run, scale, 'module', this.byModule);
    if (profile.root !== null) this.addStacks(profile, run, scale);
  }

  /**
   * Adds a run from its summary (`ghcprof summarize`, the store): the same per cost centre and
   * per module values as `addRun` of its profile, but no stacks (a summary has no call tree).
   */
  addSummary(summary: RunSummary): void {
    const record = summary.record;
    const run = this.runs.length;
    if (run >= this.runCount) throw new Error(`RunAggregator was sized for ${this.runCount} runs`);
    this.runs.push(record);
    this.summaryRuns++;
    if (record.program !== null && !this.programs.includes(record.program)) this.programs.push(record.program);
    const kind = record.formatDetail as ProfileKind;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    for (const name of METRIC_NAMES) {
      const list = this.provenance.get(name) ?? [];
      list.push(record.measures[METRICS[name].quantity]);
      this.provenance.set(name, list);
    }
    const totals = summary.programTotals;
    const scale: RunScale = {
      secondsPerTick: record.totals.secondsPerTick ?? Number.NaN,
      ticksToShare: totals.ticks > 0 ? 100 / totals.ticks : 0,
      bytesToShare: totals.bytes > 0 ? 100 / totals.bytes : 0,
      hasTicks: record.measures.ticks !== 'absent',
      hasBytes: record.measures.bytes !== 'absent',
      hasEntries: record.measures.entries !== 'absent',
    };
    this.markUnrecorded(run, scale);
    const addRows = (rows: Map<string, AggregateRow>, key: string, label: string, module: string, src: string | null, costs: { ticks: number; bytes: number; entries: number }): void => {
      let row = rows.get(key);
      if (row === undefined) {
        row = { key, label, module, src, values: this.newRowValues() };
        rows.set(key, row);
      }
      this.store(row.values, run, scale, costs.ticks, costs.bytes, costs.entries);
    };
    for (const centre of summary.costCentres) addRows(this.byCostCentre, costCentreKey(centre), centre.label, centre.module, centre.src, centre);
    for (const module of summary.modules) addRows(this.byModule, module.module, module.module, module.module, null, module);
  }

  /** False when some run came from a summary: its costs are in every row but in no stack. */
  get hasStacks(): boolean {
    return this.summaryRuns === 0;
  }

  /** Metrics the run cannot provide are NaN in every row, including rows created later (see `newRow`). */
  private markUnrecorded(run: number, scale: RunScale): void {
    const unrecorded = this.unrecordedMetrics(scale);
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

  private unrecordedMetrics(scale: RunScale): number[] {
    const missing: number[] = [];
    METRIC_NAMES.forEach((name, m) => {
      const quantity = METRICS[name].quantity;
      const has = quantity === 'ticks' ? scale.hasTicks && (METRICS[name].share || Number.isFinite(scale.secondsPerTick)) : quantity === 'bytes' ? scale.hasBytes : scale.hasEntries;
      if (!has) missing.push(m);
    });
    return missing;
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
      this.store(row.values, run, scale, total.ticks, total.bytes, total.entries);
    }
  }

  /** Adds one node's (or group's) own ticks, bytes and entries to run `run`'s value of every metric. */
  private store(values: Float64Array, run: number, scale: RunScale, ticks: number, bytes: number, entries: number): void {
    const n = this.runCount;
    const add = (m: number, value: number): void => {
      const at = m * n + run;
      // NaN marks a metric the run does not record; it stays NaN.
      values[at] = values[at]! + value;
    };
    add(0, ticks * scale.secondsPerTick);
    add(1, bytes);
    add(2, entries);
    add(3, ticks * scale.ticksToShare);
    add(4, bytes * scale.bytesToShare);
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

  private addStacks(profile: Profile, run: number, scale: RunScale): void {
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
          child = { costCentre, children: [], values: this.newRowValues() };
          parent.children.push(child);
        }
        target = child;
      }
      path.length = depth;
      path.push(target);
      this.store(target.values, run, scale, node.ticks, node.bytes, node.entries);
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
    const recording = this.runsRecording(name);
    if (recording === 0) {
      const quantity = METRICS[name].quantity;
      return quantity === 'bytes' ? 'no run records allocation (eventlog time samples carry only ticks)' : quantity === 'entries' ? 'no run records entry counts (eventlog time samples carry only ticks)' : 'no run has time samples';
    }
    if (name === 'time' && this.runs.every((run) => run.totals.secondsPerTick === null)) return 'no run states its tick interval, so ticks cannot be turned into seconds; use time-share';
    return null;
  }
}
