// One bad line of a megabyte costs linear time and gives its error at once, quoting a short
// excerpt: the parsers' error recovery once re-scanned to the line's end per character (a
// 100 KB bad line took 27 s in a .prof, a 1 MB one over a minute in a .hp).
import { describe, expect, it } from 'vitest';
import { readHeapProfile } from '../../../src/formats/hp/hp.js';
import { readProfText } from '../../../src/formats/prof-text/prof-text.js';
import { InputError } from '../../../src/model/diagnostic.js';
import { readSample } from '../../support/samples.js';

const MEGABYTE = 1 << 20;
/** Far above linear time for a megabyte, far below what the quadratic recovery took. */
const LIMIT_MS = 5000;

function withLineAt(text: string, index: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(index, 0, line);
  return lines.join('\n');
}

async function failure(read: () => Promise<unknown>): Promise<{ error: InputError; ms: number }> {
  const started = performance.now();
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return { error: error as InputError, ms: performance.now() - started };
  }
  throw new Error('expected an InputError');
}

describe('a megabyte-long bad line', () => {
  const badLines = [
    ['tokens that each start a rule', '#('.repeat(MEGABYTE / 2)],
    ['one long word', 'x'.repeat(MEGABYTE)],
    ['tabs and quotes', '(1) "\t('.repeat(MEGABYTE / 6)],
  ] as const;

  /** Each reader, the sample it reads, and the 0-based line the bad one goes in before. */
  const readers = [
    ['.prof', 'interp/a/run-1.prof', 12, (text: string) => readProfText([text], 'bad.prof')],
    ['.hp', 'interp/a/heap.hp', 8, (text: string) => readHeapProfile([text], 'bad.hp')],
  ] as const;
  const cases = readers.flatMap(([kind, sample, index, read]) => badLines.map(([what, bad]) => [kind, what, sample, index, read, bad] as const));

  it.each(cases)('in a %s (%s): one error at its line, an excerpt of it, in linear time', async (_, __, sample, index, read, bad) => {
    const text = withLineAt(readSample(sample), index, bad);
    const { error, ms } = await failure(() => read(text));
    expect(error.location.line).toBe(index + 1);
    expect(error.message.length).toBeLessThan(400);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
