import { describe, expect, it } from 'vitest';
import { compareBuilds, significantRegressions, type CompareOptions } from '../../src/analyze/compare.js';
import { manifestDiff } from '../../src/analyze/manifest-diff.js';
import { matchRows } from '../../src/analyze/row-matching.js';
import { collectRuns } from '../../src/cli/collect-runs.js';
import { loadRuns } from '../../src/cli/load-runs.js';
import { readSample, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const runsOf = (build: string, numbers: number[]): string[] => numbers.map((n) => samplePath(`interp/${build}/run-${n}.prof`));
const all = [1, 2, 3, 4, 5, 6, 7, 8];
const options: CompareOptions = { grouping: 'cost-centre', metrics: ['timePct', 'allocPct', 'entries'], alpha: 0.05, correction: 'holm', minPct: 0.5 };

async function aggregate(paths: string[]) {
  return (await loadRuns(await collectRuns(paths))).aggregator;
}

describe('compare builds', () => {
  it('build a vs b: Main.eval %time up and Main.simplify entries about x3, both significant', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), options);
    const evalTime = comparison.rows.find((row) => row.module === 'Main' && row.label === 'eval' && row.metric === 'timePct')!;
    expect(evalTime.significant).toBe(true);
    expect(evalTime.deltaPct!).toBeGreaterThan(0);
    const simplify = comparison.rows.find((row) => row.label === 'simplify' && row.metric === 'entries')!;
    expect(simplify.significant).toBe(true);
    // The ratio, recomputed from the files: summed entries of simplify per run, medians of both builds.
    const entries = (build: string): number[] =>
      all.map((n) => readSimpleReport(readSample(`interp/${build}/run-${n}.prof`)).rows.filter((row) => row.label === 'simplify').reduce((sum, row) => sum + row.entries, 0));
    const median = (values: number[]): number => [...values].sort((a, b) => a - b).slice(3, 5).reduce((a, b) => a + b) / 2;
    const ratio = median(entries('b')) / median(entries('a'));
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.5);
    expect(1 + simplify.deltaPct! / 100).toBeCloseTo(ratio, 9);
    // b's SRC moved one line down: matched by module and label anyway, nothing added or removed.
    expect(evalTime.baseSrc).toBe('Interp.hs:(67,1)-(83,35)');
    expect(evalTime.src).toBe('Interp.hs:(68,1)-(84,35)');
    expect(comparison.added).toEqual([]);
    expect(comparison.removed).toEqual([]);
  });

  it('odd vs even runs of build a (no real change) flag at most 5% of the tested rows', async () => {
    const odd = await aggregate(runsOf('a', [1, 3, 5, 7]));
    const even = await aggregate(runsOf('a', [2, 4, 6, 8]));
    // Without correction some rows can reach p < 0.05 by chance: the bound is not vacuous.
    for (const correction of ['holm', 'bh', 'none'] as const) {
      for (const grouping of ['cost-centre', 'stack', 'module'] as const) {
        const comparison = compareBuilds(odd, even, { ...options, grouping, correction });
        expect(comparison.tested).toBeGreaterThan(grouping === 'module' ? 0 : 10);
        const flagged = comparison.rows.filter((row) => row.significant).length;
        expect(flagged / comparison.tested, `${grouping} ${correction}`).toBeLessThanOrEqual(0.05);
      }
    }
    const raw = compareBuilds(odd, even, { ...options, grouping: 'stack', correction: 'none' });
    expect(raw.rows.some((row) => row.p !== null && row.p < 0.05)).toBe(true);
  });

  it('one run per side: raw deltas, no p-values, and how many runs significance needs', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', [1])), await aggregate(runsOf('b', [1])), options);
    expect(comparison.rows.length).toBeGreaterThan(0);
    expect(comparison.rows.every((row) => row.p === null && !row.significant)).toBe(true);
    expect(comparison.runsNeededForSignificance).toBe(4);
    expect(comparison.rows.find((row) => row.label === 'eval' && row.metric === 'timePct')!.deltaPct).not.toBeNull();
  });

  it('regressions above a threshold are the significant increases', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), options);
    const regressions = significantRegressions(comparison, 20);
    expect(regressions.map((row) => `${row.label} ${row.metric}`)).toEqual(expect.arrayContaining(['eval timePct', 'simplify entries']));
    for (const row of regressions) expect(row.deltaPct!).toBeGreaterThan(20);
    expect(significantRegressions(comparison, 10_000)).toEqual([]);
  });

  it('matches same-named cost centres by SRC, then in source order, and reports the rest', () => {
    const row = (label: string, src: string) => ({ key: `M\u0000${label}\u0000${src}`, label, module: 'M', src, values: new Float64Array(5) });
    const matches = matchRows([row('f', 'A.hs:10:1'), row('f', 'A.hs:20:1'), row('g', 'A.hs:5:1')], [row('f', 'A.hs:11:1'), row('f', 'A.hs:21:1'), row('f', 'A.hs:30:1'), row('h', 'A.hs:1:1')]);
    const pairs = matches.map((match) => `${match.base?.src ?? '-'} => ${match.next?.src ?? '-'}`);
    expect(pairs).toEqual(expect.arrayContaining(['A.hs:10:1 => A.hs:11:1', 'A.hs:20:1 => A.hs:21:1', '- => A.hs:30:1', 'A.hs:5:1 => -', '- => A.hs:1:1']));
    expect(pairs).toHaveLength(5);
  });

  it('manifest difference of the profnix builds: node commit and plutus-core version', async () => {
    const a = await collectRuns([samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof')]);
    const b = await collectRuns([samplePath('profnix/run/2026-11-24-02-30-9c4e7-interp-bench-loc-prof')]);
    const changes = manifestDiff(a.runDirectories[0]!.meta, b.runDirectories[0]!.meta);
    expect(changes.map((change) => change.component)).toEqual(['cardano-node', 'plutus-core']);
    expect(changes[1]!.base!.version).toBe('1.1.1.0');
    expect(changes[1]!.next!.version).toBe('1.2.0.0');
  });
});
