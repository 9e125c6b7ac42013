import { describe, expect, it } from 'vitest';
import { costCentreTotals, profileTotals } from '../../src/analyze/cost-centre-totals.js';
import { rankTotals } from '../../src/analyze/ranking.js';
import { treeView } from '../../src/analyze/tree-view.js';
import { parseProfJson } from '../../src/formats/prof-json/prof-json.js';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { separateSystemCosts } from '../../src/formats/common/separate-system-costs.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

describe('cost centres summed over call sites', () => {
  it('-pa: ticks and bytes per cost centre equal every row of GHC flat table', async () => {
    // With -pa GHC lists every cost centre in the flat table, aggregated over its stacks
    // (docs/formats.md §1.4): an independent answer for every row we compute.
    const profile = separateSystemCosts(await parseProfText(readSample('ledger/all-pa.prof'), 'x'));
    const totals = new Map(costCentreTotals(profile, 'cost-centre').map((row) => [`${row.module} ${row.label} ${row.src}`, row]));
    expect(profile.printedFlatTable.length).toBeGreaterThan(100);
    let matched = 0;
    let system = 0;
    for (const printed of profile.printedFlatTable) {
      const row = totals.get(`${printed.module} ${printed.label} ${printed.src}`);
      if (row === undefined) {
        // System cost centres (GC, IDLE, ...) are listed under -pa; their stacks are kept apart, in profile.system.
        const centre = profile.system!.centres.find((entry) => entry.module === printed.module && entry.label === printed.label);
        if (centre !== undefined) {
          expect(centre, `${printed.module}.${printed.label}`).toMatchObject({ ticks: printed.ticks, bytes: printed.bytes });
          system++;
        } else {
          // -pa lists every registered centre, also those no stack ever entered.
          expect([printed.ticks, printed.bytes], `${printed.module}.${printed.label}`).toEqual([0, 0]);
        }
        continue;
      }
      expect(row.ticks, `${printed.module}.${printed.label}`).toBe(printed.ticks);
      expect(row.bytes, `${printed.module}.${printed.label}`).toBe(printed.bytes);
      matched++;
    }
    expect(matched).toBeGreaterThan(100);
    expect(system).toBe(profile.system!.centres.length);
  });

  for (const file of ['interp/a/detailed-P.prof', 'real/llelf__flamingra__pandoc.prof', 'real/roboguy13__digit-recog__Main.prof']) {
    it(`${file}: the flat table's rows (>= 1%) match our sums, percentages to GHC's rounding`, async () => {
      const profile = separateSystemCosts(await parseProfText(readSample(file), file));
      const totals = costCentreTotals(profile, 'cost-centre');
      const byName = new Map(totals.map((row) => [`${row.module} ${row.label} ${row.src}`, row]));
      // Our shares are of the program's totals; GHC's -pa rows are of totals that include the
      // system centres: scale ours back to GHC's denominator to compare.
      const program = profileTotals(profile);
      const toHeaderTicks = program.ticks / profile.metadata.totalTicks!;
      const toHeaderBytes = program.bytes / profile.metadata.totalAllocBytes!;
      for (const printed of profile.printedFlatTable) {
        const row = byName.get(`${printed.module} ${printed.label} ${printed.src}`);
        if (row === undefined) {
          // system cost centres under -pa, kept apart (or centres no stack entered)
          const centre = profile.system?.centres.find((entry) => entry.module === printed.module && entry.label === printed.label);
          expect(centre?.ticks ?? 0).toBe(printed.ticks);
          continue;
        }
        expect(row.ticks).toBe(printed.ticks);
        expect(Math.abs(row.timePct * toHeaderTicks - printed.timePct)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(row.allocPct * toHeaderBytes - printed.allocPct)).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    });
  }

  it('sums entries over call sites, as a naive reading of the rows does', async () => {
    const text = readSample('interp/a/run-1.prof');
    const expected = new Map<string, number>();
    for (const row of readSimpleReport(text).rows) expected.set(`${row.module}.${row.label}`, (expected.get(`${row.module}.${row.label}`) ?? 0) + row.entries);
    const totals = costCentreTotals(await parseProfText(text, 'x'), 'module');
    const byCostCentre = costCentreTotals(await parseProfText(text, 'x'), 'cost-centre');
    for (const row of byCostCentre) expect(row.entries).toBe(expected.get(`${row.module}.${row.label}`));
    expect(totals.reduce((sum, row) => sum + row.entries, 0)).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });

  it('inherited cost counts a recursive subtree once', async () => {
    // In the interpreter, `eval` calls itself: its inherited time must not exceed 100%.
    const profile = separateSystemCosts(parseProfJson(readSample('interp/a/run-1.json.prof'), 'x'));
    for (const row of costCentreTotals(profile, 'cost-centre')) {
      expect(row.inheritedTicks).toBeLessThanOrEqual(profile.root!.inheritedTicks);
      expect(row.inheritedTicks).toBeGreaterThanOrEqual(row.ticks);
    }
    const main = costCentreTotals(profile, 'cost-centre').find((row) => row.label === 'MAIN')!;
    expect(main.inheritedTicks + profile.system!.ticks).toBe(profile.metadata.totalTicks);
    expect(main.inheritedTimePct).toBeCloseTo(100, 9);
  });

  it('groups by module and by source file, keeping the totals', async () => {
    const profile = separateSystemCosts(await parseProfText(readSample('ledger/all-pa.prof'), 'x'));
    const sum = (rows: Array<{ ticks: number; bytes: number }>): [number, number] => [
      rows.reduce((s, r) => s + r.ticks, 0),
      rows.reduce((s, r) => s + r.bytes, 0),
    ];
    // The program's costs: GHC's -pa header totals less the system centres kept apart.
    const expected = [profile.metadata.totalTicks! - profile.system!.ticks, profile.metadata.totalAllocBytes! - profile.system!.bytes];
    expect(sum(costCentreTotals(profile, 'cost-centre'))).toEqual(expected);
    expect(sum(costCentreTotals(profile, 'module'))).toEqual(expected);
    expect(sum(costCentreTotals(profile, 'file'))).toEqual(expected);
    const files = costCentreTotals(profile, 'file').map((row) => row.label);
    expect(files).toContain('src/Data/Aeson/Types/ToJSON.hs');
  });

  it('ranks by the requested metric, largest first', async () => {
    const profile = await parseProfText(readSample('interp/a/detailed-P.prof'), 'x');
    const byTime = rankTotals(costCentreTotals(profile, 'cost-centre'), 'time');
    expect(byTime[0]!.label).toBe(profile.printedFlatTable[0]!.label);
    const byEntries = rankTotals(costCentreTotals(profile, 'cost-centre'), 'entries');
    for (let i = 1; i < byEntries.length; i++) expect(byEntries[i - 1]!.entries).toBeGreaterThanOrEqual(byEntries[i]!.entries);
  });
});

describe('tree view', () => {
  it('prunes by depth and by inherited share', async () => {
    const profile = await parseProfText(readSample('interp/a/detailed-P.prof'), 'x');
    expect(treeView(profile, { maxDepth: Infinity, minPct: 0 })).toHaveLength(profile.nodeCount);
    const shallow = treeView(profile, { maxDepth: 2, minPct: 0 });
    expect(Math.max(...shallow.map((row) => row.depth))).toBe(2);
    const big = treeView(profile, { maxDepth: Infinity, minPct: 5 });
    for (const row of big.slice(1)) expect(Math.max(row.inheritedTimePct, row.inheritedAllocPct)).toBeGreaterThanOrEqual(5);
    expect(big.length).toBeLessThan(profile.nodeCount);
  });
});
