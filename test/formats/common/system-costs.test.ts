// The RTS's system cost centres (GC, OVERHEAD_of, SYSTEM, IDLE, DONT_CARE) kept apart from the
// program's costs, so one run gives the same per-cost-centre shares whichever format GHC
// wrote. Expected figures come from the files themselves (regexes over the text, the raw
// JSON, the ghc-events reference dump), never from the code under test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costCentreTotals, profileTotals } from '../../../src/analyze/cost-centre-totals.js';
import { walkCallTree, type CallTreeNode } from '../../../src/model/call-tree.js';
import type { Profile } from '../../../src/model/profile.js';
import { readProfile } from '../../../src/formats/read-profile.js';
import { readSample, samplePath, textProfSamples } from '../../support/samples.js';
import { readSimpleReport } from '../../support/simple-prof.js';

/** GHC rts/Profiling.c `ignoreCCS`: the stacks -p hides and leaves out of its totals (label, module). */
const SYSTEM = ['GC GC', 'OVERHEAD_of PROFILING', 'SYSTEM SYSTEM', 'IDLE IDLE', 'DONT_CARE MAIN'];
const isSystem = (label: string, module: string): boolean => SYSTEM.includes(`${label} ${module}`);
const EPSILON = 1e-9;
/** GHC's flat table divides in single precision (StgFloat): about 1e-7 relative, up to 100%. */
const FLOAT_SLACK = 1e-4;

async function read(file: string, bytes: Uint8Array = readFileSync(samplePath(file))): Promise<Profile> {
  return readProfile((async function* () { yield bytes; })(), file);
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function nodes(profile: Profile): Array<{ node: CallTreeNode; depth: number }> {
  const all: Array<{ node: CallTreeNode; depth: number }> = [];
  walkCallTree(profile.root!, (node, depth) => void all.push({ node, depth }));
  return all;
}

const key = (module: string, label: string, src: string | null): string => `${module} ${label} ${src}`;

/** `-p` text: per cost centre, the flat table's %alloc and %time, and the tree rows' %alloc summed (with the row count). */
function plainShares(text: string): {
  flat: Map<string, { timePct: number; allocPct: number }>;
  tree: Map<string, { allocPct: number; rows: number }>;
} {
  const lines = text.split('\n');
  const treeHeader = lines.findIndex((line) => /^COST CENTRE\s.*\sno\.\s/.test(line));
  const flatHeader = lines.findIndex((line) => line.startsWith('COST CENTRE'));
  const flat = new Map<string, { timePct: number; allocPct: number }>();
  for (const line of lines.slice(flatHeader + 1, treeHeader)) {
    const match = /^(\S+)\s+(\S+)\s+(.*?)\s+(\d+\.\d)\s+(\d+\.\d)\s*$/.exec(line);
    if (match) flat.set(key(match[2]!, match[1]!, match[3]!), { timePct: Number(match[4]), allocPct: Number(match[5]) });
  }
  const tree = new Map<string, { allocPct: number; rows: number }>();
  for (const line of lines.slice(treeHeader + 1)) {
    const match = /^\s*(\S+)\s+(\S+)\s+(.*?)\s+\d+\s+\d+\s+[\d.]+\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s*$/.exec(line);
    if (!match) continue;
    const k = key(match[2]!, match[1]!, match[3]!);
    const entry = tree.get(k) ?? { allocPct: 0, rows: 0 };
    entry.allocPct += Number(match[4]);
    entry.rows++;
    tree.set(k, entry);
  }
  return { flat, tree };
}

interface RawNode {
  id: number;
  alloc: number;
  ticks: number;
  children: RawNode[];
}
interface RawJson {
  total_ticks: number;
  total_alloc: number;
  cost_centres: Array<{ id: number; label: string; module: string; src_loc: string }>;
  profile: RawNode;
}

/** `-pj`: per cost centre, program alloc share from the raw numbers (system root children taken off total_alloc). */
function jsonShares(raw: RawJson): { allocPct: Map<string, number>; programBytes: number; systemTicks: number } {
  const centres = new Map(raw.cost_centres.map((cc) => [cc.id, cc]));
  const systemChildren = raw.profile.children.filter((child) => isSystem(centres.get(child.id)!.label, centres.get(child.id)!.module));
  const programBytes = raw.total_alloc - systemChildren.reduce((sum, child) => sum + child.alloc, 0);
  const systemTicks = systemChildren.reduce((sum, child) => sum + child.ticks, 0);
  const bytes = new Map<string, number>();
  const pending = [raw.profile];
  while (pending.length > 0) {
    const node = pending.pop()!;
    pending.push(...node.children);
    if (systemChildren.includes(node)) continue;
    const cc = centres.get(node.id)!;
    const k = key(cc.module, cc.label, cc.src_loc);
    bytes.set(k, (bytes.get(k) ?? 0) + node.alloc);
  }
  return { allocPct: new Map([...bytes].map(([k, b]) => [k, (b / programBytes) * 100])), programBytes, systemTicks };
}

const sumOf = (values: number[]): number => values.reduce((sum, value) => sum + value, 0);

describe('system cost centres apart: the same run written by -p and by -pj', () => {
  for (const build of ['interp/a', 'interp/b']) {
    it(`${build}: program alloc share per cost centre agrees to print precision; time shares sum to 100%`, async () => {
      const plainText = readSample(`${build}/run-1.prof`);
      const rawJson = JSON.parse(readSample(`${build}/run-1.json.prof`)) as RawJson;
      const plain = plainShares(plainText);
      const json = jsonShares(rawJson);
      // Allocation is deterministic: -pj's program total is -p's header total.
      expect(json.programBytes).toBe(readSimpleReport(plainText).totalAllocBytes);
      expect(plain.flat.size).toBeGreaterThan(5);
      for (const [k, printed] of plain.flat) {
        expect(Math.abs(printed.allocPct - (json.allocPct.get(k) ?? 0)), k).toBeLessThanOrEqual(0.05 + EPSILON);
      }
      for (const [k, rows] of plain.tree) {
        expect(Math.abs(rows.allocPct - (json.allocPct.get(k) ?? 0)), k).toBeLessThanOrEqual(0.05 * rows.rows + EPSILON);
      }
      // Centres -p has no row for (its zero stacks are pruned) allocated nothing in -pj either.
      for (const [k, pct] of json.allocPct) if (!plain.tree.has(k)) expect(pct, k).toBe(0);

      // The profiles as read: the same program shares, through costCentreTotals.
      const plainProfile = await read(`${build}/run-1.prof`);
      const jsonProfile = await read(`${build}/run-1.json.prof`);
      expect(plainProfile.system).toBeNull();
      expect(jsonProfile.system!.ticks).toBe(json.systemTicks);
      expect(jsonProfile.system!.bytes).toBe(rawJson.total_alloc - json.programBytes);
      const plainRows = new Map(costCentreTotals(plainProfile, 'cost-centre').map((row) => [key(row.module, row.label, row.src), row]));
      const jsonRows = new Map(costCentreTotals(jsonProfile, 'cost-centre').map((row) => [key(row.module, row.label, row.src), row]));
      for (const [k, pct] of json.allocPct) expect(Math.abs(jsonRows.get(k)!.allocPct - pct), k).toBeLessThanOrEqual(EPSILON);
      // -p's bytes are estimates from the printed percentages: each within that print's rounding
      // (the flat table's with slack for its single-precision division, ProfilerReport.c reportPerCCCosts).
      for (const [k, rows] of plain.tree) {
        expect(Math.abs(plainRows.get(k)!.allocPct - rows.allocPct), k).toBeLessThanOrEqual(0.05 * rows.rows + EPSILON);
      }
      for (const [k, printed] of plain.flat) {
        expect(Math.abs(plainRows.get(k)!.allocPct - printed.allocPct), k).toBeLessThanOrEqual(0.05 + FLOAT_SLACK);
        expect(Math.abs(jsonRows.get(k)!.allocPct - printed.allocPct), k).toBeLessThanOrEqual(0.05 + EPSILON);
      }
      for (const k of jsonRows.keys()) expect(isSystem(jsonRows.get(k)!.label, jsonRows.get(k)!.module), k).toBe(false);

      // Time is sampled, so runs differ; but in both the program's shares make up the whole.
      expect(Math.abs(sumOf([...jsonRows.values()].map((row) => row.timePct)) - 100)).toBeLessThanOrEqual(EPSILON);
      // -p's ticks are estimates from one-decimal rows: their shares sum to 100 up to that rounding.
      const printedRows = readSimpleReport(plainText).rows.length;
      expect(Math.abs(sumOf([...plainRows.values()].map((row) => row.timePct)) - 100)).toBeLessThanOrEqual(0.05 * printedRows);
      expect(Math.abs(sumOf([...plainRows.values()].map((row) => row.timePct)) - 100)).toBeLessThanOrEqual(1);
    });
  }
});

describe('-pa: system stacks out of the tree, into profile.system', () => {
  it('ledger/all-pa.prof: GC, OVERHEAD_of and SYSTEM as the file prints them; tree + system = header totals', async () => {
    const text = readSample('ledger/all-pa.prof');
    const headerTicks = Number(/\((\d+) ticks @/.exec(text)![1]);
    const headerBytes = Number(/total alloc =\s*([\d,]+) bytes/.exec(text)![1]!.replace(/,/g, ''));
    // The flat table's rows for the system centres: label module <built-in> %time %alloc ticks bytes.
    const printed = new Map(
      [...text.matchAll(/^(\S+)\s+(\S+)\s+<built-in>\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)$/gm)]
        .filter((m) => isSystem(m[1]!, m[2]!))
        .map((m) => [m[1]!, { ticks: Number(m[3]), bytes: Number(m[4]) }]),
    );
    expect(printed.size).toBe(5);
    expect(printed.get('GC')!.ticks).toBeGreaterThan(0);

    const profile = await read('ledger/all-pa.prof');
    const system = profile.system!;
    for (const [label, expected] of printed) {
      expect(system.centres.find((centre) => centre.label === label), label).toMatchObject(expected);
    }
    expect(system.ticks).toBe(sumOf([...printed.values()].map((row) => row.ticks)));
    expect(system.bytes).toBe(sumOf([...printed.values()].map((row) => row.bytes)));

    const all = nodes(profile);
    expect(all.filter(({ node }) => isSystem(node.costCentre.label, node.costCentre.module))).toEqual([]);
    expect(all.some(({ node }) => node.costCentre.label === 'PINNED')).toBe(true); // not a hidden stack
    expect(profile.nodeCount).toBe(readSimpleReport(text).rows.length - 5);
    expect(all).toHaveLength(profile.nodeCount);
    expect(sumOf(all.map(({ node }) => node.ticks)) + system.ticks).toBe(headerTicks);
    expect(sumOf(all.map(({ node }) => node.bytes)) + system.bytes).toBe(headerBytes);
    expect(profile.root!.inheritedTicks + system.ticks).toBe(headerTicks);
    expect(profile.root!.inheritedBytes + system.bytes).toBe(headerBytes);
    // The header stays GHC's; shares are of the program's totals, and the printed
    // percentages (of totals that included GC) are dropped.
    expect(profile.metadata.totalTicks).toBe(headerTicks);
    expect(profileTotals(profile)).toEqual({ ticks: headerTicks - system.ticks, bytes: headerBytes - system.bytes });
    expect(all.every(({ node }) => node.printed === null)).toBe(true);
    expect(profile.measures.percentages).toBe('derived');
    const rows = costCentreTotals(profile, 'cost-centre');
    expect(Math.abs(sumOf(rows.map((row) => row.timePct)) - 100)).toBeLessThanOrEqual(EPSILON);
    expect(Math.abs(sumOf(rows.map((row) => row.allocPct)) - 100)).toBeLessThanOrEqual(EPSILON);
  });

  it('-pj whose system centres cost nothing still records them (the file counts them), as zeros', async () => {
    const raw = JSON.parse(readSample('interp/a/run-1.json.prof')) as RawJson;
    const centres = new Map(raw.cost_centres.map((cc) => [cc.id, cc]));
    for (const child of raw.profile.children) {
      const cc = centres.get(child.id)!;
      if (!isSystem(cc.label, cc.module)) continue;
      raw.total_ticks -= child.ticks;
      raw.total_alloc -= child.alloc;
      child.ticks = 0;
      child.alloc = 0;
    }
    const profile = await read('zero.json.prof', encode(JSON.stringify(raw)));
    expect(profile.system).toEqual({ ticks: 0, bytes: 0, centres: expect.arrayContaining([{ label: 'GC', module: 'GC', ticks: 0, bytes: 0 }]) });
    expect(profile.system!.centres).toHaveLength(5);
    expect(profileTotals(profile)).toEqual({ ticks: raw.total_ticks, bytes: raw.total_alloc });
    expect(nodes(profile).some(({ node }) => isSystem(node.costCentre.label, node.costCentre.module))).toBe(false);
  });

  it('children of a system stack stay program costs (countTickss_ counts them), moved up to MAIN with a warning', async () => {
    const raw = JSON.parse(readSample('interp/a/run-1.json.prof')) as RawJson;
    const centres = new Map(raw.cost_centres.map((cc) => [cc.id, cc]));
    const systemNode = raw.profile.children.find((child) => centres.get(child.id)!.label === 'SYSTEM')!;
    const main = raw.cost_centres.find((cc) => cc.label === 'main' && cc.module === 'Main')!;
    systemNode.children.push({ id: main.id, alloc: 1000, ticks: 3, children: [], entries: 1 } as RawNode);
    raw.total_ticks += 3;
    raw.total_alloc += 1000;
    const profile = await read('nested.json.prof', encode(JSON.stringify(raw)));
    const moved = profile.root!.children.filter((child) => child.costCentre.label === 'main' && child.ticks === 3);
    expect(moved).toHaveLength(1);
    expect(profile.system!.ticks).toBe(systemNode.ticks + sumOf(raw.profile.children.filter((c) => c !== systemNode && isSystem(centres.get(c.id)!.label, centres.get(c.id)!.module)).map((c) => c.ticks)));
    expect(profile.root!.inheritedTicks + profile.system!.ticks).toBe(raw.total_ticks);
    expect(profile.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/SYSTEM\.SYSTEM.*moved up to MAIN/)]);
  });
});

describe('eventlog time samples: system samples apart', () => {
  it('interp/a/time.eventlog: samples on a system stack go to profile.system; tree + system = samples', async () => {
    const reference = readSample('interp/a/time.eventlog.reference');
    const names = new Map([...reference.matchAll(/^\d+: cost centre (\d+) (\S+) in (\S+) at /gm)].map((m) => [Number(m[1]), { label: m[2]!, module: m[3]! }]));
    const stacks = [...reference.matchAll(/^\d+: cap no \d+, prof sample \d+, cost centre stack ([\d, ]*)$/gm)].map((m) =>
      m[1]!.trim() === '' ? [] : m[1]!.split(', ').map(Number),
    );
    // A stack of one system centre (samples stop before MAIN) is a system stack, child of MAIN.
    const expected = new Map<string, number>();
    for (const stack of stacks) {
      const name = stack.length === 1 ? names.get(stack[0]!)! : null;
      if (name !== null && isSystem(name.label, name.module)) expected.set(name.label, (expected.get(name.label) ?? 0) + 1);
    }
    expect(expected.get('GC')).toBeGreaterThan(0);

    const profile = await read('interp/a/time.eventlog');
    const system = profile.system!;
    for (const centre of system.centres) expect(centre.ticks, centre.label).toBe(expected.get(centre.label) ?? 0);
    expect(system.ticks).toBe(sumOf([...expected.values()]));
    const all = nodes(profile);
    expect(all.filter(({ node, depth }) => depth === 1 && isSystem(node.costCentre.label, node.costCentre.module))).toEqual([]);
    expect(sumOf(all.map(({ node }) => node.ticks)) + system.ticks).toBe(stacks.length);
    expect(profile.metadata.totalTicks).toBe(stacks.length);
    expect(profileTotals(profile).ticks).toBe(stacks.length - system.ticks);
    const rows = costCentreTotals(profile, 'cost-centre');
    expect(Math.abs(sumOf(rows.map((row) => row.timePct)) - 100)).toBeLessThanOrEqual(EPSILON);
  });
});

describe('-p/-P reports: system stacks hidden by GHC, nothing to separate', () => {
  // Every text sample whose call tree has no system row under MAIN (one-space indent).
  const systemRow = /^ (GC|OVERHEAD_of|SYSTEM|IDLE|DONT_CARE)\s+(GC|PROFILING|SYSTEM|IDLE|MAIN)\s/m;
  const plain = textProfSamples().filter((file) => !systemRow.test(readSample(file)));

  it('finds them', () => {
    expect(plain).toEqual(expect.arrayContaining(['interp/a/run-1.prof', 'interp/a/detailed-P.prof', 'ledger/run-1.prof']));
  });

  for (const file of plain) {
    it(`${file}: system is null, totals and printed percentages as in the file`, async () => {
      const text = readSample(file);
      const simple = readSimpleReport(text);
      const profile = await read(file);
      expect(profile.system).toBeNull();
      expect(profile.nodeCount).toBe(simple.rows.length);
      expect(profileTotals(profile)).toEqual({ ticks: simple.totalTicks, bytes: simple.totalAllocBytes });
      expect(profile.measures.percentages).toBe('printed');
      expect(profile.root!.printed).not.toBeNull();
    });
  }
});
