// A stable colour per module, so one module looks the same in every picture and run.

/** FNV-1a: a small, fast string hash; stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Warm flame colours (reds to yellows), varied by module. */
export function moduleColour(module: string): string {
  const hash = hashString(module);
  const hue = hash % 55; // 0 (red) .. 55 (orange-yellow)
  const saturation = 60 + ((hash >>> 8) % 30);
  const lightness = 55 + ((hash >>> 16) % 15);
  return `hsl(${hue}, ${saturation}%, ${lightness}%)`;
}
