import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunAggregator } from '../../src/analyze/aggregate.js';
import { compareBuilds, significantRegressions, type CompareOptions, type Comparison } from '../../src/analyze/compare.js';
import { manifestDiff } from '../../src/analyze/manifest-diff.js';
import { matchRows } from '../../src/analyze/row-matching.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadRuns } from '../../src/runs/load-runs.js';
import { projectRoot, readSample, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const runsOf = (build: string, numbers: number[]): string[] => numbers.map((n) => samplePath(`interp/${build}/run-${n}.prof`));
const all = [1, 2, 3, 4, 5, 6, 7, 8];
const options: CompareOptions = { grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'holm', minPct: 0.5 };

async function aggregate(paths: string[]): Promise<RunAggregator> {
  return (await loadRuns(await collectRuns(paths))).aggregator;
}

const row = (comparison: Comparison, label: string, metric: string) => comparison.rows.find((candidate) => candidate.module === 'Main' && candidate.label === label && candidate.metric === metric)!;
const total = (comparison: Comparison, metric: string) => comparison.totals.find((candidate) => candidate.metric === metric)!;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};

function ghcprof(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('compare builds on amounts', () => {
  it('interp a -> b: eval time and alloc, and the run totals, are significant regressions; simplify entries x2.86', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), options);
    for (const metric of ['time', 'alloc']) {
      const evalRow = row(comparison, 'eval', metric);
      expect(evalRow.significant, `eval ${metric}`).toBe(true);
      expect(evalRow.deltaPct!).toBeGreaterThan(20);
      const runTotal = total(comparison, metric);
      expect(runTotal.significant, `total ${metric}`).toBe(true);
      expect(runTotal.deltaPct!).toBeGreaterThan(10);
    }
    // Totals recomputed from the headers: median alloc of each build.
    const allocs = (build: string): number[] => all.map((n) => readSimpleReport(readSample(`interp/${build}/run-${n}.prof`)).totalAllocBytes);
    expect(total(comparison, 'alloc').base.median).toBe(median(allocs('a')));
    expect(total(comparison, 'alloc').next.median).toBe(median(allocs('b')));
    // Time totals are ticks × the tick interval (1000 us in these files).
    const ticks = (build: string): number[] => all.map((n) => readSimpleReport(readSample(`interp/${build}/run-${n}.prof`)).totalTicks);
    expect(total(comparison, 'time').next.median).toBeCloseTo(median(ticks('b')) * 1e-3, 12);

    const simplify = row(comparison, 'simplify', 'entries');
    expect(simplify.significant).toBe(true);
    const entries = (build: string): number[] =>
      all.map((n) =>
        readSimpleReport(readSample(`interp/${build}/run-${n}.prof`))
          .rows.filter((candidate) => candidate.label === 'simplify')
          .reduce((sum, candidate) => sum + candidate.entries, 0),
      );
    const ratio = median(entries('b')) / median(entries('a'));
    expect(ratio.toFixed(2)).toBe('2.86');
    expect(1 + simplify.deltaPct! / 100).toBeCloseTo(ratio, 9);
    // b's SRC moved one line down: matched by module and label anyway.
    expect(row(comparison, 'eval', 'time').baseSrc).toBe('Interp.hs:(67,1)-(83,35)');
    expect(comparison.added).toEqual([]);
    expect(comparison.removed).toEqual([]);
  });

  it('interp a -> b: cost centres whose bytes did not change are not called improvements, though their shares fell', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), options);
    for (const label of ['lexeme', 'symbol', 'expr.term', 'expr.app']) {
      const alloc = row(comparison, label, 'alloc');
      expect(alloc.significant, `${label} alloc`).toBe(false);
      // The amounts agree within GHC's print precision (a share of 0.1% of the run)...
      expect(Math.abs(alloc.deltaPct!), label).toBeLessThan(2);
    }
    // ...while the share the old comparison tested did drop by far more (recomputed from the files).
    const share = (build: string): number => median(all.map((n) => readSimpleReport(readSample(`interp/${build}/run-${n}.prof`)).rows.filter((r) => r.label === 'lexeme').reduce((sum, r) => sum + r.individualAllocPct, 0)));
    expect(share('b') / share('a')).toBeLessThan(0.9);
  });

  it('b -> a: nothing regressed, so --fail-on-regression 10 passes', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('b', all)), await aggregate(runsOf('a', all)), options);
    expect(significantRegressions(comparison, 10)).toEqual([]);
    expect(row(comparison, 'eval', 'time').significant).toBe(true);
    expect(row(comparison, 'eval', 'time').deltaPct!).toBeLessThan(0);
    const cli = ghcprof(['compare', '--base', ...runsOf('b', all), '--new', ...runsOf('a', all), '--fail-on-regression', '10']);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const forward = ghcprof(['compare', '--base', ...runsOf('a', all), '--new', ...runsOf('b', all), '--fail-on-regression', '10']);
    expect(forward.status).toBe(1);
    expect(forward.stderr).toMatch(/total time: \+\d+\.\d% \(p<0\.001 n=8\+8\)/);
  });

  it('the mixed folders (-p, -P, -pj runs) still find the eval time regression, and say the formats differ', async () => {
    const base = await aggregate([samplePath('interp/a')]);
    const next = await aggregate([samplePath('interp/b')]);
    expect([...base.kinds.keys()].sort()).toEqual(['-P', '-p', '-pj']);
    const comparison = compareBuilds(base, next, options);
    expect(row(comparison, 'eval', 'time').significant).toBe(true);
    expect(row(comparison, 'eval', 'time').deltaPct!).toBeGreaterThan(20);
    expect(comparison.formatNote).toMatch(/formats differ .*like with like/);
    for (const label of ['lexeme', 'symbol', 'expr.term', 'expr.app']) expect(row(comparison, label, 'alloc').significant, label).toBe(false);
  });

  it('odd vs even runs of build a (no real change) flag at most 5% of the tested rows', async () => {
    const odd = await aggregate(runsOf('a', [1, 3, 5, 7]));
    const even = await aggregate(runsOf('a', [2, 4, 6, 8]));
    for (const correction of ['holm', 'bh', 'none'] as const) {
      for (const grouping of ['cost-centre', 'stack', 'module'] as const) {
        const comparison = compareBuilds(odd, even, { ...options, grouping, correction });
        expect(comparison.tested).toBeGreaterThan(grouping === 'module' ? 0 : 10);
        const flagged = comparison.rows.filter((candidate) => candidate.significant).length;
        expect(flagged / comparison.tested, `${grouping} ${correction}`).toBeLessThanOrEqual(0.05);
      }
    }
    // Without correction some rows reach p < 0.05 by chance: the bound is not vacuous.
    const raw = compareBuilds(odd, even, { ...options, grouping: 'stack', correction: 'none' });
    expect(raw.rows.some((candidate) => candidate.p !== null && candidate.p < 0.05)).toBe(true);
  });

  it('one run per side: raw changes, untested, and how many runs significance needs', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', [1])), await aggregate(runsOf('b', [1])), options);
    expect(comparison.rows.length).toBeGreaterThan(0);
    expect(comparison.rows.every((candidate) => candidate.p === null && !candidate.significant)).toBe(true);
    expect(comparison.totals.every((candidate) => candidate.p === null)).toBe(true);
    expect(comparison.runsNeededForSignificance).toBe(4);
    expect(row(comparison, 'eval', 'time').deltaPct).not.toBeNull();
    const cli = ghcprof(['compare', samplePath('interp/a/run-1.prof'), samplePath('interp/b/run-1.prof'), '--fail-on-regression', '10']);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^ghcprof: --fail-on-regression: nothing could be tested/);
    const text = ghcprof(['compare', samplePath('interp/a/run-1.prof'), samplePath('interp/b/run-1.prof')]);
    expect(text.stdout).toMatch(/eval +Main .* \+\d+\.\d% untested \(n=1\+1/);
  });

  it('shares stay available, labelled as shares', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), { ...options, metrics: ['alloc-share'] });
    // The old, misleading reading: lexeme's share of a grown run fell.
    expect(row(comparison, 'lexeme', 'alloc-share').deltaPct!).toBeLessThan(-10);
    const cli = ghcprof(['compare', samplePath('interp/a'), samplePath('interp/b'), '--metric', 'alloc-share', '--top', '3']);
    expect(cli.stdout).toContain('COST CENTRE (%alloc)');
  });

  it('rows are ordered by significance, then by the absolute change in the metric unit', async () => {
    const comparison = compareBuilds(await aggregate(runsOf('a', all)), await aggregate(runsOf('b', all)), options);
    for (const metric of options.metrics) {
      const rows = comparison.rows.filter((candidate) => candidate.metric === metric);
      for (let i = 1; i < rows.length; i++) {
        const [before, after] = [rows[i - 1]!, rows[i]!];
        if (before.significant === after.significant) expect(Math.abs(before.change)).toBeGreaterThanOrEqual(Math.abs(after.change));
        else expect(before.significant).toBe(true);
      }
    }
  });

  it('usage errors: a metric a side cannot provide, runs of different programs', () => {
    const eventlog = ghcprof(['compare', samplePath('interp/a/time.eventlog'), samplePath('interp/b/time.eventlog'), '--metric', 'alloc']);
    expect(eventlog.status).toBe(2);
    expect(eventlog.stderr).toMatch(/^ghcprof: --metric alloc: the base build cannot provide it: no run records allocation/);
    expect(eventlog.stderr.trim().split('\n')).toHaveLength(1);
    const programs = ghcprof(['compare', samplePath('interp/a/run-1.prof'), samplePath('ledger/run-1.prof')]);
    expect(programs.status).toBe(2);
    expect(programs.stderr).toMatch(/different programs \(base: interp; new: ledger\).*--allow-different-programs/);
    expect(ghcprof(['compare', samplePath('interp/a/run-1.prof'), samplePath('ledger/run-1.prof'), '--allow-different-programs']).status).toBe(0);
  });

  it('--only-significant and --regressions filter rows; JSON carries totals and rows with every field', () => {
    const result = ghcprof(['compare', samplePath('interp/a'), samplePath('interp/b'), '--format', 'json', '--regressions']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { totals: Array<Record<string, unknown>>; rows: Array<Record<string, unknown>> };
    expect(json.totals.map((entry) => entry['metric'])).toEqual(['time', 'alloc']);
    expect(json.rows.length).toBeGreaterThan(0);
    for (const entry of json.rows) {
      expect(entry).toMatchObject({ significant: true });
      expect(entry['change'] as number).toBeGreaterThan(0);
      for (const key of ['metric', 'module', 'label', 'base', 'new', 'deltaPct', 'p', 'pAdjusted', 'significant', 'estimated']) expect(entry, key).toHaveProperty(key);
      expect(Object.keys(entry['base'] as object)).toEqual(expect.arrayContaining(['n', 'median', 'ciLow', 'ciHigh']));
    }
    const significant = JSON.parse(ghcprof(['compare', samplePath('interp/a'), samplePath('interp/b'), '--format', 'json', '--only-significant']).stdout) as typeof json;
    expect(significant.rows.length).toBeGreaterThanOrEqual(json.rows.length);
    expect(significant.rows.every((entry) => entry['significant'] === true)).toBe(true);
  });

  it('matches same-named cost centres by SRC, then in source order, and reports the rest', () => {
    const aggregateRow = (label: string, src: string) => ({ key: `M\u0000${label}\u0000${src}`, label, module: 'M', src, values: new Float64Array(5) });
    const matches = matchRows(
      [aggregateRow('f', 'A.hs:10:1'), aggregateRow('f', 'A.hs:20:1'), aggregateRow('g', 'A.hs:5:1')],
      [aggregateRow('f', 'A.hs:11:1'), aggregateRow('f', 'A.hs:21:1'), aggregateRow('f', 'A.hs:30:1'), aggregateRow('h', 'A.hs:1:1')],
    );
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
