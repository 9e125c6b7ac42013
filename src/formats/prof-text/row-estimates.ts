// Ticks and bytes for the rows of a `-p` report (percentages only), as the rows stream by.
// The reconciliation with the header totals (estimated-costs.ts) needs every row's printed
// percentages, so they are logged, compactly, until the rows can no longer add up to the
// totals: each row needs at least the least integer its percentage allows, so once those sum
// past a total no values reconcile, and the rows' own rounded estimates are final at once.
// A whole file never gets there; a file whose rows repeat gets there early, and then memory
// stays set by the distinct stacks.
import type { CostCentre } from '../../model/cost-centre.js';
import type { PrintedFlatRow } from '../../model/profile.js';
import { estimateIntegerCosts, lowest, OpenRowCheck, roundedEstimate } from './estimated-costs.js';
import type { GrowingCallTree } from '../common/growing-call-tree.js';

export interface RowEstimatesResult {
  ticksReconciled: boolean;
  bytesReconciled: boolean;
  /** The rows' printed individual %time and %alloc, summed (for messages). */
  printedTimePct: number;
  printedAllocPct: number;
}

export class RowEstimates {
  private node = new Int32Array(1 << 12);
  private timePct = new Float64Array(1 << 12);
  private allocPct = new Float64Array(1 << 12);
  private length = 0;
  /** Whether rows are still logged: false once they cannot reconcile. */
  private logging = true;
  private leastTicks = 0;
  private leastBytes = 0;
  private printedTimePct = 0;
  private printedAllocPct = 0;
  private readonly timeCheck = new OpenRowCheck();
  private readonly allocCheck = new OpenRowCheck();

  constructor(
    private readonly tree: GrowingCallTree,
    private readonly totalTicks: number,
    private readonly totalAllocBytes: number,
  ) {}

  /** A row of `node` at `depth` with its printed percentages. */
  add(node: number, depth: number, timePct: number, allocPct: number, inheritedTimePct: number, inheritedAllocPct: number): void {
    this.printedTimePct += timePct;
    this.printedAllocPct += allocPct;
    this.timeCheck.add(depth, timePct, inheritedTimePct);
    this.allocCheck.add(depth, allocPct, inheritedAllocPct);
    if (!this.logging) {
      this.addRounded(node, timePct, allocPct);
      return;
    }
    const at = this.length++;
    if (at === this.node.length) this.grow();
    this.node[at] = node;
    this.timePct[at] = timePct;
    this.allocPct[at] = allocPct;
    this.leastTicks += lowest(timePct, this.totalTicks / 100);
    this.leastBytes += lowest(allocPct, this.totalAllocBytes / 100);
    if (this.leastTicks > this.totalTicks && this.leastBytes > this.totalAllocBytes) this.stopLogging();
  }

  private addRounded(node: number, timePct: number, allocPct: number): void {
    this.tree.ticks[node]! += roundedEstimate(timePct, this.totalTicks);
    this.tree.bytes[node]! += roundedEstimate(allocPct, this.totalAllocBytes);
  }

  private stopLogging(): void {
    for (let i = 0; i < this.length; i++) this.addRounded(this.node[i]!, this.timePct[i]!, this.allocPct[i]!);
    this.logging = false;
    this.length = 0;
    this.node = new Int32Array(0);
    this.timePct = new Float64Array(0);
    this.allocPct = new Float64Array(0);
  }

  private grow(): void {
    const length = this.node.length * 2;
    const node = new Int32Array(length);
    node.set(this.node);
    this.node = node;
    const timePct = new Float64Array(length);
    timePct.set(this.timePct);
    this.timePct = timePct;
    const allocPct = new Float64Array(length);
    allocPct.set(this.allocPct);
    this.allocPct = allocPct;
  }

  /** Adds every row's ticks and bytes to its node, reconciled with the totals where the rows allow. */
  finish(centres: readonly CostCentre[], flatTable: readonly PrintedFlatRow[]): RowEstimatesResult {
    const sums = { printedTimePct: this.printedTimePct, printedAllocPct: this.printedAllocPct };
    if (!this.logging) return { ticksReconciled: false, bytesReconciled: false, ...sums };
    const n = this.length;
    const centreOf = new Int32Array(n);
    for (let i = 0; i < n; i++) centreOf[i] = this.tree.centre[this.node[i]!]!;
    const estimates = estimateIntegerCosts(
      {
        centreOf,
        centres,
        timePct: this.timePct.subarray(0, n),
        allocPct: this.allocPct.subarray(0, n),
        timeConsistent: this.timeCheck.agrees(),
        allocConsistent: this.allocCheck.agrees(),
      },
      this.totalTicks,
      this.totalAllocBytes,
      flatTable,
    );
    for (let i = 0; i < n; i++) {
      const node = this.node[i]!;
      this.tree.ticks[node]! += estimates.ticks[i]!;
      this.tree.bytes[node]! += estimates.bytes[i]!;
    }
    return { ticksReconciled: estimates.ticksReconciled, bytesReconciled: estimates.bytesReconciled, ...sums };
  }
}
