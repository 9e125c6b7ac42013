import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTotalSeries } from '../../src/analyze/aggregate-summary.js';
import { compareBuilds, significantRegressions } from '../../src/analyze/compare.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadRuns } from '../../src/runs/load-runs.js';
import { samplePath } from '../support/samples.js';

const runDirectory = samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof');

describe('run totals', () => {
  it('every .stats figure in its unit: peak_megabytes_allocated in bytes, GHC\'s fractions in percent', async () => {
    const collected = await collectRuns([runDirectory]);
    const { aggregator } = await loadRuns(collected);
    const series = new Map(runTotalSeries(aggregator.runs).map((entry) => [entry.metric, entry]));
    const written = (key: string): number[] => collected.inputs.map((input) => Number(new RegExp(`"${key}", "([\\d.]+)"`).exec(readFileSync(input.statsPath!, 'utf8'))![1]));
    expect(series.get('peak_megabytes_allocated')).toMatchObject({ unit: 'bytes', worse: 'higher', values: written('peak_megabytes_allocated').map((mib) => mib * 2 ** 20) });
    const productivity = series.get('productivity_cpu_percent')!;
    expect(productivity).toMatchObject({ unit: 'percent', worse: 'lower' });
    productivity.values.forEach((value, i) => expect(value).toBeCloseTo(written('productivity_cpu_percent')[i]! * 100, 9));
    expect(series.get('alloc_rate')).toMatchObject({ unit: 'bytes', worse: null, values: written('alloc_rate') });
    expect(series.get('GC_cpu_seconds')).toMatchObject({ title: 'GC_cpu_seconds', unit: 'seconds', worse: 'higher', headline: true });
    expect(series.get('gen_0_max_pause_seconds')!.headline).toBe(true);
  });

  it('a regression is a rise of a cost or a fall of productivity; alloc_rate is none either way', async () => {
    const paths = Array.from({ length: 8 }, (_, i) => samplePath(`interp/a/run-${i + 1}.prof`));
    const [base, next] = [(await loadRuns(await collectRuns(paths))).aggregator, (await loadRuns(await collectRuns(paths))).aggregator];
    // The same runs on both sides but for the statistics: the new build's mutator is faster
    // (alloc_rate up), its productivity lower and its GC slower.
    base.runs.forEach((run, i) => (run.stats = { alloc_rate: 1e9 + i, productivity_cpu_percent: 0.9 + i / 1000, GC_cpu_seconds: 0.1 + i / 1000 }));
    next.runs.forEach((run, i) => (run.stats = { alloc_rate: 2e9 + i, productivity_cpu_percent: 0.5 + i / 1000, GC_cpu_seconds: 0.2 + i / 1000 }));
    const comparison = compareBuilds(base, next, { grouping: 'cost-centre', metrics: ['time'], alpha: 0.05, correction: 'holm', minPct: 0.5 });
    const totals = new Map(comparison.totals.map((total) => [total.metric, total]));
    expect(['alloc_rate', 'productivity_cpu_percent', 'GC_cpu_seconds'].map((metric) => totals.get(metric)!.significant)).toEqual([true, true, true]);
    expect(totals.get('productivity_cpu_percent')!.deltaPct).toBeLessThan(-20);
    const regressions = significantRegressions(comparison, 20).map((figure) => figure.metric);
    expect(regressions).toContain('productivity_cpu_percent');
    expect(regressions).toContain('GC_cpu_seconds');
    expect(regressions).not.toContain('alloc_rate');
  });
});
