import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { flameDataFromProfile } from '../../src/render/flame-data.js';
import { renderFlamegraphSvg } from '../../src/render/flamegraph-svg.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport, simpleStacks } from '../support/simple-prof.js';

interface SvgFrame {
  value: number;
  width: number;
  title: string;
}

function frames(svg: string): SvgFrame[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as {
    svg: { g: Array<{ 'data-value': string; title: string; rect: { width: string } }> | { 'data-value': string; title: string; rect: { width: string } } };
  };
  const groups = Array.isArray(parsed.svg.g) ? parsed.svg.g : [parsed.svg.g];
  return groups.map((g) => ({ value: Number(g['data-value']), width: Number(g.rect.width), title: String(g.title) }));
}

describe('SVG flamegraph', () => {
  it('is well-formed XML whose frame widths are proportional to the values (-P ticks)', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const profile = await parseProfText(text, 'detailed-P.prof');
    const svg = renderFlamegraphSvg(flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 }), { metric: 0, inverted: false, width: 1220 });
    expect(XMLValidator.validate(svg)).toBe(true);
    const drawn = frames(svg);
    const total = readSimpleReport(text).totalTicks;
    const root = drawn.find((frame) => frame.title.startsWith('MAIN.MAIN'))!;
    expect(root.value).toBe(total);
    expect(root.width).toBeCloseTo(1200, 1);
    for (const frame of drawn) expect(frame.width).toBeCloseTo((frame.value / total) * 1200, 2);
    // Every stack with ticks in the file is drawn, with its inclusive ticks.
    const withTicks = simpleStacks(readSimpleReport(text).rows).filter(({ row }) => row.ticks! > 0);
    expect(drawn.length).toBeGreaterThanOrEqual(new Set(withTicks.map(({ path }) => path)).size);
  });

  it('alloc widths on a -pa profile, and merged narrow frames keep the total', async () => {
    const profile = await parseProfText(readSample('ledger/all-pa.prof'), 'all-pa.prof');
    const data = flameDataFromProfile(profile, { metrics: ['alloc'], minWidthPct: 1 });
    expect(data.mergedFrames).toBeGreaterThan(0);
    const svg = renderFlamegraphSvg(data, { metric: 0, inverted: true });
    expect(XMLValidator.validate(svg)).toBe(true);
    const drawn = frames(svg);
    const root = drawn.find((frame) => frame.title.startsWith('MAIN.MAIN'))!;
    expect(root.value).toBe(profile.metadata.totalAllocBytes);
    expect(drawn.some((frame) => /frames under 1%/.test(frame.title))).toBe(true);
    // Children never outgrow their parent: the widths of one row sum to at most the root's.
    expect(drawn.reduce((max, frame) => Math.max(max, frame.width), 0)).toBeCloseTo(root.width, 6);
  });

  it('escapes program text: operators, quotes, ampersands, markup in names', async () => {
    const text = readSample('interp/a/detailed-P.prof').replace(/\bexpr\.term\b/g, `a<b>&"c'</title><script>x</script>`);
    const profile = await parseProfText(text, 'hostile.prof');
    const svg = renderFlamegraphSvg(flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 }), { metric: 0, inverted: false });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(frames(svg).some((frame) => frame.title.includes(`a<b>&"c'</title><script>x</script>`))).toBe(true);
  });

  it('a name too long for its frame is cut in the middle, as the HTML viewer cuts it: the function\'s name at the end stays', async () => {
    const long = `Very.Long.Module.Name.${'Inner.'.repeat(12)}theFunction`;
    const text = readSample('interp/a/detailed-P.prof').replace(/\beval\b/g, long);
    const profile = await parseProfText(text, 'long.prof');
    const svg = renderFlamegraphSvg(flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 }), { metric: 0, inverted: false, width: 600 });
    const labels = [...svg.matchAll(/<text x="[\d.]+" y="\d+">([^<]*)<\/text>/g)].map((match) => match[1]!);
    const cut = labels.filter((label) => label.includes('…') && label.endsWith('theFunction'));
    expect(cut.length).toBeGreaterThan(0);
    for (const label of cut) expect(label.startsWith('Main.')).toBe(true);
  });
});
