// Estimated ticks and bytes of `-p` text reports (no ticks and bytes columns): integers that
// add up to GHC's header totals, agree with GHC's flat table per cost centre, and are the
// exact integers wherever the printed percentages pin them down. Every expected number is
// read from the files here, with regexes that share no code with the parser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkCallTree, type CallTreeNode } from '../../../src/model/call-tree.js';
import type { Profile } from '../../../src/model/profile.js';
import { parseProfText } from '../../../src/formats/prof-text/prof-text.js';
import { projectRoot, readSample, textProfSamples } from '../../support/samples.js';
import { readSimpleReport } from '../../support/simple-prof.js';

const hasTicksColumns = (text: string): boolean => /\bticks\s+bytes\s*$/m.test(text);

/** The other engineers' shared sample tree, where this checkout has one beside it. */
const sharedRoot = join(projectRoot, '..', 'shared', 'samples');
const sharedDirs = ['timeline', 'real'].map((dir) => join(sharedRoot, dir));

function textReportsUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (name.endsWith('.prof')) found.push(child);
    }
  };
  walk(dir);
  return found;
}

interface Sample {
  name: string;
  text: string;
}

function plainSamples(): Sample[] {
  const samples: Sample[] = textProfSamples()
    .map((file) => ({ name: file, text: readSample(file) }))
    .filter((sample) => !hasTicksColumns(sample.text));
  const present = sharedDirs.filter((dir) => existsSync(dir));
  if (present.length < sharedDirs.length) {
    console.log(`estimated-costs: ${sharedDirs.filter((dir) => !present.includes(dir)).join(', ')} absent; skipped those samples`);
  }
  for (const dir of present) {
    for (const path of textReportsUnder(dir)) {
      const text = readFileSync(path, 'utf8');
      if (text.includes('Time and Allocation Profiling Report') && !hasTicksColumns(text)) {
        samples.push({ name: `shared/${relative(sharedRoot, path)}`, text });
      }
    }
  }
  return samples;
}

function nodesInOrder(profile: Profile): CallTreeNode[] {
  const nodes: CallTreeNode[] = [];
  if (profile.root) walkCallTree(profile.root, (node) => void nodes.push(node));
  return nodes;
}

interface FlatRow {
  label: string;
  module: string;
  src: string | null;
  timePct: number;
  allocPct: number;
}

/** GHC's top table: the rows after `COST CENTRE MODULE [SRC] %time %alloc`, up to the blank line. */
function readFlatTable(text: string): FlatRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((line) => /^COST CENTRE\s+MODULE\s+(SRC\s+)?%time\s+%alloc\s*$/.test(line));
  expect(header, 'flat table header').toBeGreaterThan(0);
  const hasSrc = /\bSRC\b/.test(lines[header]!);
  const rows: FlatRow[] = [];
  for (const line of lines.slice(header + 2)) {
    if (line.trim() === '') break;
    const words = line.trim().split(/\s+/);
    rows.push({
      label: words[0]!,
      module: words[1]!,
      src: hasSrc ? words.slice(2, -2).join(' ') : null,
      timePct: Number(words[words.length - 2]),
      allocPct: Number(words[words.length - 1]),
    });
  }
  return rows;
}

/**
 * Files without SRC (GHC < 8) can show two cost centres with one module and label (two
 * instances' `rnf`). GHC never pushes a centre already on the stack, so a row nested under
 * a row of the same name proves two centres there; the flat table then gives one of them.
 */
function namesSharedByCentres(profile: Profile): Set<string> {
  const shared = new Set<string>();
  walkCallTree(profile.root!, (node, _depth, ancestors) => {
    const name = `${node.costCentre.module}.${node.costCentre.label}`;
    if (ancestors.some((a) => `${a.costCentre.module}.${a.costCentre.label}` === name)) shared.add(name);
  });
  return shared;
}

/** The one integer k of 0..total whose percentage prints as `printed` with one decimal. */
function pinnedInteger(printed: number, total: number): number {
  const candidates: number[] = [];
  for (let k = 0; k <= total; k++) if (Math.abs((k / total) * 100 - printed) <= 0.05 + 1e-9) candidates.push(k);
  expect(candidates, `integers printing as ${printed} of ${total}`).toHaveLength(1);
  return candidates[0]!;
}

describe('estimated ticks and bytes of -p reports', () => {
  const samples = plainSamples();

  it('finds the -p samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(25);
  });

  for (const { name, text } of samples) {
    it(`${name}: integers that add up to the header totals exactly`, async () => {
      const simple = readSimpleReport(text);
      const profile = await parseProfText(text, name);
      expect(profile.measures.ticks).toBe('approximate');
      expect(profile.measures.bytes).toBe('approximate');
      let ticks = 0;
      let bytes = 0;
      for (const node of nodesInOrder(profile)) {
        expect(Number.isInteger(node.ticks) && node.ticks >= 0, `ticks ${node.ticks}`).toBe(true);
        expect(Number.isInteger(node.bytes) && node.bytes >= 0, `bytes ${node.bytes}`).toBe(true);
        ticks += node.ticks;
        bytes += node.bytes;
      }
      expect(ticks).toBe(simple.totalTicks);
      expect(bytes).toBe(simple.totalAllocBytes);
      expect(profile.root!.inheritedTicks).toBe(simple.totalTicks);
      expect(profile.root!.inheritedBytes).toBe(simple.totalAllocBytes);
      expect(profile.warnings).toEqual([]);
    });

    it(`${name}: every centre within 0.05 points of GHC's flat table`, async () => {
      const simple = readSimpleReport(text);
      const profile = await parseProfText(text, name);
      const perCentre = new Map<string, { ticks: number; bytes: number }>();
      for (const node of nodesInOrder(profile)) {
        const key = `${node.costCentre.module}.${node.costCentre.label} ${node.costCentre.src}`;
        const sums = perCentre.get(key) ?? { ticks: 0, bytes: 0 };
        sums.ticks += node.ticks;
        sums.bytes += node.bytes;
        perCentre.set(key, sums);
      }
      const ambiguous = namesSharedByCentres(profile);
      const flat = readFlatTable(text);
      expect(flat.length).toBeGreaterThan(0);
      // GHC computes the flat table in single precision: allow for that beyond the rounding.
      const tolerance = 0.05 + 1e-4;
      for (const row of flat) {
        if (row.src === null && ambiguous.has(`${row.module}.${row.label}`)) continue;
        const sums = perCentre.get(`${row.module}.${row.label} ${row.src}`);
        expect(sums, `${row.module}.${row.label} in the tree`).toBeDefined();
        expect(Math.abs((sums!.ticks / simple.totalTicks) * 100 - row.timePct), `${row.label} %time`).toBeLessThanOrEqual(tolerance);
        expect(Math.abs((sums!.bytes / simple.totalAllocBytes) * 100 - row.allocPct), `${row.label} %alloc`).toBeLessThanOrEqual(tolerance);
      }
    });

    const totalTicks = readSimpleReport(text).totalTicks;
    if (totalTicks > 0 && totalTicks < 1000) {
      it(`${name}: ${totalTicks} ticks, so every row's ticks are the one integer its %time allows`, async () => {
        const simple = readSimpleReport(text);
        const profile = await parseProfText(text, name);
        const nodes = nodesInOrder(profile);
        expect(nodes).toHaveLength(simple.rows.length);
        simple.rows.forEach((row, i) => {
          expect(nodes[i]!.ticks, `row ${i} ${row.label}`).toBe(pinnedInteger(row.individualTimePct, totalTicks));
        });
      });
    }
  }

  it('the big sample: 206 ticks over 458,767 rows, exact per row and in total', async () => {
    const { gunzipSync } = await import('node:zlib');
    const text = gunzipSync(readFileSync(join(projectRoot, 'samples/big/big.prof.gz'))).toString('utf8');
    const simple = readSimpleReport(text);
    const profile = await parseProfText(text, 'big.prof');
    const nodes = nodesInOrder(profile);
    expect(simple.totalTicks).toBe(206);
    expect(nodes).toHaveLength(simple.rows.length);
    let ticks = 0;
    let bytes = 0;
    simple.rows.forEach((row, i) => {
      const node = nodes[i]!;
      // 0.0 can only be no tick at all: one tick is 0.49%.
      if (row.individualTimePct === 0) expect(node.ticks).toBe(0);
      else expect(node.ticks, `row ${i}`).toBe(pinnedInteger(row.individualTimePct, simple.totalTicks));
      ticks += node.ticks;
      bytes += node.bytes;
    });
    expect(ticks).toBe(simple.totalTicks);
    expect(bytes).toBe(simple.totalAllocBytes);
    expect(profile.warnings).toEqual([]);
  }, 120_000);
});

describe('estimated costs of a -p report cut at a line boundary', () => {
  it('warns that the rows do not add up, and does not claim the header totals', async () => {
    const text = readSample('interp/a/run-1.prof');
    const simple = readSimpleReport(text);
    const lines = text.split('\n');
    const firstRow = lines.findIndex((line) => line.includes(' no. ')) + 2;
    let checked = 0;
    for (let keep = firstRow + 1; keep < firstRow + simple.rows.length; keep++) {
      // What the cut rows printed as individual %time: enough that rounding cannot hide it.
      const missingTimePct = simple.rows.slice(keep - firstRow).reduce((sum, row) => sum + row.individualTimePct, 0);
      if (missingTimePct < 2) continue;
      const profile = await parseProfText(`${lines.slice(0, keep).join('\n')}\n`, 'cut.prof');
      const warning = profile.warnings.find((w) => /do not add up to the header totals/.test(w.message));
      expect(warning, `cut after line ${keep}`).toBeDefined();
      expect(warning!.message).toMatch(/truncated\?/);
      expect(warning!.location).toEqual({ source: 'cut.prof', line: keep });
      expect(profile.root!.inheritedTicks).toBeLessThan(simple.totalTicks);
      for (const node of nodesInOrder(profile)) expect(Number.isInteger(node.ticks)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
