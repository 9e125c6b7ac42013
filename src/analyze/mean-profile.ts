// The mean run as a Profile: every merged stack with its mean cost over the runs, so every
// renderer (reports, folded stacks, flamegraphs) draws an aggregate like a .prof.
import { newCallTreeNode, addChild, computeInheritedCosts, type CallTreeNode } from '../model/call-tree.js';
import { amountMetric, needsTickInterval, type Quantity } from '../model/metric.js';
import { emptyMetadata, type Measures, type Profile, type Provenance } from '../model/profile.js';
import type { AggregateStackNode, RunAggregator } from './aggregate.js';
import { mean, median } from 'simple-statistics';

/** The median of the runs' tick intervals; null where no run states one. */
function medianSecondsPerTick(aggregator: RunAggregator): number | null {
  const intervals = aggregator.runs.map((run) => run.totals.secondsPerTick).filter((value): value is number => value !== null);
  return intervals.length === 0 ? null : median(intervals);
}

function meanOrZero(values: number[]): number {
  return values.length === 0 ? 0 : mean(values);
}

/**
 * A stack's mean of a quantity over the runs that record it. The aggregate holds time in
 * seconds; the tree holds ticks again, at the runs' median tick interval (runs may tick at
 * different rates). Where no run states its interval no run's time is seconds: the tree keeps
 * the runs' ticks, as each of those runs does.
 */
function meanQuantity(aggregator: RunAggregator, secondsPerTick: number | null): (values: Float64Array, quantity: Quantity) => number {
  return (values, quantity) => {
    const name = amountMetric(quantity);
    if (!needsTickInterval(name)) return meanOrZero(aggregator.metricValues(values, name));
    return secondsPerTick === null ? meanOrZero(aggregator.tickValues(values)) : meanOrZero(aggregator.metricValues(values, name)) / secondsPerTick;
  };
}

/** How the mean obtained each quantity: absent where no run records it, approximate where some run's are estimates. */
function meanMeasures(aggregator: RunAggregator): Measures {
  const provenance = (quantity: Quantity): Provenance => {
    const name = amountMetric(quantity);
    return aggregator.runsRecording(name) === 0 ? 'absent' : aggregator.isEstimated(name) ? 'approximate' : 'exact';
  };
  // Means of exact counts are no longer integers: reports show them rounded.
  return { ticks: provenance('ticks'), bytes: provenance('bytes'), entries: provenance('entries'), percentages: 'derived' };
}

export function meanProfile(aggregator: RunAggregator, source: string): Profile {
  const secondsPerTick = medianSecondsPerTick(aggregator);
  const average = meanQuantity(aggregator, secondsPerTick);
  const costCentres = new Set<CallTreeNode['costCentre']>();
  let nodeCount = 0;
  const convert = (node: AggregateStackNode): CallTreeNode => {
    costCentres.add(node.costCentre);
    nodeCount++;
    const amount = (quantity: Quantity): number => average(node.values, quantity);
    return newCallTreeNode(node.costCentre, null, amount('entries'), amount('ticks'), amount('bytes'));
  };
  const root = convert(aggregator.root);
  const pending: Array<[AggregateStackNode, CallTreeNode]> = [[aggregator.root, root]];
  while (pending.length > 0) {
    const [from, to] = pending.pop()!;
    for (const child of from.children) {
      const converted = convert(child);
      addChild(to, converted);
      pending.push([child, converted]);
    }
  }
  computeInheritedCosts(root);
  const metadata = emptyMetadata(source, 'aggregate');
  metadata.program = aggregator.program;
  metadata.tickIntervalUs = secondsPerTick === null ? null : secondsPerTick * 1e6;
  const meanOf = (pick: (run: (typeof aggregator.runs)[number]) => number | null): number | null => {
    const values = aggregator.runs.map(pick).filter((value): value is number => value !== null);
    return values.length === 0 ? null : mean(values);
  };
  metadata.totalTimeSecs = meanOf((run) => run.totals.timeSecs);
  metadata.totalTicks = meanOf((run) => run.totals.ticks);
  metadata.totalAllocBytes = meanOf((run) => run.totals.allocBytes);
  return {
    metadata,
    costCentres: [...costCentres],
    root,
    nodeCount,
    measures: meanMeasures(aggregator),
    printedFlatTable: [],
    system: null,
    warnings: [],
  };
}
