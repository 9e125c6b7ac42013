import { describe, expect, it } from 'vitest';
import { parseProfJson } from '../../src/formats/prof-json/prof-json.js';
import { parseProfText } from '../../src/formats/prof-text/prof-text.js';
import { foldedStacks } from '../../src/render/folded.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport, simpleStacks } from '../support/simple-prof.js';

function parseFolded(text: string): Map<string, number> {
  const stacks = new Map<string, number>();
  for (const line of text.trimEnd().split('\n')) {
    const match = /^(\S.*) (\d+)$/.exec(line);
    expect(match, line).not.toBeNull();
    expect(stacks.has(match![1]!), `duplicate stack ${match![1]}`).toBe(false);
    stacks.set(match![1]!, Number(match![2]));
  }
  return stacks;
}

describe('folded stacks', () => {
  it('-P: one line per distinct stack, weights are the exact ticks, summing to the total', async () => {
    const text = readSample('interp/a/detailed-P.prof');
    const simple = readSimpleReport(text);
    const expected = new Map<string, number>();
    for (const { path, row } of simpleStacks(simple.rows)) if (row.ticks! > 0) expected.set(path, (expected.get(path) ?? 0) + row.ticks!);
    const profile = await parseProfText(text, 'x');
    const folded = parseFolded([...foldedStacks(profile.root!, 'time')].join(''));
    expect(folded).toEqual(expected);
    expect([...folded.values()].reduce((a, b) => a + b, 0)).toBe(simple.totalTicks);
    for (const stack of folded.keys()) expect(stack.startsWith('MAIN.MAIN')).toBe(true);
  });

  it('alloc and entries weights; identical stacks are summed', async () => {
    const text = readSample('ledger/all-pa.prof');
    const simple = readSimpleReport(text);
    const profile = await parseProfText(text, 'x');
    for (const [metric, pick] of [
      ['alloc', (row: { bytes: number | null }) => row.bytes!],
      ['entries', (row: { entries: number }) => row.entries],
    ] as const) {
      const expected = new Map<string, number>();
      for (const { path, row } of simpleStacks(simple.rows)) {
        const weight = pick(row);
        if (weight > 0) expected.set(path, (expected.get(path) ?? 0) + weight);
      }
      expect(parseFolded([...foldedStacks(profile.root!, metric)].join(''))).toEqual(expected);
    }
  });

  it('-p: weights are the nearest integers from the percentages', async () => {
    const text = readSample('interp/a/run-1.prof');
    const simple = readSimpleReport(text);
    const profile = await parseProfText(text, 'x');
    const folded = parseFolded([...foldedStacks(profile.root!, 'time')].join(''));
    const expected = new Map<string, number>();
    for (const { path, row } of simpleStacks(simple.rows)) {
      const weight = Math.round((row.individualTimePct / 100) * simple.totalTicks);
      if (weight > 0) expected.set(path, (expected.get(path) ?? 0) + weight);
    }
    expect(folded).toEqual(expected);
  });

  it('JSON profiles fold their exact ticks, including system cost centres', () => {
    const profile = parseProfJson(readSample('interp/a/run-1.json.prof'), 'x');
    const folded = parseFolded([...foldedStacks(profile.root!, 'time')].join(''));
    expect([...folded.values()].reduce((a, b) => a + b, 0)).toBe(profile.metadata.totalTicks);
    expect(folded.get('MAIN.MAIN;GC.GC')).toBeGreaterThan(0);
  });
});
