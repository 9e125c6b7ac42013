// The FlameData a viewer page embeds, in a compact shape: parallel arrays instead of one
// object per frame, one string table for names and SRC spans, one module table (with the
// module's colour, so the page and the SVG colour a module alike), and the tree as depths.
// Pre-order makes depths enough: a frame's parent is the nearest earlier frame one level up.
import type { FlameData, FlameMetric } from '../flame-data.js';
import { deltaColour } from '../diff-colour.js';
import { frameColour, moduleColour, selfCostColour, SELF_COLOURING_LEGEND, type FrameColouring } from '../module-colour.js';
import { legendModules } from '../module-legend.js';

/** Change status codes in `FlamePayload.delta.status`. */
const DELTA_STATUS = { none: -1, both: 0, added: 1, removed: 2 } as const;

export interface FlamePayloadDelta {
  /** Per frame: change of its own value in percent of the base, null when only in one build or unknown. */
  pct: Array<number | null>;
  /** Per frame: 1 when the change is significant. */
  significant: number[];
  /** Per frame: a `DELTA_STATUS` code (`none` for frames without a delta, such as merged ones). */
  status: number[];
  /** Per frame: index into `colours`, the fill the SVG flamegraph gives the same change. */
  colour: number[];
  colours: string[];
  /** Swatches for the page's legend, from the same colour function. */
  legend: ChangeLegend;
}

export interface ChangeLegend {
  /** Small and large significant increases. */
  more: [string, string];
  less: [string, string];
  unchanged: string;
  added: string;
  removed: string;
}

export interface FlamePayload {
  version: 1;
  title: string;
  subtitle: string[];
  metrics: FlameMetric[];
  /** Colour frames by change rather than by module; `delta` is present exactly then. */
  differential: boolean;
  /** Open with the root at the top. */
  inverted: boolean;
  mergedFrames: number;
  /** Names and SRC spans, referenced by index. */
  strings: string[];
  modules: string[];
  /** CSS colour per entry of `modules` (the legend's swatches). */
  moduleColours: string[];
  /** What the fills say when not by module (by individual cost), else null. */
  colouringLegend: string | null;
  /** The modules the legend lists, by individual value of the first metric, largest first. */
  moduleLegend: number[];
  /** CSS colours of frames (module hue, cost-centre shade), referenced by `fill`. */
  fills: string[];
  /** Per frame: index into `fills`. */
  fill: number[];
  /** Per frame, in FlameData's pre-order: depth below the root (root 0). */
  depth: number[];
  /** Per frame: index into `strings`. */
  name: number[];
  /** Per frame: index into `modules`. */
  module: number[];
  /** Per frame: index into `strings`, -1 when the frame has no SRC. */
  src: number[];
  /** Indices of merged frames, ascending. */
  merged: number[];
  /** `total[metric][frame]`: inclusive value, metrics in `metrics` order. */
  total: number[][];
  /** `self[metric][frame]`: the frame's own value. */
  self: number[][];
  delta: FlamePayloadDelta | null;
}

export interface FlamePayloadOptions {
  differential: boolean;
  inverted: boolean;
  /** Default 'module'. By 'self', fills follow the first metric's individual cost and the legend says so. */
  colouring?: FrameColouring;
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  intern(value: string): number {
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.values.length;
      this.values.push(value);
      this.index.set(value, found);
    }
    return found;
  }
}

/** Depth of every frame; throws when `frames` is not the pre-order FlameData promises. */
function preorderDepths(data: FlameData): number[] {
  const depths: number[] = [];
  // The ancestors of the frame just visited: in pre-order a frame's parent is one of them.
  const path: number[] = [];
  data.frames.forEach((frame, index) => {
    if (index === 0 ? frame.parent !== -1 : frame.parent < 0) throw new Error(`FlameData frame ${index}: only frames[0] may be the root (parent ${frame.parent})`);
    while (path.length > 0 && path[path.length - 1] !== frame.parent) path.pop();
    if (index > 0 && path.length === 0) throw new Error(`FlameData frame ${index}: not in pre-order (parent ${frame.parent} is not an open ancestor)`);
    depths.push(path.length);
    path.push(index);
  });
  return depths;
}

function changeLegend(): ChangeLegend {
  const change = (deltaPct: number): string => deltaColour({ deltaPct, significant: true, status: 'both' });
  return {
    more: [change(5), change(100)],
    less: [change(-5), change(-100)],
    unchanged: deltaColour({ deltaPct: 0, significant: false, status: 'both' }),
    added: deltaColour({ deltaPct: null, significant: false, status: 'added' }),
    removed: deltaColour({ deltaPct: null, significant: false, status: 'removed' }),
  };
}

export function encodeFlamePayload(data: FlameData, options: FlamePayloadOptions): FlamePayload {
  const strings = new Interner();
  const modules = new Interner();
  const depth = preorderDepths(data);
  const metricCount = data.metrics.length;
  const total: number[][] = data.metrics.map(() => []);
  const self: number[][] = data.metrics.map(() => []);
  const name: number[] = [];
  const module: number[] = [];
  const src: number[] = [];
  const merged: number[] = [];
  const differential = options.differential || data.frames.some((frame) => frame.delta !== undefined);
  const colours = new Interner();
  const fills = new Interner();
  const bySelf = options.colouring === 'self';
  const rootTotal = data.frames[0]?.total[0] ?? 0;
  const fill: number[] = [];
  const delta: FlamePayloadDelta | null = differential ? { pct: [], significant: [], status: [], colour: [], colours: colours.values, legend: changeLegend() } : null;
  data.frames.forEach((frame, index) => {
    name.push(strings.intern(frame.name));
    module.push(modules.intern(frame.module));
    fill.push(fills.intern(bySelf ? selfCostColour(frame.self[0] ?? 0, rootTotal) : frameColour(frame.module, frame.name)));
    src.push(frame.src === null ? -1 : strings.intern(frame.src));
    if (frame.merged) merged.push(index);
    for (let m = 0; m < metricCount; m++) {
      total[m]!.push(frame.total[m] ?? 0);
      self[m]!.push(frame.self[m] ?? 0);
    }
    if (delta !== null) {
      delta.pct.push(frame.delta?.deltaPct ?? null);
      delta.significant.push(frame.delta?.significant ? 1 : 0);
      delta.status.push(frame.delta === undefined ? DELTA_STATUS.none : DELTA_STATUS[frame.delta.status]);
      delta.colour.push(colours.intern(deltaColour(frame.delta)));
    }
  });
  return {
    version: 1,
    title: data.title,
    subtitle: data.subtitle,
    metrics: data.metrics,
    differential,
    inverted: options.inverted,
    mergedFrames: data.mergedFrames,
    strings: strings.values,
    modules: modules.values,
    moduleColours: modules.values.map(moduleColour),
    colouringLegend: bySelf ? SELF_COLOURING_LEGEND : null,
    moduleLegend: bySelf ? [] : legendModules(data, 0).map((name) => modules.intern(name)),
    fills: fills.values,
    fill,
    depth,
    name,
    module,
    src,
    merged,
    total,
    self,
    delta,
  };
}
