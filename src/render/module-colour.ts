// A stable colour per module and cost centre, so they look the same in every picture and run.

/** FNV-1a: a small, fast string hash; stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hue and saturation of a module: warm flame colours (reds to yellows). */
function moduleTone(module: string): { hue: number; saturation: number } {
  const hash = hashString(module);
  return { hue: hash % 55, saturation: 60 + ((hash >>> 8) % 30) }; // hue 0 (red) .. 55 (orange-yellow)
}

/** A module's colour, as its legend swatch shows it: its hue at a middle shade. */
export function moduleColour(module: string): string {
  const { hue, saturation } = moduleTone(module);
  return `hsl(${hue}, ${saturation}%, 62%)`;
}

/**
 * A frame's colour: the hue of its module, a shade of its own (from its name), so that a
 * program of one module still tells its cost centres apart, and a module's frames stay alike.
 */
export function frameColour(module: string, name: string): string {
  const { hue, saturation } = moduleTone(module);
  const lightness = 48 + (hashString(name) % 29); // 48% .. 76%
  return `hsl(${hue}, ${saturation}%, ${lightness}%)`;
}

/** How frames are coloured when not by change: by module (hue) and cost centre (shade), or by individual cost. */
export type FrameColouring = 'module' | 'self';

/**
 * A frame's colour by its individual (self) cost as a share of the total: pale yellow for
 * none, deeper red as it grows, so the hot frames stand out whatever their module. The share
 * is taken on a square-root scale: a frame of 1% is still visibly warmer than one of 0%.
 */
export function selfCostColour(self: number, total: number): string {
  const share = total > 0 ? Math.min(1, Math.max(0, self / total)) : 0;
  const heat = Math.sqrt(share);
  return `hsl(${Math.round(50 - 50 * heat)}, ${Math.round(70 + 25 * heat)}%, ${Math.round(82 - 40 * heat)}%)`;
}

/** What the chosen colouring says, for a picture's legend. */
export const SELF_COLOURING_LEGEND = 'Colour by individual cost (share of the total): pale = none, deeper red = more';
