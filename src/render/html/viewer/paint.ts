// Draws the frames a model says are visible onto a 2D canvas, and picks their colours:
// by module or by change (both computed by the page's writer, as the SVG picks them), with
// stripes over frames found in one build only and search matches in magenta.
import type { ViewerModel, VisibleFrames } from './model.js';

export interface PaintScene {
  model: ViewerModel;
  metric: number;
  offsets: Float64Array;
  zoom: number;
  visible: VisibleFrames;
  /** Canvas size in CSS pixels. */
  widthPx: number;
  heightPx: number;
  rowHeightPx: number;
  /** Root at the top (icicle) instead of at the bottom (flame). */
  inverted: boolean;
  differential: boolean;
  /** Search matches, null when no search is active. */
  matched: Uint8Array | null;
  hovered: number;
  /** Diagonal stripes laid over frames that exist in one build only. */
  stripes: CanvasPattern | null;
}

/** Where each drawn frame went, parallel to `frames`. */
export interface PaintedFrames {
  frames: number[];
  x: Float64Array;
  width: Float64Array;
  y: Float64Array;
  fill: string[];
}

const MERGED_FILL = '#c8c8c8';
const MATCH_FILL = '#d63ad6';
const NO_DATA_FILL = '#e2e2e2';
const TEXT_FILL = '#1d1d1d';
const FONT = '12px system-ui, -apple-system, "Segoe UI", "Liberation Sans", sans-serif';
const LABEL_PAD_PX = 4;
const MIN_LABEL_PX = 24;

function frameFill(scene: PaintScene, frame: number): string {
  const model = scene.model;
  if (scene.matched !== null && scene.matched[frame]) return MATCH_FILL;
  if (scene.differential) return model.changeFill?.[frame] ?? NO_DATA_FILL;
  if (model.merged[frame]) return MERGED_FILL;
  return model.fills[model.fill[frame]!]!;
}

/**
 * `text`, or as much of it as fits `roomPx` with an ellipsis in the middle: a name's end
 * (the cost centre's label) tells more than its module prefix, which the colour shows.
 */
export function fitLabel(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, fullPx: number, roomPx: number): string | null {
  if (fullPx <= roomPx) return text;
  let kept = Math.floor((text.length * roomPx) / fullPx);
  while (kept >= 4) {
    const head = Math.ceil(kept / 3);
    const candidate = `${text.slice(0, head)}…${text.slice(text.length - (kept - head))}`;
    if (ctx.measureText(candidate).width <= roomPx) return candidate;
    kept--;
  }
  return null;
}

export function rowTop(scene: PaintScene, depth: number): number {
  return scene.inverted ? depth * scene.rowHeightPx : scene.heightPx - (depth + 1) * scene.rowHeightPx;
}

export function paint(ctx: CanvasRenderingContext2D, scene: PaintScene, labelWidths: Map<number, number>): PaintedFrames {
  const { model, offsets, zoom, widthPx } = scene;
  const frames = scene.visible.frames;
  const total = model.total[scene.metric]!;
  const scale = total[zoom]! > 0 ? widthPx / total[zoom]! : 0;
  const origin = offsets[zoom]!;
  const zoomDepth = model.depth[zoom]!;
  const painted: PaintedFrames = {
    frames,
    x: new Float64Array(frames.length),
    width: new Float64Array(frames.length),
    y: new Float64Array(frames.length),
    fill: [],
  };
  ctx.clearRect(0, 0, widthPx, scene.heightPx);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  const boxHeight = scene.rowHeightPx - 1;
  for (let k = 0; k < frames.length; k++) {
    const frame = frames[k]!;
    const depth = model.depth[frame]!;
    // The zoomed frame's ancestors span the whole width, faded: they are context, not scale.
    const ancestor = depth < zoomDepth;
    const x = ancestor ? 0 : (offsets[frame]! - origin) * scale;
    const width = ancestor ? widthPx : Math.min(total[frame]! * scale, widthPx - x);
    const y = rowTop(scene, depth);
    const fill = frameFill(scene, frame);
    painted.x[k] = x;
    painted.width[k] = width;
    painted.y[k] = y;
    painted.fill.push(fill);
    const dimmed = ancestor || (scene.matched !== null && !scene.matched[frame]);
    ctx.globalAlpha = dimmed ? 0.45 : 1;
    ctx.fillStyle = fill;
    // A one-pixel gap between neighbours where there is room for it.
    const boxWidth = width >= 3 ? width - 1 : width;
    ctx.fillRect(x, y, boxWidth, boxHeight);
    const status = model.status === null ? -1 : model.status[frame]!;
    if (scene.differential && scene.stripes !== null && (status === 1 || status === 2)) {
      ctx.fillStyle = scene.stripes;
      ctx.fillRect(x, y, boxWidth, boxHeight);
    }
    if (width >= MIN_LABEL_PX) {
      const nameIndex = model.name[frame]!;
      const text = model.strings[nameIndex]!;
      let fullPx = labelWidths.get(nameIndex);
      if (fullPx === undefined) {
        fullPx = ctx.measureText(text).width;
        labelWidths.set(nameIndex, fullPx);
      }
      const label = fitLabel(ctx, text, fullPx, width - 2 * LABEL_PAD_PX);
      if (label !== null) {
        ctx.fillStyle = TEXT_FILL;
        ctx.fillText(label, x + LABEL_PAD_PX, y + boxHeight / 2 + 0.5);
      }
    }
    if (frame === scene.hovered) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, Math.max(0, boxWidth - 1), boxHeight - 1);
    }
  }
  ctx.globalAlpha = 1;
  return painted;
}
