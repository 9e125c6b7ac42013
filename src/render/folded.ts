// Folded stacks (`frame;frame;frame weight` per line), the input of flamegraph.pl,
// inferno and speedscope. Frames are `Module.label`, root first; stacks that end up
// with the same frames (same names, different SRC) are summed.
import type { CallTreeNode } from '../model/call-tree.js';
import { qualifiedName, type CostCentre } from '../model/cost-centre.js';
import { nodeWeight, type MetricName } from '../model/metric.js';

const BATCH_CHARS = 1 << 20;

interface Frame {
  /** Nodes under the same parent frame with this frame's name: merged into one stack. */
  nodes: CallTreeNode[];
  name: string;
  depth: number;
}

/**
 * Yields the folded text in large pieces, walking the tree once. Sibling nodes with the
 * same frame name are merged on the fly (their children pooled), so identical stacks come
 * out as one line without holding every stack string in memory; a stack's text is only
 * built for the lines printed.
 */
export function* foldedStacks(root: CallTreeNode, metric: MetricName): Generator<string> {
  const names = new Map<CostCentre, string>();
  const nameOf = (costCentre: CostCentre): string => {
    let name = names.get(costCentre);
    if (name === undefined) {
      name = qualifiedName(costCentre);
      names.set(costCentre, name);
    }
    return name;
  };
  const path: string[] = [];
  const pending: Frame[] = [{ nodes: [root], name: nameOf(root.costCentre), depth: 0 }];
  const groups = new Map<string, CallTreeNode[]>();
  let batch = '';
  while (pending.length > 0) {
    const frame = pending.pop()!;
    path.length = frame.depth;
    path.push(frame.name);
    let weight = 0;
    for (const node of frame.nodes) weight += nodeWeight(node, metric);
    if (weight > 0) {
      batch += `${path.join(';')} ${weight}\n`;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    const depth = frame.depth + 1;
    if (frame.nodes.length === 1 && frame.nodes[0]!.children.length <= 1) {
      const only = frame.nodes[0]!.children[0];
      if (only !== undefined) pending.push({ nodes: [only], name: nameOf(only.costCentre), depth });
      continue;
    }
    for (const node of frame.nodes) {
      for (const child of node.children) {
        const name = nameOf(child.costCentre);
        const group = groups.get(name);
        if (group === undefined) groups.set(name, [child]);
        else group.push(child);
      }
    }
    // Pushed in reverse so the output keeps the file's order.
    const merged = [...groups];
    groups.clear();
    for (let i = merged.length - 1; i >= 0; i--) {
      const [name, nodes] = merged[i]!;
      pending.push({ nodes, name, depth });
    }
  }
  if (batch.length > 0) yield batch;
}
