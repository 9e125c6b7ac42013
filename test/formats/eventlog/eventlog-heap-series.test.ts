import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEventlogHeapSeries } from '../../../src/formats/eventlog/index.js';
import { readHeapProfile } from '../../../src/formats/hp/hp.js';
import { readSample, samplePath } from '../../support/samples.js';

const bytes = (file: string): Uint8Array[] => [readFileSync(samplePath(file))];

describe('heap series from an eventlog', () => {
  for (const [eventlog, hp] of [
    ['interp/a/heap.eventlog', 'interp/a/heap.hp'],
    ['interp/b/heap.eventlog', 'interp/b/heap.hp'],
    ['ledger/by-type-hy.eventlog', 'ledger/by-type-hy.hp'],
  ] as const) {
    it(`${eventlog} and ${hp} (one run) name the same bands and agree on bytes per census`, async () => {
      const fromEventlog = await readEventlogHeapSeries(bytes(eventlog), eventlog);
      const fromHp = await readHeapProfile([readSample(hp)], hp);
      expect(fromEventlog.breakdown).toBe(fromHp.breakdown);
      expect(new Set(fromEventlog.bands)).toEqual(new Set(fromHp.bands));
      // The .hp file adds an empty census at start and at exit; the eventlog does not.
      const hpCensuses = fromHp.samples.filter((sample) => sample.bytesByBand.size > 0);
      const eventlogCensuses = fromEventlog.samples.filter((sample) => sample.bytesByBand.size > 0);
      expect(eventlogCensuses.map((sample) => sample.bytesByBand)).toEqual(hpCensuses.map((sample) => sample.bytesByBand));
    });
  }

  it('has as many censuses as the reference has sample-begin events', async () => {
    const reference = readSample('interp/a/heap.eventlog.reference');
    const censuses = (reference.match(/: start heap prof sample \d+$/gm) ?? []).length;
    const series = await readEventlogHeapSeries(bytes('interp/a/heap.eventlog'), 'heap.eventlog');
    expect(series.samples).toHaveLength(censuses);
    expect(series.timeBasis).toBe('elapsed');
  });

  it('a GHC 8.x log, whose censuses have no END event, keeps each census: it ends where the next begins or the log ends', async () => {
    // sleep.hy.eventlog declares no "End of heap profile sample" type; its one census was dropped.
    const reference = readSample('ghc-events/sleep.hy.eventlog.reference');
    expect(reference).not.toContain('End of heap profile sample');
    const censusStarts = [...reference.matchAll(/^(\d+): start heap prof sample \d+$/gm)].map((match) => Number(match[1]) / 1e9);
    const bytesByLabel = new Map<string, number>();
    for (const [, residency, label] of reference.matchAll(/: heap prof sample \d+, residency (\d+), label (.*)$/gm)) {
      bytesByLabel.set(label!, (bytesByLabel.get(label!) ?? 0) + Number(residency));
    }
    expect(censusStarts).toHaveLength(1);
    const series = await readEventlogHeapSeries(bytes('ghc-events/sleep.hy.eventlog'), 'sleep.hy.eventlog');
    expect(series.warnings).toEqual([]);
    expect(series.samples.map((sample) => sample.timeSecs)).toEqual(censusStarts);
    expect(series.samples[0]!.bytesByBand).toEqual(bytesByLabel);
  });

  it('a GHC 8.x log cut short keeps the censuses before the last, which may be incomplete, and says so', async () => {
    const whole = readFileSync(samplePath('ghc-events/sleep.hy.eventlog'));
    const series = await readEventlogHeapSeries([whole.subarray(0, whole.length - 40)], 'sleep.hy.eventlog');
    expect(series.samples).toHaveLength(0);
    expect(series.warnings.map((warning) => warning.message)).toContain('the eventlog ends inside heap census 1; kept the 0 complete ones');
  });
});
