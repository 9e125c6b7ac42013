// The printer reproduces, byte for byte, the reference decodings of every sample eventlog made
// by the Haskell ghc-events library 0.21 (`ppEventLog RawTime`, as `ghc-events show`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanEventlog } from '../../../src/formats/eventlog/decode-eventlog.js';
import { firstDifference, renderShow, sampleBytes } from './helpers.js';

const samplesRoot = fileURLToPath(new URL('../../../samples/', import.meta.url));

function referenceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...referenceFiles(path));
    else if (name.endsWith('.eventlog.reference')) found.push(relative(samplesRoot, path));
  }
  return found.sort();
}

const references = referenceFiles(samplesRoot);

describe('eventlog text equals ghc-events show', () => {
  it('finds the references in every sample folder', () => {
    const folders = new Set(references.map((file) => file.split('/').slice(0, -1).join('/')));
    expect([...folders].sort()).toEqual(['ghc-events', 'interp/a', 'interp/b', 'ledger', 'workers']);
  });

  for (const reference of references) {
    const eventlog = reference.slice(0, -'.reference'.length);
    it(eventlog, async () => {
      const expected = readFileSync(join(samplesRoot, reference));
      const { text, warnings } = await renderShow([sampleBytes(eventlog)], eventlog);
      expect(warnings).toEqual([]);
      expect(firstDifference(text, expected.toString('utf8'))).toBeNull();
      expect(Buffer.from(text, 'utf8').equals(expected)).toBe(true);
    });

    it(`${eventlog}: the low-level scan sees as many events as the reference lists`, async () => {
      const lines = readFileSync(join(samplesRoot, reference), 'utf8').split('\n');
      const eventLines = lines.slice(lines.indexOf('Events:') + 1).filter((line) => /^\d+: /.test(line));
      let visited = 0;
      const result = await scanEventlog([sampleBytes(eventlog)], eventlog, { event: () => visited++ });
      expect(visited).toBe(eventLines.length);
      expect(result.eventCount).toBe(eventLines.length);
      expect(result.warnings).toEqual([]);
    });
  }
});
