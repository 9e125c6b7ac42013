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
});
