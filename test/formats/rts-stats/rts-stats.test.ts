import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { parseRtsStats } from '../../../src/formats/rts-stats/rts-stats.js';
import { allSampleFiles, readSample } from '../../support/samples.js';

describe('RTS statistics (+RTS -t --machine-readable)', () => {
  const files = allSampleFiles().filter((file) => file.endsWith('.stats'));

  it('finds the profnix and timeline stats files', () => {
    // 9 from the profnix run directories, 60 from the timeline's (10 builds x 2 runs x 3 nodes).
    expect(files.filter((file) => file.startsWith('profnix/')).length).toBe(9);
    expect(files.filter((file) => file.startsWith('timeline/')).length).toBe(60);
    expect(files.length).toBe(69);
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
    expect(() => parseRtsStats('\'p\'\n [("a", "1")\n ,("b" "2")\n ]\n', 'bad.stats')).toThrow(/^bad\.stats:3: expected ',' in RTS statistics, a list of \("key", "value"\) pairs, found "\\"2\\""$/);
    for (const bad of ['\'p\'\n [("a", "1")\n ,("b" "2")\n ]\n', '\'p\'\n', '\'p\' [("a", "1")] ]', '\'p\' [("a", "1"']) {
      const error = (() => {
        try {
          parseRtsStats(bad, 'bad.stats');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^bad\.stats:\d+: /);
      expect((error as InputError).message).not.toContain('\n');
    }
  });

  it('quotes a few characters of a long token it did not expect, not the whole token', () => {
    const token = `"${'Q'.repeat(1_000_000)}"`;
    for (const bad of [`[("a", "b") ${token}]`, `[("a" ${token})]`, `[${token}]`]) {
      expect(() => parseRtsStats(bad, 'bad.stats')).toThrow(/^bad\.stats:1: expected '.' in RTS statistics, a list of \("key", "value"\) pairs, found "\\"Q{79}\.\.\."$/);
    }
    expect(() => parseRtsStats('[("a", "b")', 'cut.stats')).toThrow(/^cut\.stats:1: expected '\]' in RTS statistics, a list of \("key", "value"\) pairs, but the input ends$/);
  });
});
