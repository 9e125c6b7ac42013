// Rectangles for a flamegraph, computed with d3-hierarchy's partition layout: each frame's
// width is its inclusive value, each level one row. Layout only computes coordinates; SVG
// and HTML renderers draw them (the d3 way: layout apart from drawing).
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { FlameData } from './flame-data.js';

export interface FlameRect {
  frame: number;
  depth: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface FlameLayoutOptions {
  metric: number;
  width: number;
  rowHeight: number;
  /** Root at the top (icicle) instead of at the bottom (flame). */
  inverted: boolean;
}

interface FrameNode {
  index: number;
  children: FrameNode[];
}

export function layoutFlame(data: FlameData, options: FlameLayoutOptions): { rects: FlameRect[]; height: number } {
  if (data.frames.length === 0) return { rects: [], height: 0 };
  const nodes: FrameNode[] = data.frames.map((_, index) => ({ index, children: [] }));
  data.frames.forEach((frame, index) => {
    if (frame.parent >= 0) nodes[frame.parent]!.children.push(nodes[index]!);
  });
  const metric = options.metric;
  // sum() adds each node's own value to its descendants': feed it the frame's self value.
  const root = hierarchy(nodes[0]!, (node) => node.children).sum((node) => Math.max(0, data.frames[node.index]!.self[metric] ?? 0));
  const levels = root.height + 1;
  const height = levels * options.rowHeight;
  const laidOut: HierarchyRectangularNode<FrameNode> = partition<FrameNode>().size([options.width, height])(root);
  const rects: FlameRect[] = [];
  laidOut.each((node) => {
    if (node.x1 - node.x0 <= 0) return;
    const y0 = options.inverted ? node.y0 : height - node.y1;
    rects.push({ frame: node.data.index, depth: node.depth, x0: node.x0, x1: node.x1, y0, y1: y0 + options.rowHeight });
  });
  return { rects, height };
}
