// The typical run as a Profile: every merged stack with its mean cost over the runs, so
// every renderer (reports, folded stacks, flamegraphs) draws an aggregate like a .prof.
import { newCallTreeNode, addChild, computeInheritedCosts, type CallTreeNode } from '../model/call-tree.js';
import { emptyMetadata, type Profile } from '../model/profile.js';
import type { AggregateStackNode, RunAggregator } from './aggregate.js';
import { mean } from 'simple-statistics';

export function meanProfile(aggregator: RunAggregator, source: string): Profile {
  const runs = aggregator.runs.length;
  const average = (values: Float64Array, metric: 'entries' | 'ticks' | 'bytes'): number =>
    runs === 0 ? 0 : mean(aggregator.metricValues(values, metric));
  const costCentres = new Set<CallTreeNode['costCentre']>();
  let nodeCount = 0;
  const convert = (node: AggregateStackNode): CallTreeNode => {
    costCentres.add(node.costCentre);
    nodeCount++;
    return newCallTreeNode(node.costCentre, null, average(node.values, 'entries'), average(node.values, 'ticks'), average(node.values, 'bytes'));
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
      ticks: aggregator.exactTicks ? 'exact' : 'approximate',
      bytes: !aggregator.hasAlloc ? 'absent' : aggregator.exactBytes ? 'exact' : 'approximate',
      entries: aggregator.hasEntries ? 'exact' : 'absent',
      percentages: 'derived',
    },
    printedFlatTable: [],
    warnings: [],
  };
}
