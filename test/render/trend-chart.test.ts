// The trend charts of samples/timeline: the SVG is XML with one chart per series, each change
// point one vertical line between the right two builds, labelled with its suspects (checked
// against the manifests in the builds, not against the label code); the HTML page carries the
// data and the pickers, loads nothing, and keeps hostile names inert.
import { runInNewContext } from 'node:vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTimeline, type Timeline, type TimelineChangePoint } from '../../src/analyze/timeline.js';
import { renderTrendHtml } from '../../src/render/trend-chart-html.js';
import { estimateMark, formatInUnit } from '../../src/render/metric-value.js';
import { renderTrendSvg } from '../../src/render/trend-chart.js';
import { layoutTrendChart, type TrendChartModel } from '../../src/render/trend/layout.js';
import { layoutScript } from '../../src/render/trend/page-script.js';
import { sparkline } from '../../src/render/trend/sparkline.js';
import { loadBuilds } from '../../src/runs/builds.js';
import { samplePath } from '../support/samples.js';

let timeline: Timeline;

beforeAll(async () => {
  const loaded = await loadBuilds([samplePath('timeline/run')], { order: 'start' });
  timeline = analyzeTimeline(loaded.builds, { grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'bh', minPct: 0.5 });
});

interface XmlNode {
  [key: string]: unknown;
}

const ARRAYS = new Set(['svg', 'g', 'line', 'text', 'title', 'circle', 'rect', 'polygon', 'polyline']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', isArray: (name) => ARRAYS.has(name) });

function children(node: XmlNode, tag: string): XmlNode[] {
  return (node[tag] as XmlNode[] | undefined) ?? [];
}

function textOf(node: XmlNode): string {
  const text = node['#text'];
  return typeof text === 'string' || typeof text === 'number' ? String(text) : '';
}

/** What a change point's label must name: each changed component, and its versions (or commits). */
function expectedWords(point: TimelineChangePoint, timeline: Timeline): string[] {
  const before = timeline.builds[point.beforeIndex]!.manifest;
  const after = timeline.builds[point.afterIndex]!.manifest;
  const words: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[name], after[name]];
    if (a?.version === b?.version && a?.commit === b?.commit) continue;
    words.push(name);
    if (a?.version !== b?.version) words.push(a?.version ?? '', b?.version ?? '');
    else words.push(a?.commit?.slice(0, 7) ?? '', b?.commit?.slice(0, 7) ?? '');
  }
  return words.filter((word) => word !== '');
}

describe('timeline -o trend.svg', () => {
  it('is XML with a chart per series, build names along each axis, and one labelled vertical line per change point', () => {
    const svg = renderTrendSvg(timeline, { top: 0 });
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = (parser.parse(svg) as { svg: XmlNode[] }).svg[0]!;
    const charts = children(root, 'svg');
    expect(charts.length).toBe(timeline.series.length);
    let lines = 0;
    for (const chart of charts) {
      const title = textOf(children(chart, 'text').find((text) => text['class'] === 'chart-title')!);
      const seriesIndex = timeline.series.findIndex((series) => title.startsWith(series.kind === 'run-total' ? 'run totals:' : `${series.label} (${series.module}):`));
      expect(seriesIndex, title).toBeGreaterThanOrEqual(0);
      const names = children(chart, 'text').filter((text) => text['class'] === 'build-name');
      expect(names.map(textOf)).toEqual(timeline.builds.map((build) => build.name));
      const xOfBuild = names.map((text) => Number(text['x']));
      const points = timeline.changePoints.filter((point) => point.series === seriesIndex);
      const groups = children(chart, 'g').filter((group) => group['class'] === 'change-point');
      expect(groups.length, title).toBe(points.length);
      for (const point of points) {
        const words = expectedWords(point, timeline);
        expect(words.length).toBeGreaterThan(0);
        // The group whose line stands between the two builds of the step.
        const group = groups.find((candidate) => {
          const line = children(candidate, 'line')[0]!;
          const x = Number(line['x1']);
          return x > xOfBuild[point.beforeIndex]! && x < xOfBuild[point.afterIndex]!;
        });
        expect(group, `${title}: a line between ${point.beforeIndex} and ${point.afterIndex}`).toBeDefined();
        const [line, ...more] = children(group!, 'line');
        expect(more).toEqual([]);
        expect(line!['x1']).toBe(line!['x2']);
        expect(Number(line!['y2'])).toBeGreaterThan(Number(line!['y1']));
        const label = children(group!, 'text').map(textOf).join(' ');
        for (const word of words) expect(label, title).toContain(word);
        lines++;
      }
      // Appearances are marked too, apart from change points.
      const appearances = timeline.appearances.filter((appearance) => appearance.series === seriesIndex);
      expect(children(chart, 'g').filter((group) => group['class'] === 'appearance').length).toBe(appearances.length);
    }
    expect(lines).toBe(timeline.changePoints.length);
  });

  it('charts every series with an event but only the largest quiet ones with --top', () => {
    const svg = renderTrendSvg(timeline, { top: 1 });
    const charts = children((parser.parse(svg) as { svg: XmlNode[] }).svg[0]!, 'svg');
    const eventful = new Set([...timeline.changePoints.map((point) => point.series), ...timeline.appearances.map((appearance) => appearance.series), 0]);
    expect(charts.length).toBe(eventful.size);
    expect(svg).toContain('more cost centres without change points');
  });

  it('escapes names', () => {
    const hostile = structuredClone(timeline);
    const eval_ = hostile.series.findIndex((series) => series.label === 'eval');
    hostile.series[eval_]!.label = 'ev<al>&"\'';
    for (const point of hostile.changePoints) if (point.series === eval_) point.label = hostile.series[eval_]!.label;
    hostile.builds[0]!.name = '<b0>';
    const svg = renderTrendSvg(hostile, { top: 0 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('ev<al>');
    expect(svg).toContain('ev&lt;al&gt;&amp;&quot;&apos;');
  });
});

describe('timeline -o trend.html', () => {
  const payloadOf = (html: string): { series: Array<{ name: string; metrics: Array<{ metric: string; model: TrendChartModel }> }>; events: unknown[] } => {
    const match = /<script type="application\/json" id="trend-data">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    return JSON.parse(match![1]!) as ReturnType<typeof payloadOf>;
  };

  it('is one self-contained page with the data of every series and metric, and pickers for both', () => {
    const html = renderTrendHtml(timeline);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">`);
    expect(html).toMatch(/<select id="series"/);
    expect(html).toMatch(/<select id="metric"/);
    // Nothing to load: the only URL is the SVG namespace.
    expect(html.match(/https?:\/\/[^\s"'<>)]+/g)?.filter((url) => url !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=/);
    const payload = payloadOf(html);
    expect(payload.series).toHaveLength(timeline.series.length);
    expect(payload.events).toHaveLength(timeline.changePoints.length + timeline.appearances.length);
    const eval_ = timeline.series.find((series) => series.label === 'eval')!;
    const evalPayload = payload.series.find((series) => series.name.startsWith('eval (Main)'))!;
    expect(evalPayload.metrics.map((metric) => metric.metric)).toEqual(eval_.metrics.map((metric) => metric.metric));
    const alloc = evalPayload.metrics.find((metric) => metric.metric === 'alloc')!.model;
    // The runs as drawn (six significant digits).
    const values = eval_.metrics.find((metric) => metric.metric === 'alloc')!.points.map((point) => point?.values ?? []);
    expect(alloc.runs.map((build) => build.length)).toEqual(values.map((build) => build.length));
    alloc.runs.forEach((build, b) => build.forEach((value, r) => expect(Math.abs(value - values[b]![r]!)).toBeLessThanOrEqual(values[b]![r]! * 1e-5)));
    expect(alloc.marks).toHaveLength(timeline.changePoints.filter((point) => point.label === 'eval').length);
    // Without JavaScript the page still shows the first chart.
    expect(html).toMatch(/<main id="chart"[^>]*><svg /);
  });

  it('keeps hostile names inert in the markup and intact in the data', () => {
    const hostile = structuredClone(timeline);
    const name = '</script><script>alert(1)</script><!--';
    hostile.series[1]!.label = name;
    const html = renderTrendHtml(hostile);
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(payloadOf(html).series.some((series) => series.name.startsWith(`${name} (`))).toBe(true);
  });

  it('carries every run tooltip written by metric-value.ts, as the SVG shows it (the page formats no numbers)', () => {
    const payload = payloadOf(renderTrendHtml(timeline));
    const eval_ = timeline.series.find((series) => series.label === 'eval')!;
    const evalPayload = payload.series.find((series) => series.name.startsWith('eval (Main)'))!;
    for (const metric of eval_.metrics) {
      const model = evalPayload.metrics.find((entry) => entry.metric === metric.metric)!.model;
      const expected = metric.points.map((point, b) => (point?.values ?? []).map((value, r) => `${timeline.builds[b]!.name} run ${r + 1}: ${estimateMark(metric.estimated)}${formatInUnit(value, metric.unit)}`));
      expect(model.runDetails, metric.metric).toEqual(expected);
      const drawn = layoutTrendChart(model, 900, 400).children!.filter((node) => node.attrs['class'] === 'run');
      expect(drawn.map((node) => node.children![0]!.text)).toEqual(expected.flat());
    }
  });

  it("draws in the page with layout.ts's own function, carried as source text", () => {
    const model = payloadOf(renderTrendHtml(timeline)).series[1]!.metrics[0]!.model;
    // In a fresh context, as in the page: nothing from this module is in reach.
    const carried = runInNewContext(`${layoutScript()}\nlayoutTrendChart`) as typeof layoutTrendChart;
    expect(JSON.parse(JSON.stringify(carried(model, 900, 400)))).toEqual(layoutTrendChart(model, 900, 400));
  });
});

describe('sparkline', () => {
  it('draws amounts from zero, marks change points and missing builds', () => {
    expect(sparkline([1, 1, 2, 2], new Set([2]))).toBe('▅▅|██');
    expect(sparkline([null, 0, 8])).toBe('·▁█');
    expect(sparkline([5, 5, 5])).toBe('███');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
});
