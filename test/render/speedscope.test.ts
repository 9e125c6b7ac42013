import { describe, expect, it } from 'vitest';
import { parseProfJson } from '../../src/formats/prof-json/prof-json.js';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { toSpeedscope } from '../../src/render/speedscope.js';
import { readSample, textProfSamples } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';
import { speedscopeProblems } from '../support/speedscope-check.js';

describe('speedscope export', () => {
  it('validates against speedscope\'s published schema on every text sample', async () => {
    for (const file of textProfSamples()) {
      const profile = await parseProfText(readSample(file), file);
      expect(speedscopeProblems(toSpeedscope([{ name: file, profile }], file, 'ghcprof-test')), file).toEqual([]);
    }
  });

  for (const file of ['interp/a/detailed-P.prof', 'ledger/all-pa.prof', 'real/llelf__flamingra__pandoc.prof']) {
    it(`${file}: time weights sum to GHC's total ticks, alloc weights to total alloc`, async () => {
      const text = readSample(file);
      const simple = readSimpleReport(text);
      const profile = await parseProfText(text, file);
      const speedscope = toSpeedscope([{ name: file, profile }], file, 'ghcprof-test');
      const [time, alloc] = speedscope.profiles;
      expect(time!.unit).toBe('nanoseconds');
      const intervalNs = simple.tickIntervalUs * 1000;
      expect(time!.weights.reduce((a, b) => a + b, 0) / intervalNs).toBe(simple.totalTicks);
      expect(alloc!.unit).toBe('bytes');
      expect(alloc!.weights.reduce((a, b) => a + b, 0)).toBe(simple.totalAllocBytes);
    });
  }

  it('frames carry file, line and column from SRC; one sampled profile per metric and run', async () => {
    const a = await parseProfText(readSample('interp/a/detailed-P.prof'), 'a');
    const b = parseProfJson(readSample('interp/b/run-1.json.prof'), 'b');
    const speedscope = toSpeedscope([{ name: 'a', profile: a }, { name: 'b', profile: b }], 'two', 'ghcprof-test');
    expect(speedscopeProblems(speedscope)).toEqual([]);
    expect(speedscope.profiles.map((profile) => profile.name)).toEqual(['a: time', 'a: alloc', 'b: time', 'b: alloc']);
    expect(speedscope.shared.frames).toContainEqual({ name: 'Main.expr', file: 'Interp.hs', line: 36, col: 1 });
    expect(speedscope.shared.frames).toContainEqual({ name: 'Main.lexeme', file: 'Interp.hs', line: 25, col: 1 });
    expect(speedscope.shared.frames.find((frame) => frame.name === 'MAIN.MAIN')).toEqual({ name: 'MAIN.MAIN' });
  });

  it('the check itself rejects a broken file', () => {
    expect(speedscopeProblems({ shared: { frames: [] }, profiles: [] }).length).toBeGreaterThan(0);
    const broken = { $schema: 'https://www.speedscope.app/file-format-schema.json', shared: { frames: [{ name: 'f' }] }, profiles: [{ type: 'sampled', name: 'p', unit: 'none', startValue: 0, endValue: 3, samples: [[0], [1]], weights: [1, 2] }] };
    expect(speedscopeProblems(broken)).toEqual(['profile 0: frame 1 out of range']);
  });
});
