// Reading a text report with its stacks merged (`stacks: 'merged'`, what folded, report
// without --tree and the aggregates use) answers exactly as reading every row does: the same
// folded stacks, per-cost-centre, per-module and per-file sums, totals and warnings, on every
// text sample. A file whose rows repeat keeps one node per distinct stack.
import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../../src/analyze/aggregate.js';
import { costCentreTotals, GROUPINGS, profileTotals } from '../../../src/analyze/cost-centre-totals.js';
import { runRecordOf } from '../../../src/analyze/run-record.js';
import { readProfText } from '../../../src/formats/prof-text/prof-text.js';
import { countNodes } from '../../../src/model/call-tree.js';
import { AMOUNT_METRICS } from '../../../src/model/metric.js';
import type { Profile } from '../../../src/model/profile.js';
import { compactTreeOf } from '../../../src/model/profile-tree.js';
import { foldedStacks } from '../../../src/render/folded.js';
import { readSample, textProfSamples } from '../../support/samples.js';

/** What an aggregate of the one run answers, per cost centre, module and stack. */
function aggregated(profile: Profile): Array<{ key: string; values: number[] }> {
  const aggregate = new RunAggregator(1);
  aggregate.addRun(profile, runRecordOf(profile));
  return [...aggregate.rows('cost-centre'), ...aggregate.rows('module'), ...aggregate.stackRows()].map((row) => ({ key: row.key, values: [...row.values] }));
}

function answers(profile: Profile): unknown {
  const tree = compactTreeOf(profile);
  return {
    folded: AMOUNT_METRICS.map((metric) => (tree === null ? '' : [...foldedStacks(tree, metric)].join(''))),
    totals: GROUPINGS.map((grouping) => costCentreTotals(profile, grouping)),
    programTotals: profileTotals(profile),
    nodeCount: profile.nodeCount,
    measures: profile.measures,
    warnings: profile.warnings,
  };
}

/** The report with its rows under MAIN written `times` times: every stack below MAIN repeats. */
function repeatedRows(text: string, times: number): string {
  const treeHeader = text.indexOf('COST CENTRE', text.indexOf('COST CENTRE') + 1);
  const main = text.indexOf('\nMAIN', treeHeader) + 1;
  const underMain = text.indexOf('\n', main) + 1;
  const rows = text.slice(underMain).replace(/\n*$/, '\n');
  return text.slice(0, underMain) + rows.repeat(times);
}

describe('text .prof read with stacks merged', () => {
  for (const file of textProfSamples()) {
    it(`${file}: answers as reading every row does`, async () => {
      const text = readSample(file);
      const everyRow = await readProfText([text], file);
      const merged = await readProfText([text], file, 'merged');
      expect(answers(merged)).toEqual(answers(everyRow));
      expect(aggregated(merged)).toEqual(aggregated(everyRow));
    });
  }

  for (const file of ['interp/a/run-1.prof', 'interp/a/detailed-P.prof']) {
    it(`${file} with its rows repeated 3 times: one node per distinct stack, the same sums as every row`, async () => {
      const text = repeatedRows(readSample(file), 3);
      const once = await readProfText([readSample(file)], file);
      const everyRow = await readProfText([text], file);
      const merged = await readProfText([text], file, 'merged');
      expect(answers(merged)).toEqual(answers(everyRow));
      // Shares of a merged node are one product where every row's are a sum of three: equal but for the last bit.
      const [mergedRows, everyRows] = [aggregated(merged), aggregated(everyRow)];
      expect(mergedRows.map((row) => row.key)).toEqual(everyRows.map((row) => row.key));
      mergedRows.forEach((row, i) => row.values.forEach((value, k) => expect(value).toBeCloseTo(everyRows[i]!.values[k]!, 12)));
      // The rows cannot add up to the header totals three times over: said, in both readings.
      expect(merged.warnings.some((warning) => warning.message.includes('rows'))).toBe(true);
      expect(compactTreeOf(merged)!.size).toBe(countNodes(once.root));
      expect(countNodes(everyRow.root)).toBe(3 * (countNodes(once.root) - 1) + 1);
      expect(merged.nodeCount).toBe(everyRow.nodeCount);
    });
  }

  it('tells apart cost centres whose names differ only before their last bytes', async () => {
    const header = [
      '\tTue Nov 24 01:05 2026 Time and Allocation Profiling Report  (Final)',
      '',
      '\t   t +RTS -P -RTS',
      '',
      '\ttotal time  =        0.01 secs   (3 ticks @ 1000 us, 1 processor)',
      '\ttotal alloc =         300 bytes  (excludes profiling overheads)',
      '',
      'COST CENTRE MODULE SRC no. entries %time %alloc %time %alloc ticks bytes',
      '',
    ];
    const rows = [
      'MAIN             MAIN <built-in>  1 0 0.0 0.0 100.0 100.0 0 0',
      ' a_same_long_tail M    M.hs:1:1   2 1 33.3 33.3 33.3 33.3 1 100',
      ' b_same_long_tail M    M.hs:1:1   3 1 33.3 33.3 33.3 33.3 1 100',
      ' a_same_long_tail N    M.hs:1:1   4 1 33.3 33.3 33.3 33.3 1 100',
    ];
    const profile = await readProfText([[...header, ...rows, ''].join('\n')], 'names', 'merged');
    expect(profile.costCentres.map((centre) => `${centre.module}.${centre.label}`)).toEqual(['MAIN.MAIN', 'M.a_same_long_tail', 'M.b_same_long_tail', 'N.a_same_long_tail']);
    expect(compactTreeOf(profile)!.size).toBe(4);
  });
});
