import { describe, expect, it } from 'vitest';
import { deltaColour } from '../../../src/render/diff-colour.js';
import type { FlameData } from '../../../src/render/flame-data.js';
import type { FlamePayload } from '../../../src/render/html/flame-payload.js';
import { renderFlamegraphHtml } from '../../../src/render/html/flamegraph-html.js';
import { jsonForScriptElement } from '../../../src/render/html/script-json.js';
import { buildModel } from '../../../src/render/html/viewer/model.js';
import { frameColour, moduleColour } from '../../../src/render/module-colour.js';
import { HOSTILE_NAMES, hostileFlameData, interpDifferentialFlameData, interpFlameData, interpJsonFlameData } from './flame-samples.js';

const PAYLOAD = /<script type="application\/json" id="flame-data">([^<]*)<\/script>/;

/** The page without the contents of its script and style elements: what the HTML parser reads as markup. */
function markupOnly(html: string): string {
  return html.replace(/(<script[^>]*>)[^]*?(<\/script>)/g, '$1$2').replace(/(<style>)[^]*?(<\/style>)/g, '$1$2');
}

function embeddedPayload(html: string): FlamePayload {
  const match = PAYLOAD.exec(html);
  expect(match, 'the page embeds its data in one JSON script element').not.toBeNull();
  return JSON.parse(match![1]!) as FlamePayload;
}

/** Everything FlameData says about each frame, read back from the page's embedded data the way the page reads it. */
function expectEmbeddedFrames(html: string, data: FlameData): void {
  const payload = embeddedPayload(html);
  const model = buildModel(payload);
  expect(payload.title).toBe(data.title);
  expect(payload.subtitle).toEqual(data.subtitle);
  expect(payload.metrics).toEqual(data.metrics);
  expect(payload.mergedFrames).toBe(data.mergedFrames);
  expect(model.frameCount).toBe(data.frames.length);
  data.frames.forEach((frame, i) => {
    expect(model.strings[model.name[i]!], `frame ${i} name`).toBe(frame.name);
    expect(model.modules[model.module[i]!], `frame ${i} module`).toBe(frame.module);
    expect(model.src[i]! < 0 ? null : model.strings[model.src[i]!], `frame ${i} src`).toBe(frame.src);
    expect(model.parent[i], `frame ${i} parent`).toBe(frame.parent);
    expect(model.merged[i] === 1, `frame ${i} merged`).toBe(frame.merged);
    data.metrics.forEach((_, m) => {
      // Exact: JSON numbers round-trip doubles.
      expect(model.total[m]![i], `frame ${i} total ${m}`).toBe(frame.total[m]);
      expect(model.self[m]![i], `frame ${i} self ${m}`).toBe(frame.self[m]);
    });
    if (!frame.merged) {
      expect(model.moduleColours[model.module[i]!]).toBe(moduleColour(frame.module));
      // The SVG and the page colour a frame alike: its module's hue, its own shade.
      expect(model.fills[model.fill[i]!]).toBe(frameColour(frame.module, frame.name));
    }
    if (frame.delta !== undefined) {
      expect(model.status![i]).toBe({ both: 0, added: 1, removed: 2 }[frame.delta.status]);
      expect(model.significant![i] === 1).toBe(frame.delta.significant);
      if (frame.delta.deltaPct === null) expect(model.deltaPct![i]).toBeNaN();
      else expect(model.deltaPct![i]).toBe(frame.delta.deltaPct);
      expect(model.changeFill![i]).toBe(deltaColour(frame.delta));
    }
  });
  // Subtree ends agree with the parents: every frame lies inside its parent's range.
  data.frames.forEach((frame, i) => {
    if (frame.parent >= 0) expect(i < model.end[frame.parent]! && model.end[i]! <= model.end[frame.parent]!).toBe(true);
  });
}

describe('renderFlamegraphHtml', () => {
  it('is one self-contained file: inline script and style, nothing fetched', async () => {
    const html = renderFlamegraphHtml(await interpFlameData());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/\s(src|href|srcset|action|formaction|poster|data|background)\s*=/i);
    expect(markup).not.toMatch(/<(link|iframe|object|embed|img|base|form|video|audio|source)\b/i);
    expect(html).not.toMatch(/@import|url\(|https?:|wss?:|ftp:|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    expect(html).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|Worker|importScripts)\b/);
    expect(html.match(/<script\b/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<style\b/gi)).toHaveLength(1);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).toMatch(/<meta charset="utf-8">/);
    // The script parses, and calls nothing the page does not define (checked in the browser tests).
    const script = /<script>\n([\s\S]*?)<\/script>/.exec(html)![1]!;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling (not running) the page's script is the check
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/\b(import|require)\s*\(|__vi_|import\.meta/);
  });

  it('-P profile: the embedded frames reproduce FlameData exactly', async () => {
    const data = await interpFlameData();
    expect(data.frames.some((frame) => frame.merged)).toBe(true);
    expectEmbeddedFrames(renderFlamegraphHtml(data), data);
  });

  it('JSON profile (-pj)', async () => {
    const data = await interpJsonFlameData();
    expectEmbeddedFrames(renderFlamegraphHtml(data), data);
  });

  it('differential: deltas, and the SVG flamegraph’s change colours', async () => {
    const data = await interpDifferentialFlameData();
    expect(data.frames.some((frame) => frame.delta?.significant)).toBe(true);
    const html = renderFlamegraphHtml(data, { differential: true });
    expectEmbeddedFrames(html, data);
    const payload = embeddedPayload(html);
    expect(payload.differential).toBe(true);
    expect(payload.delta!.legend.more[1]).toBe(deltaColour({ deltaPct: 100, significant: true, status: 'both' }));
    // Frames with deltas imply the differential view even without the option.
    expect(embeddedPayload(renderFlamegraphHtml(data)).differential).toBe(true);
    expect(embeddedPayload(renderFlamegraphHtml(await interpFlameData())).delta).toBeNull();
  });

  it('hostile names round-trip and cannot end the script element', () => {
    const data = hostileFlameData();
    data.frames[3]!.delta = { deltaPct: 12.5, significant: true, status: 'both' };
    const html = renderFlamegraphHtml(data, { inverted: true });
    // Only our own two closing tags; no comment opener anywhere.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(markupOnly(html)).not.toMatch(/<img|<b>|onerror/i);
    expect(html).toContain('<title>hostile &lt;/script&gt;&lt;!-- &quot;title&quot; &amp; &apos;more&apos;</title>');
    expectEmbeddedFrames(html, data);
    const model = buildModel(embeddedPayload(html));
    expect(HOSTILE_NAMES.map((_, i) => model.strings[model.name[i + 1]!])).toEqual(HOSTILE_NAMES);
    expect(embeddedPayload(html).inverted).toBe(true);
  });

  it('jsonForScriptElement escapes <, >, &, U+2028/9 and stays JSON', () => {
    const value = { text: '</script><!--&\u2028\u2029"\\', nested: ['<', '>'] };
    const json = jsonForScriptElement(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('refuses frames that are not in pre-order, and draws an empty profile', () => {
    const data = hostileFlameData();
    // 2 becomes a sibling of 1, closing 1's subtree; 4 then claims 1 as its parent.
    data.frames[2]!.parent = 0;
    data.frames[4]!.parent = 1;
    expect(() => renderFlamegraphHtml(data)).toThrow(/pre-order/);
    const empty: FlameData = { title: 'empty', subtitle: [], metrics: [{ key: 'time', unit: 'ticks', label: 'time', estimated: false }], frames: [], mergedFrames: 0 };
    expect(embeddedPayload(renderFlamegraphHtml(empty)).depth).toEqual([]);
  });
});
