// Folded stacks (`frame;frame;frame weight` per line), the input of flamegraph.pl,
// inferno and speedscope. Frames are `Module.label`, root first; stacks that end up
// with the same frames (same names, different SRC) are summed.
import type { CallTreeNode } from '../model/call-tree.js';
import { qualifiedName } from '../model/cost-centre.js';
import { individualWeight, type Metric } from '../analyze/metric.js';

const BATCH_CHARS = 1 << 20;

/**
 * Yields the folded text in large pieces, walking the tree once. Sibling nodes with the
 * same frame name are merged on the fly (their children pooled), so identical stacks come
 * out as one line without holding every stack string in memory.
 */
export function* foldedStacks(root: CallTreeNode, metric: Metric): Generator<string> {
  interface Frame {
    nodes: CallTreeNode[];
    path: string;
  }
  const pending: Frame[] = [{ nodes: [root], path: qualifiedName(root.costCentre) }];
  let batch = '';
  while (pending.length > 0) {
    const frame = pending.pop()!;
    let weight = 0;
    for (const node of frame.nodes) weight += individualWeight(node, metric);
    if (weight > 0) {
      batch += `${frame.path} ${weight}\n`;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    const childrenByName = new Map<string, CallTreeNode[]>();
    for (const node of frame.nodes) {
      for (const child of node.children) {
        const name = qualifiedName(child.costCentre);
        const group = childrenByName.get(name);
        if (group === undefined) childrenByName.set(name, [child]);
        else group.push(child);
      }
    }
    // Reverse push keeps the file's order in the output.
    const groups = [...childrenByName];
    for (let i = groups.length - 1; i >= 0; i--) {
      const [name, nodes] = groups[i]!;
      pending.push({ nodes, path: `${frame.path};${name}` });
    }
  }
  if (batch.length > 0) yield batch;
}
