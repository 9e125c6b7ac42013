import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readEventlogHeapSeries } from '../../src/formats/eventlog/index.js';
import { readHeapProfile } from '../../src/formats/hp/hp.js';
import { renderHeapChart, renderHeapChartHtml } from '../../src/render/heap-chart.js';
import { withUserMarkers } from '../support/eventlog-edit.js';
import { readSample, samplePath } from '../support/samples.js';
import { readSimpleHeapProfile } from '../support/simple-hp.js';

function polygons(svg: string): Array<Array<[number, number]>> {
  return [...svg.matchAll(/<polygon class="band" points="([^"]+)"/g)].map((match) =>
    match[1]!.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]),
  );
}

const unescapeXml = (text: string): string => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

describe('heap chart', () => {
  it('stacks the top bands plus other; the top edge follows the census totals of the file', async () => {
    const text = readSample('ledger/by-closure-hd.hp');
    const censuses = readSimpleHeapProfile(text);
    const series = await readHeapProfile([text], 'by-closure-hd.hp');
    const { svg, legend } = renderHeapChart(series, { top: 6 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(legend.map((entry) => entry.band)).toContain('other');
    const drawn = polygons(svg);
    expect(drawn).toHaveLength(7);
    const totals = censuses.map((census) => [...census.bands.values()].reduce((a, b) => a + b, 0));
    const ys = drawn.flat().map(([, y]) => y);
    const baseline = Math.max(...ys);
    const topY = Math.min(...ys);
    const maxTotal = Math.max(...totals);
    const topBand = drawn[drawn.length - 1]!;
    censuses.forEach((_, i) => {
      const expected = baseline - (totals[i]! / maxTotal) * (baseline - topY);
      expect(topBand[i]![1]).toBeCloseTo(expected, 1);
    });
  });

  it('eventlog: elapsed-time axis and user markers as vertical lines; HTML page is self-contained', async () => {
    const log = withUserMarkers(readFileSync(samplePath('interp/a/heap.eventlog')), [{ timeNs: 150_000_000, name: 'phase: <b>' }]);
    const series = await readEventlogHeapSeries([log], 'heap.eventlog');
    const { svg } = renderHeapChart(series, { top: 5 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('elapsed time (s)');
    expect(svg).toMatch(/<g class="marker"><title>phase: &lt;b&gt; at 0\.150000 s<\/title>/);
    expect(svg).toMatch(/>\d+(\.\d+)? MiB</);
    const html = renderHeapChartHtml(series, { top: 5 });
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('<svg');
  });

  it('the legend is in the SVG, top band first; "other" shows the peak of what it sums, not 0 B', async () => {
    const text = readSample('ledger/by-closure-hd.hp');
    const censuses = readSimpleHeapProfile(text);
    const series = await readHeapProfile([text], 'by-closure-hd.hp');
    const { svg, legend } = renderHeapChart(series, { top: 4 });
    const entries = [...svg.matchAll(/<g class="legend-entry"><title>([^<]*)<\/title>/g)].map((match) => unescapeXml(match[1]!).split('\n')[0]);
    expect(entries).toEqual(legend.map((entry) => entry.label));
    expect(legend).toHaveLength(5);
    expect(legend[0]!.band).toBe('other');
    const shown = new Set(legend.slice(1).map((entry) => entry.band));
    const otherPeak = Math.max(...censuses.map((census) => [...census.bands].filter(([band]) => !shown.has(band)).reduce((sum, [, bytes]) => sum + bytes, 0)));
    expect(otherPeak).toBeGreaterThan(0);
    expect(legend[0]!.peakBytes).toBe(otherPeak);
    for (const entry of legend.slice(1)) expect(entry.peakBytes).toBe(Math.max(...censuses.map((census) => census.bands.get(entry.band) ?? 0)));
    // The page lists the legend beside the chart instead.
    const html = renderHeapChartHtml(series, { top: 4 });
    expect(html).not.toContain('class="legend-entry"');
    expect(html.match(/<li><span class="swatch"/g)).toHaveLength(5);
  });

  it('a span with no census (by-type-hy.hp: the empty census at exit, long after the last) is a shaded gap, not a ramp', async () => {
    const text = readSample('ledger/by-type-hy.hp');
    const times = readSimpleHeapProfile(text).map((census) => census.timeSecs);
    const [before, after] = times.slice(-2) as [number, number];
    // What makes it a gap, from the file: far longer than any other interval.
    const otherIntervals = times.slice(1, -1).map((time, i) => time - times[i]!);
    expect(after - before).toBeGreaterThan(10 * Math.max(...otherIntervals));
    const series = await readHeapProfile([text], 'by-type-hy.hp');
    const { svg } = renderHeapChart(series, { top: 6 });
    expect(XMLValidator.validate(svg)).toBe(true);
    const gap = /<g class="gap"><title>no census from ([\d.]+) s to ([\d.]+) s<\/title><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg);
    expect(gap).not.toBeNull();
    expect([Number(gap![1]), Number(gap![2])]).toEqual([Number(before.toFixed(3)), Number(after.toFixed(3))]);
    const [gapFrom, gapTo] = [Number(gap![3]), Number(gap![3]) + Number(gap![4])];
    for (const polygon of polygons(svg)) {
      const xs = polygon.map(([x]) => x);
      // Each area lies on one side of the gap: none spans it.
      expect(Math.max(...xs) <= gapFrom + 1.01 || Math.min(...xs) >= gapTo - 1.01).toBe(true);
      for (const x of xs) expect(x <= gapFrom + 1.01 || x >= gapTo - 1.01).toBe(true);
    }
  });

  it('a lone census (a GHC 8.x log of one) is drawn as a narrow column, with its bytes', async () => {
    const series = await readEventlogHeapSeries([readFileSync(samplePath('ghc-events/sleep.hy.eventlog'))], 'sleep.hy.eventlog');
    expect(series.samples).toHaveLength(1);
    const drawn = polygons(renderHeapChart(series, { top: 5 }).svg);
    expect(drawn.length).toBeGreaterThan(0);
    for (const polygon of drawn) expect(new Set(polygon.map(([x]) => x)).size).toBe(2);
  });

  it('200,000 censuses draw (a data-sized spread into Math.max overflowed the stack)', () => {
    const samples = Array.from({ length: 200_000 }, (_, i) => ({ timeSecs: i * 0.01, bytesByBand: new Map([['a', 1000 + (i % 7)], ['b', 10 + (i % 3)]]) }));
    const series = { source: 'many.hp', format: 'hp' as const, job: null, date: null, breakdown: null, timeBasis: 'mutator-cpu' as const, samples, bands: ['a', 'b'], markers: [], warnings: [] };
    const { svg } = renderHeapChart(series, { top: 5 });
    expect(polygons(svg)).toHaveLength(2);
    expect(polygons(svg)[1]).toHaveLength(400_000);
  });
});
