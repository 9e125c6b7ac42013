// The typical run as a Profile: every merged stack with its mean cost over the runs, so
// every renderer (reports, folded stacks, flamegraphs) draws an aggregate like a .prof.
import { newCallTreeNode, addChild, computeInheritedCosts, type CallTreeNode } from '../model/call-tree.js';
import { emptyMetadata, type Profile } from '../model/profile.js';
import type { AggregateStackNode, RunAggregator } from './aggregate.js';
import { mean, median } from 'simple-statistics';

/** The runs' typical tick interval; 1 ms (GHC's default) where no run states one. */
function typicalSecondsPerTick(aggregator: RunAggregator): number {
  const intervals = aggregator.runs.map((run) => run.totals.secondsPerTick).filter((value): value is number => value !== null);
  return intervals.length === 0 ? 1e-3 : median(intervals);
}

export function meanProfile(aggregator: RunAggregator, source: string): Profile {
  const runs = aggregator.runs.length;
  // The aggregate holds seconds; the tree holds ticks again, at the runs' typical tick interval.
  const secondsPerTick = typicalSecondsPerTick(aggregator);
  const average = (values: Float64Array, metric: 'entries' | 'time' | 'alloc'): number => {
    const present = aggregator.metricValues(values, metric);
    if (runs === 0 || present.length === 0) return 0;
    return metric === 'time' ? mean(present) / secondsPerTick : mean(present);
  };
  const costCentres = new Set<CallTreeNode['costCentre']>();
  let nodeCount = 0;
  const convert = (node: AggregateStackNode): CallTreeNode => {
    costCentres.add(node.costCentre);
    nodeCount++;
    return newCallTreeNode(node.costCentre, null, average(node.values, 'entries'), average(node.values, 'time'), average(node.values, 'alloc'));
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
    // Means of exact counts are no longer integers: reports show them rounded.
    measures: {
      ticks: aggregator.runsRecording('time') === 0 ? 'absent' : aggregator.isEstimated('time') ? 'approximate' : 'exact',
      bytes: aggregator.runsRecording('alloc') === 0 ? 'absent' : aggregator.isEstimated('alloc') ? 'approximate' : 'exact',
      entries: aggregator.runsRecording('entries') === 0 ? 'absent' : 'exact',
      percentages: 'derived',
    },
    printedFlatTable: [],
    system: null,
    warnings: [],
  };
}
