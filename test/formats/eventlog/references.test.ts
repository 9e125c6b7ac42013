// The printer reproduces, byte for byte, the reference decodings of every sample eventlog made
// by the Haskell ghc-events library 0.21 (`ppEventLog RawTime`, as `ghc-events show`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanEventlog } from '../../support/eventlog/read.js';
import { allSampleFiles, sharedSamplesPresent, samplePath } from '../../support/samples.js';
import { firstDifference, renderShow, sampleBytes } from './helpers.js';

const references = allSampleFiles().filter((file) => file.endsWith('.eventlog.reference'));

describe('eventlog text equals ghc-events show', () => {
  it('finds the references in every sample folder', () => {
    const folders = new Set(references.map((file) => file.split('/').slice(0, -1).join('/')));
    const ours = ['interp/a', 'interp/b', 'ledger', 'workers'];
    expect([...folders].sort()).toEqual(sharedSamplesPresent ? ['ghc-events', ...ours] : ours);
  });

  for (const reference of references) {
    const eventlog = reference.slice(0, -'.reference'.length);
    it(eventlog, async () => {
      const expected = readFileSync(samplePath(reference));
      const { text, warnings } = await renderShow([sampleBytes(eventlog)], eventlog);
      expect(warnings).toEqual([]);
      expect(firstDifference(text, expected.toString('utf8'))).toBeNull();
      expect(Buffer.from(text, 'utf8').equals(expected)).toBe(true);
    });

    it(`${eventlog}: the low-level scan sees as many events as the reference lists`, async () => {
      const lines = readFileSync(samplePath(reference), 'utf8').split('\n');
      const eventLines = lines.slice(lines.indexOf('Events:') + 1).filter((line) => /^\d+: /.test(line));
      let visited = 0;
      const result = await scanEventlog([sampleBytes(eventlog)], eventlog, () => visited++);
      expect(visited).toBe(eventLines.length);
      expect(result.eventCount).toBe(eventLines.length);
      expect(result.warnings).toEqual([]);
    });
  }
});
