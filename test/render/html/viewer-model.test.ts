// The page's model functions, run in Node against independent recomputations from FlameData.
import { describe, expect, it } from 'vitest';
import type { FlameData } from '../../../src/render/flame-data.js';
import { encodeFlamePayload } from '../../../src/render/html/flame-payload.js';
import * as lib from '../../../src/render/html/viewer/model.js';
import type { ViewerModel } from '../../../src/render/html/viewer/model.js';
import { bigFlameData, frameDepths, interpFlameData, matchedSharePct } from './flame-samples.js';

const modelOf = (data: FlameData): ViewerModel => lib.buildModel(encodeFlamePayload(data, { differential: false, inverted: false }));

/** Left edge of each frame: its parent's left edge plus the totals of its earlier siblings. */
function leftEdges(data: FlameData, metric: number): number[] {
  return data.frames.map((_, index) => {
    let left = 0;
    for (let frame = index; data.frames[frame]!.parent >= 0; frame = data.frames[frame]!.parent) {
      const parent = data.frames[frame]!.parent;
      data.frames.forEach((sibling, s) => {
        if (s < frame && sibling.parent === parent) left += Math.max(0, sibling.total[metric]!);
      });
    }
    return left;
  });
}

function isInside(data: FlameData, frame: number, ancestor: number): boolean {
  for (let at = frame; at >= 0; at = data.frames[at]!.parent) if (at === ancestor) return true;
  return false;
}

describe('viewer model', () => {
  it('offsets lay children side by side under their parent, for every metric', async () => {
    const data = await interpFlameData();
    const model = modelOf(data);
    data.metrics.forEach((_, metric) => {
      const offsets = lib.frameOffsets(model, metric);
      const expected = leftEdges(data, metric);
      expected.forEach((left, i) => expect(offsets[i]).toBeCloseTo(left, 6));
    });
  });

  it('draws the zoomed subtree’s frames of at least 1 px, and the zoomed frame’s callers', async () => {
    const data = await bigFlameData(0.01);
    const model = modelOf(data);
    const widthPx = 1200;
    for (const metric of [0, 1, 2]) {
      const rootTotal = data.frames[0]!.total[metric]!;
      // A zoom target a few levels down: the widest frame at depth 3.
      const depths = frameDepths(data);
      const zoom = data.frames.map((frame, i) => ({ i, value: frame.total[metric]! })).filter(({ i }) => depths[i] === 3).sort((a, b) => b.value - a.value)[0]!.i;
      for (const [target, scale] of [[0, widthPx / rootTotal], [zoom, widthPx / data.frames[zoom]!.total[metric]!]] as const) {
        const wide = (i: number): boolean => data.frames[i]!.total[metric]! * scale >= 1;
        const expected: number[] = [];
        data.frames.forEach((_, i) => {
          if (isInside(data, target, i) && i !== target) expected.push(i);
          else if (isInside(data, i, target)) {
            let drawn = true;
            for (let at = i; at !== target; at = data.frames[at]!.parent) drawn &&= wide(at);
            if (drawn) expected.push(i);
          }
        });
        const visible = lib.visibleFrames(model, metric, target, widthPx, 1);
        expect(visible.frames).toEqual(expected);
        expect(visible.frames.length).toBeLessThan(data.frames.length);
      }
    }
  });

  it('search: matched share counts each stack once', async () => {
    const data = await interpFlameData();
    const model = modelOf(data);
    // Nested matches: Main.expr.atom sits inside Main.expr, Main.lexeme inside both.
    const tests: Array<(name: string) => boolean> = [(name) => name.includes('expr'), (name) => /lexeme|symbol/.test(name), (name) => name === 'MAIN.MAIN', () => false];
    for (const test of tests) {
      const result = lib.searchFrames(model, test);
      expect(result.matchedFrames).toBe(data.frames.filter((frame) => test(frame.name)).length);
      data.metrics.forEach((_, metric) => {
        const share = (lib.matchedValue(model, result.matched, metric, 0) / data.frames[0]!.total[metric]!) * 100;
        expect(share).toBeCloseTo(matchedSharePct(data, metric, test), 9);
        expect(share).toBeLessThanOrEqual(100 + 1e-9);
      });
    }
    const nested = lib.searchFrames(model, (name) => name.includes('expr'));
    const naive = data.frames.filter((frame) => frame.name.includes('expr')).reduce((sum, frame) => sum + frame.total[0]!, 0);
    expect(lib.matchedValue(model, nested.matched, 0, 0)).toBeLessThan(naive);
  });

  it('ancestors run from the root to the frame', async () => {
    const data = await interpFlameData();
    const model = modelOf(data);
    const deepest = data.frames.length - 1;
    const path = lib.ancestors(model, deepest);
    expect(path[0]).toBe(0);
    expect(path.at(-1)).toBe(deepest);
    path.slice(1).forEach((frame, k) => expect(data.frames[frame]!.parent).toBe(path[k]));
  });
});
