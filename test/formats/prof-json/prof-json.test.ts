import { describe, expect, it } from 'vitest';
import { countNodes, walkCallTree } from '../../../src/model/call-tree.js';
import { InputError } from '../../../src/model/diagnostic.js';
import { parseProfJson } from '../../../src/formats/prof-json/prof-json.js';
import { jsonProfSamples, readSample } from '../../support/samples.js';

interface RawNode {
  id: number;
  entries: number;
  alloc: number;
  ticks: number;
  children: RawNode[];
}

function rawNodes(node: RawNode): RawNode[] {
  const all: RawNode[] = [];
  const pending = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    all.push(next);
    pending.push(...next.children);
  }
  return all;
}

describe('JSON .prof (-pj)', () => {
  const samples = jsonProfSamples();

  it('finds the JSON samples', () => {
    expect(samples).toEqual(expect.arrayContaining(['interp/a/run-1.json.prof', 'real/jlfwong__speedscope__simple.prof']));
  });

  for (const file of samples) {
    it(`${file}: header, nodes and costs as in the file`, () => {
      const text = readSample(file);
      const raw = JSON.parse(text) as { program: string; total_ticks: number; tick_interval: number; total_alloc: number; profile: RawNode; cost_centres: unknown[] };
      const profile = parseProfJson(text, file);
      expect(profile.metadata.program).toBe(raw.program);
      expect(profile.metadata.totalTicks).toBe(raw.total_ticks);
      expect(profile.metadata.tickIntervalUs).toBe(raw.tick_interval);
      expect(profile.metadata.totalAllocBytes).toBe(raw.total_alloc);
      const nodes = rawNodes(raw.profile);
      expect(profile.nodeCount).toBe(nodes.length);
      expect(countNodes(profile.root)).toBe(nodes.length);
      expect(profile.costCentres).toHaveLength(raw.cost_centres.length);
      expect(profile.root!.inheritedTicks).toBe(nodes.reduce((sum, node) => sum + node.ticks, 0));
      expect(profile.root!.inheritedBytes).toBe(nodes.reduce((sum, node) => sum + node.alloc, 0));
      expect(profile.measures).toEqual({ ticks: 'exact', bytes: 'exact', entries: 'exact', percentages: 'derived' });
      expect(profile.warnings).toEqual([]);
    });
  }

  it('-pj ticks add up to total_ticks (they include system cost centres)', () => {
    const profile = parseProfJson(readSample('interp/a/run-1.json.prof'), 'x');
    expect(profile.root!.inheritedTicks).toBe(profile.metadata.totalTicks);
  });

  it('reads names GHC did not escape (GHC 9.0 writer) and says so', () => {
    const text = readSample('interp/a/run-1.json.prof').replace('"label": "main.\\\\"', '"label": "say"hi"');
    expect((): unknown => JSON.parse(text)).toThrow();
    const profile = parseProfJson(text, 'raw.prof');
    expect(profile.costCentres.map((cc) => cc.label)).toContain('say"hi');
    expect(profile.warnings[0]!.message).toMatch(/not escaped/);
  });

  it('keeps the nodes of a file cut short, with a warning', () => {
    const text = readSample('interp/a/run-1.json.prof');
    const whole = parseProfJson(text, 'x').nodeCount;
    for (const fraction of [0.5, 0.7, 0.9, 0.99]) {
      const cut = text.slice(0, Math.floor(text.length * fraction));
      const profile = parseProfJson(cut, 'cut.prof');
      expect(profile.nodeCount).toBeGreaterThan(0);
      expect(profile.nodeCount).toBeLessThanOrEqual(whole);
      expect(profile.warnings[0]!.message).toMatch(/truncated/);
    }
  });

  it('a broken JSON file is a one-line error with its line', () => {
    const error = (() => {
      try {
        parseProfJson('{\n"program": "x",\n"cost_centres": [oops]\n}\n', 'bad.prof');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^bad\.prof:3: invalid JSON profile/);
  });

  it('streams: any chunking gives the same profile, and a file beyond the string limit parses', async () => {
    const { readProfJson } = await import('../../../src/formats/prof-json/prof-json.js');
    const bytes = new TextEncoder().encode(readSample('interp/a/run-1.json.prof'));
    const whole = parseProfJson(readSample('interp/a/run-1.json.prof'), 'x');
    const shape = (profile: typeof whole): unknown => [profile.nodeCount, profile.root!.inheritedTicks, profile.root!.inheritedBytes, profile.costCentres.map((cc) => `${cc.id} ${cc.module}.${cc.label} ${cc.src}`)];
    for (const size of [1, 2, 3, 7, 100, 4096]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(shape(await readProfJson(chunks, 'x')), `chunks of ${size}`).toEqual(shape(whole));
    }
    // 576 MiB of white space between cost-centre records: more than V8's longest string.
    const text = readSample('interp/a/run-1.json.prof');
    const cut = text.indexOf('}, {"id"') + 2;
    const padding = new Uint8Array(1 << 20).fill(32);
    async function* padded(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(text.slice(0, cut));
      for (let k = 0; k < 576; k++) yield padding;
      yield new TextEncoder().encode(text.slice(cut));
    }
    expect(shape(await readProfJson(padded(), 'padded'))).toEqual(shape(whole));
  }, 120_000);

  it('reads raw backslashes GHC did not escape: lambdas and Windows paths', () => {
    const text = readSample('interp/a/run-1.json.prof')
      .replace('"label": "main.\\\\"', '"label": "main.\\"')
      .replace('"src_loc": "Interp.hs:25:1-22"', '"src_loc": "src\\Interp.hs:25:1-22"');
    const profile = parseProfJson(text, 'raw.prof');
    const labels = profile.costCentres.map((cc) => cc.label);
    expect(labels).toContain('main.\\');
    expect(profile.costCentres.map((cc) => cc.src)).toContain('src\\Interp.hs:25:1-22');
    expect(profile.warnings[0]!.message).toMatch(/not escaped/);
  });

  it('reads back every name when there are more distinct short names than the tokenizer caches', () => {
    // 40,000 labels and modules, many sharing a cache slot: each must come out as written.
    const count = 40_000;
    const raw = JSON.parse(readSample('interp/a/run-1.json.prof')) as { cost_centres: Array<{ id: number; label: string; module: string; src_loc: string; is_caf: boolean }>; profile: { children: unknown[] } };
    const first = raw.cost_centres.length + 1;
    for (let i = 0; i < count; i++) {
      raw.cost_centres.push({ id: first + i, label: `f${(i * 7919).toString(36)}`, module: `M${i % 977}.X${i}`, src_loc: `S${i}.hs:1:1-2`, is_caf: false });
      raw.profile.children.push({ id: first + i, entries: i, alloc: 0, ticks: 0, children: [] });
    }
    const text = JSON.stringify(raw);
    const profile = parseProfJson(text, 'many-names.prof');
    const written = new Map(raw.cost_centres.map((cc) => [cc.id, cc]));
    for (const cc of profile.costCentres) {
      const expected = written.get(cc.id)!;
      expect([cc.label, cc.module, cc.src]).toEqual([expected.label, expected.module, expected.src_loc]);
    }
    expect(profile.costCentres.length).toBe(raw.cost_centres.length);
  });

  it('deep trees do not overflow the stack', () => {
    const depth = 50_000;
    let profile = '{"id": 1, "entries": 1, "alloc": 8, "ticks": 1, "children": []}';
    for (let i = 0; i < depth; i++) profile = `{"id": 1, "entries": 1, "alloc": 8, "ticks": 0, "children": [${profile}]}`;
    const text = `{"program": "deep", "total_ticks": 1, "tick_interval": 1000, "total_alloc": 8, "cost_centres": [{"id": 1, "label": "f", "module": "M", "src_loc": "M.hs:1:1", "is_caf": false}], "profile": ${profile}}`;
    const parsed = parseProfJson(text, 'deep.prof');
    expect(parsed.nodeCount).toBe(depth + 1);
    let maxDepth = 0;
    walkCallTree(parsed.root!, (_node, d) => void (maxDepth = Math.max(maxDepth, d)));
    expect(maxDepth).toBe(depth);
  });
});
