import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../src/analyze/aggregate.js';
import { meanProfile } from '../../src/analyze/mean-profile.js';
import { readProfText } from '../../src/formats/prof-text/prof-text.js';
import type { RunRecord } from '../../src/model/run-record.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const files = ['interp/a/detailed-P.prof', 'interp/b/detailed-P.prof'];

/** The two runs as `loadRuns` records them, but with the tick interval the test says (null: not stated). */
async function aggregatorOf(secondsPerTick: (tickIntervalUs: number) => number | null): Promise<RunAggregator> {
  const aggregator = new RunAggregator(files.length);
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
      totals: { timeSecs: metadata.totalTimeSecs, ticks: metadata.totalTicks, allocBytes: metadata.totalAllocBytes, secondsPerTick: secondsPerTick(metadata.tickIntervalUs!), systemTicks: null, systemBytes: null },
      stats: {},
    };
    aggregator.addRun(profile, record);
  }
  return aggregator;
}

describe('meanProfile', () => {
  const reports = files.map((file) => readSimpleReport(readSample(file)));
  const meanTicks = (reports[0]!.totalTicks + reports[1]!.totalTicks) / 2;

  it('holds ticks at the runs\' median tick interval, and says which', async () => {
    const mean = meanProfile(await aggregatorOf((us) => us / 1e6), 'two builds');
    expect(mean.metadata.tickIntervalUs).toBe(reports[0]!.tickIntervalUs);
    expect(mean.root!.inheritedTicks).toBeCloseTo(meanTicks, 9);
  });

  it('keeps the runs\' ticks where no run states its tick interval (time cannot be seconds)', async () => {
    const aggregator = await aggregatorOf(() => null);
    expect(aggregator.unavailableReason('time')).toMatch(/no run states its tick interval/);
    const mean = meanProfile(aggregator, 'two builds');
    expect(mean.metadata.tickIntervalUs).toBeNull();
    expect(mean.measures.ticks).toBe('exact');
    expect(mean.root!.inheritedTicks).toBeCloseTo(meanTicks, 9);
    expect(mean.root!.inheritedBytes).toBeCloseTo((reports[0]!.totalAllocBytes + reports[1]!.totalAllocBytes) / 2, 3);
    // The same tree, stack by stack, as with an interval stated.
    const withInterval = meanProfile(await aggregatorOf((us) => us / 1e6), 'two builds');
    const ticksOf = (node: NonNullable<typeof mean.root>): number[] => [node.ticks, ...node.children.flatMap(ticksOf)];
    const [without, stated] = [ticksOf(mean.root!), ticksOf(withInterval.root!)];
    expect(without).toHaveLength(stated.length);
    without.forEach((ticks, i) => expect(ticks).toBeCloseTo(stated[i]!, 9));
  });
});
