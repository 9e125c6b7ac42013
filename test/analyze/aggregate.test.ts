import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../src/analyze/aggregate.js';
import { findRunOutliers, summariseRows, summariseRunMetrics } from '../../src/analyze/aggregate-summary.js';
import { meanProfile } from '../../src/analyze/mean-profile.js';
import { collectRuns } from '../../src/cli/collect-runs.js';
import { loadRuns } from '../../src/cli/load-runs.js';
import { readSample, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const buildA = Array.from({ length: 8 }, (_, i) => `interp/a/run-${i + 1}.prof`);

/** Per cost centre (module.label) summed individual %time of one run, read naively from the file. */
function timePctByCostCentre(file: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of readSimpleReport(readSample(file)).rows) {
    const key = `${row.module}.${row.label}`;
    sums.set(key, (sums.get(key) ?? 0) + row.individualTimePct);
  }
  return sums;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('aggregate of runs', () => {
  it('8 runs of build a: n, mean and median of %time per cost centre match a recomputation from the files', async () => {
    const loaded = await loadRuns(await collectRuns(buildA.map(samplePath)));
    const rows = summariseRows(loaded.aggregator, loaded.aggregator.rows('cost-centre'));
    const perRun = buildA.map(timePctByCostCentre);
    const names = new Set(perRun.flatMap((run) => [...run.keys()]));
    expect(rows).toHaveLength(names.size);
    for (const name of names) {
      const values = perRun.map((run) => run.get(name) ?? 0);
      const row = rows.find((candidate) => `${candidate.module}.${candidate.label}` === name)!;
      const time = row.metrics.timePct!;
      expect(time.n).toBe(8);
      expect(time.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 8, 9);
      expect(time.median).toBeCloseTo(median(values), 9);
      expect(time.min).toBeCloseTo(Math.min(...values), 9);
      expect(time.max).toBeCloseTo(Math.max(...values), 9);
    }
    expect(loaded.aggregator.exactTicks).toBe(false);
  });

  it('per call stack: a stack absent from a run counts as zero there', async () => {
    const loaded = await loadRuns(await collectRuns(buildA.map(samplePath)));
    const stacks = summariseRows(loaded.aggregator, loaded.aggregator.stackRows());
    const root = stacks.find((row) => row.key === 'MAIN.MAIN')!;
    expect(root.metrics.entries!.n).toBe(8);
    const evalStack = stacks.find((row) => row.key.endsWith(';Main.main.\\.(...);Main.eval'))!;
    const expected = buildA.map((file) => readSimpleReport(readSample(file)).rows.filter((row) => row.label === 'eval' && row.depth === 4).reduce((sum, row) => sum + row.entries, 0));
    expect(evalStack.metrics.entries!.mean).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 8, 6);
  });

  it('profnix: two run directories of one build pool as 6 runs and carry the manifest and RTS statistics', async () => {
    const runDirs = [
      'profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof',
      'profnix/run/2026-11-24-02-20-3f2a1-interp-bench-loc-prof',
    ].map(samplePath);
    const collected = await collectRuns(runDirs);
    expect(collected.inputs).toHaveLength(6);
    expect(collected.inputs.map((input) => input.node)).toEqual(['node-0', 'node-1', 'node-2', 'node-0', 'node-1', 'node-2']);
    expect(collected.runDirectories.map((info) => info.meta.manifest['cardano-node']!.commit)).toEqual([
      '3f2a1c0000000000000000000000000000000000',
      '3f2a1c0000000000000000000000000000000000',
    ]);
    const loaded = await loadRuns(collected);
    expect(loaded.mixedBuilds).toBe(false);
    expect(loaded.aggregator.runs).toHaveLength(6);
    const gcSeconds = summariseRunMetrics(loaded.aggregator.runs).find((metric) => metric.name === 'GC_cpu_seconds')!;
    const expected = collected.inputs.map((input) => Number(/"GC_cpu_seconds", "([\d.]+)"/.exec(readFileSync(input.statsPath!, 'utf8'))![1]));
    expect(gcSeconds.summary.n).toBe(6);
    expect(gcSeconds.summary.mean).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 6, 12);
  });

  it('the parent folder of all three run directories shows two builds', async () => {
    const loaded = await loadRuns(await collectRuns([samplePath('profnix/run')]));
    expect(loaded.aggregator.runs).toHaveLength(9);
    expect(loaded.mixedBuilds).toBe(true);
  });

  it('flags a run the test perturbs, keeps it in the statistics', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-outlier-'));
    const files = buildA.map((file, i) => {
      const target = join(scratch, `run-${i + 1}.prof`);
      copyFileSync(samplePath(file), target);
      return target;
    });
    // Run 5 took twice the ticks: its header says so (rows unchanged, as percentages).
    const perturbed = readFileSync(files[4]!, 'utf8').replace(/\((\d+) ticks @/, (_m, ticks: string) => `(${Number(ticks) * 2} ticks @`);
    writeFileSync(files[4]!, perturbed);
    const loaded = await loadRuns(await collectRuns(files));
    const outliers = findRunOutliers(loaded.aggregator.runs);
    expect(outliers.map((outlier) => [outlier.run, outlier.metric])).toEqual([[4, 'total ticks']]);
    expect(summariseRows(loaded.aggregator, loaded.aggregator.rows('cost-centre'))[0]!.metrics.timePct!.n).toBe(8);
    expect(findRunOutliers((await loadRuns(await collectRuns(buildA.map(samplePath)))).aggregator.runs)).toEqual([]);
  });

  it('the mean profile is a Profile whose ticks are the runs\' mean', async () => {
    const files = ['interp/a/detailed-P.prof', 'interp/b/detailed-P.prof'];
    const aggregator = new RunAggregator(2);
    const { readProfText } = await import('../../src/parse/prof-text.js');
    for (const file of files) {
      const profile = await readProfText([readSample(file)], file);
      aggregator.addRun(profile, { source: file, runDirectory: null, node: null, totals: { timeSecs: null, ticks: profile.metadata.totalTicks, allocBytes: profile.metadata.totalAllocBytes }, stats: {} });
    }
    const mean = meanProfile(aggregator, 'two builds');
    const totals = files.map((file) => readSimpleReport(readSample(file)).totalTicks);
    expect(mean.root!.inheritedTicks).toBeCloseTo((totals[0]! + totals[1]!) / 2, 9);
    expect(mean.metadata.format).toBe('aggregate');
    expect(mean.measures.ticks).toBe('exact');
  });
});
