// The SVG flamegraph and the HTML viewer say the same about a frame: its value, its share of
// the total and its change read alike, as both print through src/render/metric-value.ts. The
// viewer's hover panel is filled here in Node, into a minimal stand-in for the DOM.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { FlameData } from '../../../src/render/flame-data.js';
import { renderFlamegraphSvg } from '../../../src/render/flamegraph-svg.js';
import { encodeFlamePayload } from '../../../src/render/html/flame-payload.js';
import { buildModel } from '../../../src/render/html/viewer/model.js';
import { fillDetails } from '../../../src/render/html/viewer/panels.js';
import { interpDifferentialFlameData, interpFlameData } from './flame-samples.js';

/** Just what panels.ts uses of an element: class, text, children. */
class FakeElement {
  className = '';
  children: FakeElement[] = [];
  dataset: Record<string, string> = {};
  private text = '';
  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }
  set textContent(text: string) {
    this.text = text;
    this.children = [];
  }
  appendChild(child: FakeElement): FakeElement {
    this.children.push(child);
    return child;
  }
  replaceChildren(...children: FakeElement[]): void {
    this.text = '';
    this.children = children;
  }
}

const fakeDocument = { createElement: () => new FakeElement() } as unknown as Document;

/** The viewer's hover panel of a frame, as `key → value` rows. */
function viewerRows(data: FlameData, metric: number, frame: number, differential: boolean): Map<string, string> {
  const model = buildModel(encodeFlamePayload(data, { differential, inverted: false }));
  const box = new FakeElement();
  fillDetails(fakeDocument, box as unknown as HTMLElement, { model, metric, frame, zoom: 0, differential });
  const rows = box.children.filter((line) => line.className === 'row');
  return new Map(rows.map((line) => [line.children[0]!.textContent, line.children[1]!.textContent]));
}

/** The SVG's tooltip of each frame, by `name` and value (frames of one name differ in value). */
function svgTooltips(data: FlameData, metric: number): Map<string, string> {
  const svg = renderFlamegraphSvg(data, { metric, inverted: false });
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'g' }).parse(svg) as { svg: { g: Array<{ 'data-value': string; title: string }> } };
  return new Map(parsed.svg.g.map((g) => [`${String(g.title).split('\n')[0]}@${g['data-value']}`, String(g.title)]));
}

const keyOf = (data: FlameData, metric: number, index: number): string => `${data.frames[index]!.name}@${data.frames[index]!.total[metric]}`;

/** Frames worth comparing: the root, the widest dozen below it and the narrowest few the SVG draws. */
function sampleFrames(data: FlameData, metric: number, drawn: Map<string, string>): number[] {
  const ranked = data.frames.map((frame, index) => ({ index, value: frame.total[metric]! })).filter(({ index, value }) => index > 0 && value > 0 && !data.frames[index]!.merged);
  ranked.sort((a, b) => b.value - a.value);
  const narrowest = ranked.filter(({ index }) => drawn.has(keyOf(data, metric, index))).slice(-3);
  return [0, ...[...ranked.slice(0, 12), ...narrowest].map(({ index }) => index)];
}

describe('SVG and viewer labels', () => {
  it('show the same value and share of total for every metric (ticks, bytes, entries)', async () => {
    const data = await interpFlameData();
    expect(data.metrics.map((metric) => metric.unit)).toEqual(['ticks', 'bytes', 'entries']);
    data.metrics.forEach((info, metric) => {
      const tooltips = svgTooltips(data, metric);
      for (const index of sampleFrames(data, metric, tooltips)) {
        const frame = data.frames[index]!;
        const tooltip = tooltips.get(keyOf(data, metric, index));
        expect(tooltip, frame.name).toBeDefined();
        const rows = viewerRows(data, metric, index, false);
        const shareOfTotal = rows.get('share')!.split(', ')[0]!;
        expect(tooltip!.split('\n')[1], `${info.unit}: ${frame.name}`).toBe(`${rows.get(info.label)!}, ${shareOfTotal}`);
      }
    });
  });

  it('show the same signed change of a differential frame', async () => {
    const data = await interpDifferentialFlameData();
    const tooltips = svgTooltips(data, 0);
    const changed = data.frames.map((frame, index) => ({ frame, index })).filter(({ frame }) => frame.delta?.status === 'both' && frame.delta.deltaPct !== null);
    expect(changed.length).toBeGreaterThan(0);
    const signedPct = /[+-]\d+\.\d%/g;
    for (const { frame, index } of changed.slice(0, 20)) {
      const change = tooltips.get(keyOf(data, 0, index))?.split('\nchange: ')[1];
      expect(change, frame.name).toBeDefined();
      const viewer = viewerRows(data, 0, index, true).get('change')!;
      expect(viewer.match(signedPct)?.at(-1), frame.name).toBe(change!.match(signedPct)?.at(-1));
    }
  });
});
