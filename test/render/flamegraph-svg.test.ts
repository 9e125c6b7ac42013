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
  // Frames carry their value; the module legend's groups do not.
  const groups = (Array.isArray(parsed.svg.g) ? parsed.svg.g : [parsed.svg.g]).filter((g) => g['data-value'] !== undefined);
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

describe('flamegraph colours', () => {
  const hsl = (fill: string): [number, number, number] => fill.match(/[\d.]+/g)!.map(Number) as [number, number, number];

  it('a program of one module: one hue, a shade per cost centre, the same shade for the same cost centre; a legend of its modules by individual cost', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const profile = await parseProfText(text, 'detailed-P.prof');
    const svg = renderFlamegraphSvg(flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 }), { metric: 0, inverted: false });
    const fills = new Map<string, Set<string>>();
    for (const match of svg.matchAll(/<title>(Main\.[^\n<]*)\n[\s\S]*?<\/title><rect [^>]*fill="(hsl\([^"]+\))"/g)) {
      const name = match[1]!;
      fills.set(name, (fills.get(name) ?? new Set()).add(match[2]!));
    }
    expect(fills.size).toBeGreaterThan(5);
    for (const shades of fills.values()) expect(shades.size).toBe(1);
    const all = [...fills.values()].map((shades) => hsl([...shades][0]!));
    expect(new Set(all.map(([hue]) => hue)).size).toBe(1);
    expect(new Set(all.map(([, , lightness]) => lightness)).size).toBeGreaterThan(3);
    // Every cost centre in this file is in module Main (the flat table says so): one entry, MAIN having no individual time.
    const modules = new Set(readSimpleReport(text).rows.filter((row) => row.individualTimePct > 0).map((row) => row.module));
    const legend = [...svg.matchAll(/<g class="module-legend"><title>([^<]*)<\/title>/g)].map((match) => match[1]);
    expect(legend).toEqual([...modules]);
  });

  it('several modules: the legend lists them by individual cost, largest first', async () => {
    const text = readSample('ledger/all-pa.prof');
    const profile = await parseProfText(text, 'all-pa.prof');
    const svg = renderFlamegraphSvg(flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 }), { metric: 0, inverted: false });
    const legend = [...svg.matchAll(/<g class="module-legend"><title>([^<]*)<\/title>/g)].map((match) => match[1]!);
    expect(legend.length).toBeGreaterThan(1);
    const byModule = new Map<string, number>();
    for (const row of readSimpleReport(text).rows) byModule.set(row.module, (byModule.get(row.module) ?? 0) + row.individualTimePct);
    const values = legend.map((module) => byModule.get(module) ?? 0);
    for (let i = 1; i < values.length; i++) expect(values[i - 1]! + 0.05 * 20).toBeGreaterThanOrEqual(values[i]!);
  });

  it('--color-by self: the frame of most individual time is the deepest red, frames of none share the palest colour', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const profile = await parseProfText(text, 'detailed-P.prof');
    const data = flameDataFromProfile(profile, { metrics: ['time'], minWidthPct: 0 });
    const svg = renderFlamegraphSvg(data, { metric: 0, inverted: false, colouring: 'self' });
    const drawn = [...svg.matchAll(/<g class="frame" data-value="[\d.]+"><title>([^\n<]*)[\s\S]*?<\/title><rect [^>]*fill="(hsl\([^"]+\))"/g)].map((match) => ({ name: match[1]!, lightness: hsl(match[2]!)[2] }));
    // The row of most individual ticks in the file (readSimpleReport reads the -P ticks of each call-tree row).
    const rows = readSimpleReport(text).rows;
    const hottest = rows.reduce((best, row) => ((row.ticks ?? 0) > (best.ticks ?? 0) ? row : best));
    const darkest = Math.min(...drawn.map((frame) => frame.lightness));
    expect(drawn.filter((frame) => frame.lightness === darkest).map((frame) => frame.name)).toEqual([`${hottest.module}.${hottest.label}`]);
    // Names whose every frame has no individual time.
    const withSelf = new Set(data.frames.filter((frame) => frame.self[0] !== 0).map((frame) => frame.name));
    const zero = new Set(data.frames.filter((frame) => !frame.merged && !withSelf.has(frame.name)).map((frame) => frame.name));
    expect(zero.size).toBeGreaterThan(2);
    const zeroShades = new Set(drawn.filter((frame) => zero.has(frame.name)).map((frame) => frame.lightness));
    expect(zeroShades.size).toBe(1);
    expect(svg).toContain('Colour by individual cost (share of the total)');
    expect(svg).not.toContain('class="module-legend"');
  });
});
