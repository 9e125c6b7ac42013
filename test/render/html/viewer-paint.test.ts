// The painter's pure parts: label fitting and row placement.
import { describe, expect, it } from 'vitest';
import * as painter from '../../../src/render/html/viewer/paint.js';
import type { PaintScene } from '../../../src/render/html/viewer/paint.js';

/** A canvas context whose text is 7 px per character. */
const monospaceContext = { measureText: (text: string) => ({ width: text.length * 7 }) } as unknown as Parameters<typeof painter.fitLabel>[0];

describe('flame painter', () => {
  it('labels: whole when they fit, else head…tail, else nothing', () => {
    const name = 'Big.Layer1.Part1.l1_fold13';
    const fullPx = name.length * 7;
    expect(painter.fitLabel(monospaceContext, name, fullPx, fullPx)).toBe(name);
    const cut = painter.fitLabel(monospaceContext, name, fullPx, 100)!;
    expect(cut.length * 7).toBeLessThanOrEqual(100);
    expect(cut).toBe('Big.L…1_fold13');
    expect(painter.fitLabel(monospaceContext, name, fullPx, 20)).toBeNull();
  });

  it('rows: the root at the bottom (flame) or at the top (icicle)', () => {
    const scene = { heightPx: 180, rowHeightPx: 18, inverted: false } as PaintScene;
    expect(painter.rowTop(scene, 0)).toBe(162);
    expect(painter.rowTop(scene, 9)).toBe(0);
    expect(painter.rowTop({ ...scene, inverted: true }, 0)).toBe(0);
    expect(painter.rowTop({ ...scene, inverted: true }, 2)).toBe(36);
  });
});
