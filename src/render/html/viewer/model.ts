// The viewer's data model in the page: the embedded payload unpacked into typed arrays, the
// horizontal layout per metric, which frames a paint needs, and what a search matches.
//
// No DOM here: esbuild bundles it into the page's script, and Node tests call it directly.
import type { FlameMetric } from '../../flame-data.js';
import type { FlamePayload } from '../flame-payload.js';

export interface ViewerModel {
  frameCount: number;
  metrics: FlameMetric[];
  strings: string[];
  modules: string[];
  moduleColours: string[];
  /** Per frame: its fill colour (module hue, cost-centre shade). */
  fills: string[];
  fill: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  /** Exclusive end of each frame's subtree: its descendants are `index + 1 .. end - 1`. */
  end: Int32Array;
  name: Int32Array;
  module: Int32Array;
  src: Int32Array;
  merged: Uint8Array;
  total: Float64Array[];
  self: Float64Array[];
  /** Per frame: change in percent of the base (NaN when unknown or only in one build). */
  deltaPct: Float64Array | null;
  significant: Uint8Array | null;
  /** Per frame: -1 none, 0 both, 1 added, 2 removed. */
  status: Int8Array | null;
  /** Per frame: its fill by change (differential flamegraphs). */
  changeFill: string[] | null;
}

export interface VisibleFrames {
  /** Frames a paint draws, in pre-order: the zoomed frame's ancestors, then its wide-enough subtree. */
  frames: number[];
  /** Deepest drawn frame. */
  maxDepth: number;
}

export interface SearchResult {
  /** 1 for frames whose name matches. */
  matched: Uint8Array;
  matchedFrames: number;
}

export function buildModel(payload: FlamePayload): ViewerModel {
  const count = payload.depth.length;
  const parent = new Int32Array(count);
  const depth = Int32Array.from(payload.depth);
  const end = new Int32Array(count);
  // Pre-order: the open ancestors form a path; a frame closes those at its depth or deeper.
  const path: number[] = [];
  for (let i = 0; i < count; i++) {
    const d = depth[i]!;
    while (path.length > d) end[path.pop()!] = i;
    parent[i] = d === 0 ? -1 : path[d - 1]!;
    path.push(i);
  }
  while (path.length > 0) end[path.pop()!] = count;
  const merged = new Uint8Array(count);
  for (const index of payload.merged) merged[index] = 1;
  const delta = payload.delta;
  return {
    frameCount: count,
    metrics: payload.metrics,
    strings: payload.strings,
    modules: payload.modules,
    moduleColours: payload.moduleColours,
    fills: payload.fills,
    fill: Int32Array.from(payload.fill),
    parent,
    depth,
    end,
    name: Int32Array.from(payload.name),
    module: Int32Array.from(payload.module),
    src: Int32Array.from(payload.src),
    merged,
    total: payload.total.map((values) => Float64Array.from(values)),
    self: payload.self.map((values) => Float64Array.from(values)),
    deltaPct: delta === null ? null : Float64Array.from(delta.pct, (value) => (value === null ? NaN : value)),
    significant: delta === null ? null : Uint8Array.from(delta.significant),
    status: delta === null ? null : Int8Array.from(delta.status),
    changeFill: delta === null ? null : delta.colour.map((index) => delta.colours[index]!),
  };
}

/**
 * Left edge of every frame in metric units, the root at 0: children are laid side by side
 * from their parent's left edge, in data order. Negative values count as zero width.
 */
export function frameOffsets(model: ViewerModel, metric: number): Float64Array {
  const total = model.total[metric]!;
  const offsets = new Float64Array(model.frameCount);
  const nextChild = new Float64Array(model.frameCount);
  for (let i = 0; i < model.frameCount; i++) {
    const p = model.parent[i]!;
    const left = p < 0 ? 0 : nextChild[p]!;
    offsets[i] = left;
    nextChild[i] = left;
    if (p >= 0) nextChild[p] = left + Math.max(0, total[i]!);
  }
  return offsets;
}

export function ancestors(model: ViewerModel, frame: number): number[] {
  const path: number[] = [];
  for (let i = frame; i >= 0; i = model.parent[i]!) path.push(i);
  return path.reverse();
}

/**
 * The frames to draw when `zoom` fills `widthPx`: its ancestors (drawn full width) and every
 * frame of its subtree at least `minPx` wide. A frame is never wider than its parent, so a
 * narrow frame's whole subtree is skipped without looking at it.
 */
export function visibleFrames(model: ViewerModel, metric: number, zoom: number, widthPx: number, minPx: number): VisibleFrames {
  const total = model.total[metric]!;
  const frames = ancestors(model, zoom);
  frames.pop();
  const zoomTotal = total[zoom]!;
  let maxDepth = model.depth[zoom]!;
  if (!(zoomTotal > 0)) return { frames, maxDepth };
  const scale = widthPx / zoomTotal;
  const stop = model.end[zoom]!;
  let i = zoom;
  while (i < stop) {
    if (total[i]! * scale < minPx) {
      i = model.end[i]!;
      continue;
    }
    frames.push(i);
    if (model.depth[i]! > maxDepth) maxDepth = model.depth[i]!;
    i++;
  }
  return { frames, maxDepth };
}

/** Frames whose name passes `test`; each distinct name is tested once. */
export function searchFrames(model: ViewerModel, test: (name: string) => boolean): SearchResult {
  const byString = new Int8Array(model.strings.length).fill(-1);
  const matched = new Uint8Array(model.frameCount);
  let matchedFrames = 0;
  for (let i = 0; i < model.frameCount; i++) {
    const name = model.name[i]!;
    if (byString[name] === -1) byString[name] = test(model.strings[name]!) ? 1 : 0;
    if (byString[name] === 1) {
      matched[i] = 1;
      matchedFrames++;
    }
  }
  return { matched, matchedFrames };
}

/**
 * The value under matched frames within `within`'s subtree, each stack counted once: a match
 * inside a matched frame adds nothing (its value is already in the outer match).
 */
export function matchedValue(model: ViewerModel, matched: Uint8Array, metric: number, within: number): number {
  const total = model.total[metric]!;
  for (let a = model.parent[within]!; a >= 0; a = model.parent[a]!) if (matched[a]) return Math.max(0, total[within]!);
  let sum = 0;
  const stop = model.end[within]!;
  let i = within;
  while (i < stop) {
    if (matched[i]) {
      sum += Math.max(0, total[i]!);
      i = model.end[i]!;
    } else {
      i++;
    }
  }
  return sum;
}
