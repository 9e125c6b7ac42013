// The differential flamegraph colours by the absolute change of each frame's own value.
import { describe, expect, it } from 'vitest';
import { deltaColour } from '../../src/render/diff-colour.js';
import { framePaths } from '../../src/render/diff-flame-data.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';
import { interpDifferentialFlameData } from './html/flame-samples.js';

/** Median over build's 8 runs of the ticks of every node of one cost centre, from the files. */
function medianTicks(build: string, label: string): number {
  const values = [1, 2, 3, 4, 5, 6, 7, 8]
    .map((n) => {
      const report = readSimpleReport(readSample(`interp/${build}/run-${n}.prof`));
      return report.rows.filter((row) => row.label === label).reduce((sum, row) => sum + (row.individualTimePct * report.totalTicks) / 100, 0);
    })
    .sort((a, b) => a - b);
  return (values[3]! + values[4]!) / 2;
}

describe('differential flamegraph', () => {
  it('a frame that gained the most time is coloured strongest, though a small frame grew by a larger percentage', async () => {
    const data = await interpDifferentialFlameData();
    const paths = framePaths(data);
    const frameOf = (label: string) => data.frames.filter((frame, index) => frame.delta?.significant && paths[index]!.endsWith(`Main.${label}`));
    const evalFrames = frameOf('eval');
    expect(evalFrames.length).toBeGreaterThan(0);
    // eval gained far more milliseconds than any other frame (recomputed from the files).
    const evalGain = medianTicks('b', 'eval') - medianTicks('a', 'eval');
    const simplifyGain = medianTicks('b', 'simplify') - medianTicks('a', 'simplify');
    expect(evalGain).toBeGreaterThan(10 * Math.abs(simplifyGain));
    const strongest = Math.max(...data.frames.map((frame) => frame.delta?.strength ?? 0));
    expect(Math.max(...evalFrames.map((frame) => frame.delta!.strength!))).toBe(strongest);
    expect(strongest).toBe(1);
    // A frame's colour follows its strength, not its percentage.
    const weak = { deltaPct: 300, strength: 0.05, significant: true, status: 'both' as const };
    const strong = { deltaPct: 30, strength: 1, significant: true, status: 'both' as const };
    const saturation = (colour: string) => Number(/hsl\(\d+, (\d+)%/.exec(colour)![1]);
    expect(saturation(deltaColour(strong))).toBeGreaterThan(saturation(deltaColour(weak)));
    expect(evalFrames[0]!.delta!.changeText).toMatch(/^\+[\d.]+ ms$/);
  });
});
