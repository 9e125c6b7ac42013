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
});
