import { describe, expect, it } from 'vitest';
import { rankHeapBands, summariseHeapSeries } from '../../src/analyze/heap-bands.js';
import { readHeapProfile } from '../../src/formats/hp/hp.js';
import { readSample } from '../support/samples.js';
import { readSimpleHeapProfile } from '../support/simple-hp.js';

describe('heap band summaries', () => {
  it('peaks, areas and totals agree with a recomputation from the file', async () => {
    const text = readSample('ledger/by-closure-hd.hp');
    const censuses = readSimpleHeapProfile(text);
    const summary = summariseHeapSeries(await readHeapProfile([text], 'x'));
    const bands = new Set(censuses.flatMap((census) => [...census.bands.keys()]));
    for (const band of bands) {
      const values = censuses.map((census) => census.bands.get(band) ?? 0);
      let area = 0;
      for (let i = 1; i < censuses.length; i++) area += ((values[i - 1]! + values[i]!) / 2) * (censuses[i]!.timeSecs - censuses[i - 1]!.timeSecs);
      const found = summary.bands.find((entry) => entry.band === band)!;
      expect(found.peakBytes).toBe(Math.max(...values));
      expect(found.byteSeconds).toBeCloseTo(area, 6);
    }
    const totals = censuses.map((census) => [...census.bands.values()].reduce((a, b) => a + b, 0));
    expect(summary.peakTotalBytes).toBe(Math.max(...totals));
    expect(summary.samples).toBe(censuses.length);
  });

  it('ranks by peak or by area', async () => {
    const summary = summariseHeapSeries(await readHeapProfile([readSample('interp/a/heap.hp')], 'x'));
    const byPeak = rankHeapBands(summary.bands, 'peak');
    const byArea = rankHeapBands(summary.bands, 'area');
    for (let i = 1; i < byPeak.length; i++) expect(byPeak[i - 1]!.peakBytes).toBeGreaterThanOrEqual(byPeak[i]!.peakBytes);
    for (let i = 1; i < byArea.length; i++) expect(byArea[i - 1]!.byteSeconds).toBeGreaterThanOrEqual(byArea[i]!.byteSeconds);
  });

  it('a span with no census adds no area: by-type-hy.hp\'s area ends at its last census before the one at exit', async () => {
    const text = readSample('ledger/by-type-hy.hp');
    const censuses = readSimpleHeapProfile(text);
    const summary = summariseHeapSeries(await readHeapProfile([text], 'x'));
    const last = censuses.length - 1;
    expect(summary.gaps).toEqual([{ fromSecs: censuses[last - 1]!.timeSecs, toSecs: censuses[last]!.timeSecs }]);
    const totals = censuses.map((census) => [...census.bands.values()].reduce((a, b) => a + b, 0));
    let area = 0;
    for (let i = 1; i < last; i++) area += ((totals[i - 1]! + totals[i]!) / 2) * (censuses[i]!.timeSecs - censuses[i - 1]!.timeSecs);
    expect(summary.totalByteSeconds).toBeCloseTo(area, 6);
  });

  it('evenly spaced censuses have no gap; the other samples\' .hp files neither', async () => {
    for (const file of ['ledger/by-closure-hd.hp', 'interp/a/heap.hp', 'interp/b/heap.hp']) {
      expect(summariseHeapSeries(await readHeapProfile([readSample(file)], file)).gaps).toEqual([]);
    }
  });
});
