import { describe, expect, it } from 'vitest';
import { PROGRAM_TOTALS, RTS_STATISTICS, rtsStatisticValue, runStatistic } from '../../src/model/run-statistic.js';
import type { RunRecord } from '../../src/model/run-record.js';

function runWithStats(stats: Record<string, number>): RunRecord {
  return {
    source: 'x.prof',
    runDirectory: null,
    node: null,
    format: 'prof-text',
    formatDetail: '-p',
    program: null,
    measures: { ticks: 'exact', bytes: 'exact', entries: 'exact', percentages: 'printed' },
    totals: { timeSecs: null, ticks: 250, allocBytes: 1024, secondsPerTick: 0.001, systemTicks: null, systemBytes: null },
    stats,
  };
}

describe('the run-statistic table', () => {
  it('states each key once', () => {
    const keys = [...PROGRAM_TOTALS, ...RTS_STATISTICS].map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads peak_megabytes_allocated as bytes (GHC writes MiB) and GHC\'s fractions as percent', () => {
    expect(runStatistic('peak_megabytes_allocated').unit).toBe('bytes');
    const run = runWithStats({ peak_megabytes_allocated: 17, productivity_cpu_percent: 0.866372, max_bytes_used: 8186064 });
    expect(rtsStatisticValue(run, 'peak_megabytes_allocated')).toBe(17 * 1024 * 1024);
    expect(runStatistic('productivity_cpu_percent').unit).toBe('percent');
    expect(rtsStatisticValue(run, 'productivity_cpu_percent')).toBeCloseTo(86.6372, 9);
    expect(rtsStatisticValue(run, 'max_bytes_used')).toBe(8186064);
    expect(rtsStatisticValue(run, 'num_GCs')).toBeNull();
  });

  it('knows which way is worse: costs up, productivity down, alloc_rate neither', () => {
    expect(runStatistic('GC_cpu_seconds')).toMatchObject({ unit: 'seconds', worse: 'higher' });
    expect(runStatistic('productivity_wall_percent').worse).toBe('lower');
    expect(runStatistic('alloc_rate')).toMatchObject({ unit: 'bytes', worse: null });
    expect(runStatistic('n_capabilities').worse).toBeNull();
  });

  it('the program totals come from the run record, titled as run totals', () => {
    const run = runWithStats({});
    expect(PROGRAM_TOTALS.map((total) => [total.key, total.title, total.unit, total.value(run)])).toEqual([
      ['time', 'total time', 'seconds', 0.25],
      ['alloc', 'total alloc', 'bytes', 1024],
    ]);
  });

  it('per-generation keys for any generation, GHC\'s "sparks_dud " and unknown keys', () => {
    expect(runStatistic('gen_2_max_pause_seconds')).toMatchObject({ key: 'gen_2_max_pause_seconds', title: 'gen_2_max_pause_seconds', unit: 'seconds', worse: 'higher', headline: true });
    expect(runStatistic('gen_0_collections')).toMatchObject({ unit: 'count', worse: 'higher', headline: false });
    expect(runStatistic('sparks_dud ')).toMatchObject({ unit: 'count', worse: 'higher' });
    expect(runStatistic('some_future_statistic')).toMatchObject({ title: 'some_future_statistic', unit: 'count', worse: null, headline: false, scale: 1 });
  });

  it('headlines: the program totals, then the statistics the text reports show first', () => {
    const keys = ['time', 'alloc', ...RTS_STATISTICS.map((entry) => entry.key), 'gen_0_max_pause_seconds', 'gen_1_max_pause_seconds'];
    expect(keys.filter((key) => runStatistic(key).headline)).toEqual([
      'time',
      'alloc',
      'bytes allocated',
      'num_GCs',
      'max_bytes_used',
      'mut_cpu_seconds',
      'mutator_cpu_seconds',
      'GC_cpu_seconds',
      'GC_wall_seconds',
      'total_wall_seconds',
      'productivity_cpu_percent',
      'productivity_wall_percent',
      'gen_0_max_pause_seconds',
      'gen_1_max_pause_seconds',
    ]);
  });
});
