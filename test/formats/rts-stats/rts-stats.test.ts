import { describe, expect, it } from 'vitest';
import { parseRtsStats } from '../../../src/formats/rts-stats/rts-stats.js';
import { allSampleFiles, readSample } from '../../support/samples.js';

describe('RTS statistics (+RTS -t --machine-readable)', () => {
  const files = allSampleFiles().filter((file) => file.endsWith('.stats'));

  it('finds the profnix stats files', () => {
    expect(files.length).toBe(9);
  });

  for (const file of files) {
    it(`${file}: every pair, numbers as numbers, the command line`, () => {
      const text = readSample(file);
      const expected = [...text.matchAll(/\("([^"]*)", "([^"]*)"\)/g)].map((match) => [match[1], Number(match[2])]);
      const stats = parseRtsStats(text, file);
      expect([...stats.values]).toEqual(expected);
      expect(stats.commandLine).toContain('+RTS');
      expect(stats.commandLine[0]).toBe('./interp');
    });
  }

  it('keeps unknown keys and non-numeric values, and unescapes Haskell strings', () => {
    const stats = parseRtsStats('\'p\'\n [("a \\"b\\"", "x\\\\y")\n ,("n", "12")\n ]\n', 's');
    expect([...stats.values]).toEqual([
      ['a "b"', 'x\\y'],
      ['n', 12],
    ]);
  });

  it('bad input names the line', () => {
    expect(() => parseRtsStats('\'p\'\n [("a", "1")\n ,("b" "2")\n ]\n', 'bad.stats')).toThrow(/^bad\.stats:3: expected RTS statistics/);
  });
});
