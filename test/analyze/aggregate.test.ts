import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../src/analyze/aggregate.js';
import { findRunOutliers, summariseRows, summariseRunMetrics } from '../../src/analyze/aggregate-summary.js';
import { meanProfile } from '../../src/analyze/mean-profile.js';
import { collectRuns } from '../../src/runs/collect-runs.js';
import { loadRuns } from '../../src/runs/load-runs.js';
import type { RunRecord } from '../../src/model/run-record.js';
import { readSample, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const buildA = Array.from({ length: 8 }, (_, i) => `interp/a/run-${i + 1}.prof`);

/**
 * Per cost centre (module.label) of one `-p` run, read naively from the file: ticks summed
 * over its call sites. Below 1000 ticks a tick is more than 0.1% of the run, so each row's
 * one-decimal %time admits exactly one integer, round(%time × total / 100); the tick
 * interval turns ticks into seconds. Also the row count per centre and the run's totals.
 */
function ticksByCostCentre(file: string): { ticks: Map<string, number>; sites: Map<string, number>; allocPct: Map<string, number>; totalTicks: number; totalAllocBytes: number; secondsPerTick: number } {
  const report = readSimpleReport(readSample(file));
  expect(report.hasTicksColumns).toBe(false);
  expect(report.totalTicks).toBeLessThan(1000);
  const ticks = new Map<string, number>();
  const sites = new Map<string, number>();
  const allocPct = new Map<string, number>();
  let sum = 0;
  for (const row of report.rows) {
    const key = `${row.module}.${row.label}`;
    const rowTicks = Math.round((row.individualTimePct * report.totalTicks) / 100);
    sum += rowTicks;
    ticks.set(key, (ticks.get(key) ?? 0) + rowTicks);
    sites.set(key, (sites.get(key) ?? 0) + 1);
    allocPct.set(key, (allocPct.get(key) ?? 0) + row.individualAllocPct);
  }
  // The naive reading is sound: the rows' ticks add up to the header's total.
  expect(sum).toBe(report.totalTicks);
  return { ticks, sites, allocPct, totalTicks: report.totalTicks, totalAllocBytes: report.totalAllocBytes, secondsPerTick: report.tickIntervalUs / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('aggregate of runs', () => {
  it('8 runs of build a: n, mean and median of time in seconds (ticks × interval) and time-share per cost centre match a recomputation from the files', async () => {
    const loaded = await loadRuns(await collectRuns(buildA.map(samplePath)));
    const rows = summariseRows(loaded.aggregator, loaded.aggregator.rows('cost-centre'));
    const raw = new Map(loaded.aggregator.rows('cost-centre').map((row) => [`${row.module}.${row.label}`, row]));
    const perRun = buildA.map(ticksByCostCentre);
    const names = new Set(perRun.flatMap((run) => [...run.ticks.keys()]));
    expect(rows).toHaveLength(names.size);
    const check = (summary: { n: number; mean: number; median: number; min: number; max: number } | undefined, values: number[]): void => {
      expect(summary!.n).toBe(8);
      expect(summary!.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 8, 9);
      expect(summary!.median).toBeCloseTo(median(values), 9);
      expect(summary!.min).toBeCloseTo(Math.min(...values), 9);
      expect(summary!.max).toBeCloseTo(Math.max(...values), 9);
    };
    for (const name of names) {
      const row = rows.find((candidate) => `${candidate.module}.${candidate.label}` === name)!;
      // Amounts: seconds. A centre absent from a run counts as zero there.
      check(row.metrics.time, perRun.map((run) => (run.ticks.get(name) ?? 0) * run.secondsPerTick));
      // Shares: percent of the run's program ticks (a -p header counts program costs only).
      check(row.metrics['time-share'], perRun.map((run) => ((run.ticks.get(name) ?? 0) / run.totalTicks) * 100));
      // Bytes are estimates: every row within its printed %alloc, ±0.05% of the run's total.
      const alloc = loaded.aggregator.metricValues(raw.get(name)!.values, 'alloc');
      expect(alloc).toHaveLength(8);
      alloc.forEach((bytes, i) => {
        const run = perRun[i]!;
        const sites = run.sites.get(name) ?? 0;
        expect(Math.abs(bytes - ((run.allocPct.get(name) ?? 0) * run.totalAllocBytes) / 100)).toBeLessThanOrEqual(sites * 0.0005 * run.totalAllocBytes + 1);
      });
    }
    expect(loaded.aggregator.isEstimated('time')).toBe(true);
    expect(loaded.aggregator.isEstimated('alloc')).toBe(true);
    expect(loaded.aggregator.isEstimated('entries')).toBe(false);
    expect(loaded.aggregator.unavailableReason('time')).toBeNull();
    expect([...loaded.aggregator.kinds]).toEqual([['-p', 8]]);
    expect(loaded.aggregator.programs).toEqual(['interp']);
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
    expect(summariseRows(loaded.aggregator, loaded.aggregator.rows('cost-centre'))[0]!.metrics.time!.n).toBe(8);
    expect(findRunOutliers((await loadRuns(await collectRuns(buildA.map(samplePath)))).aggregator.runs)).toEqual([]);
  });

  it('the mean profile is a Profile whose ticks and bytes are the runs\' mean', async () => {
    const files = ['interp/a/detailed-P.prof', 'interp/b/detailed-P.prof'];
    const aggregator = new RunAggregator(2);
    const { readProfText } = await import('../../src/formats/prof-text/prof-text.js');
    for (const file of files) {
      const profile = await readProfText([readSample(file)], file);
      const { metadata } = profile;
      const record: RunRecord = {
        source: file,
        runDirectory: null,
        node: null,
        format: metadata.format,
        formatDetail: '-P',
        program: metadata.program,
        measures: profile.measures,
        // -P headers count program costs only: they are the program totals.
        totals: {
          timeSecs: metadata.totalTimeSecs,
          ticks: metadata.totalTicks,
          allocBytes: metadata.totalAllocBytes,
          secondsPerTick: metadata.tickIntervalUs === null ? null : metadata.tickIntervalUs / 1e6,
          systemTicks: null,
          systemBytes: null,
        },
        stats: {},
      };
      aggregator.addRun(profile, record);
    }
    const mean = meanProfile(aggregator, 'two builds');
    const reports = files.map((file) => readSimpleReport(readSample(file)));
    expect(reports.every((report) => report.hasTicksColumns)).toBe(true);
    expect(mean.root!.inheritedTicks).toBeCloseTo((reports[0]!.totalTicks + reports[1]!.totalTicks) / 2, 9);
    expect(mean.root!.inheritedBytes).toBeCloseTo((reports[0]!.totalAllocBytes + reports[1]!.totalAllocBytes) / 2, 3);
    expect(mean.metadata.format).toBe('aggregate');
    expect(mean.measures.ticks).toBe('exact');
    expect(mean.measures.bytes).toBe('exact');
  });
});
