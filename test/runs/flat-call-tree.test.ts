// A run read in a worker thread (its summary and its flat call tree, posted back) adds to an
// aggregate exactly what its profile does: every row, every stack, every run figure.
import { describe, expect, it } from 'vitest';
import { RunAggregator, walkCallTreeColumns } from '../../src/analyze/aggregate.js';
import { meanProfile } from '../../src/analyze/mean-profile.js';
import { runRecordOf } from '../../src/analyze/run-record.js';
import { summarizeProfile } from '../../src/analyze/summarize-run.js';
import { countNodes } from '../../src/model/call-tree.js';
import type { Profile } from '../../src/model/profile.js';
import { flatCallTreeOf } from '../../src/runs/flat-call-tree.js';
import { loadProfile } from '../../src/runs/load-profile.js';
import { samplePath } from '../support/samples.js';

const files = [...Array.from({ length: 8 }, (_, i) => `interp/a/run-${i + 1}.prof`), 'interp/a/detailed-P.prof', 'interp/a/run-1.json.prof', 'interp/a/time.eventlog'];

/** What a worker posts, through the structured clone that posting does. */
function posted(profile: Profile, source: string): { summary: ReturnType<typeof summarizeProfile>; tree: ReturnType<typeof flatCallTreeOf> } {
  const summary = summarizeProfile(profile, { input: { profilePath: source, runDirectory: null, node: null }, stats: {}, runDirectory: null, sha256: '' });
  return structuredClone({ summary, tree: flatCallTreeOf(profile) });
}

/** Everything an aggregate answers with. */
function answers(aggregator: RunAggregator): unknown {
  return {
    runs: aggregator.runs,
    programs: aggregator.programs,
    kinds: [...aggregator.kinds],
    hasStacks: aggregator.hasStacks,
    centres: aggregator.rows('cost-centre'),
    modules: aggregator.rows('module'),
    stacks: aggregator.stackRows(),
    mean: meanProfile(aggregator, 'mean'),
  };
}

describe('flat call trees', () => {
  it('keep every node, in walkCallTree order, with its depth and own costs', async () => {
    const profile = await loadProfile(samplePath('interp/a/detailed-P.prof'));
    const tree = flatCallTreeOf(profile)!;
    expect(tree.centre.length).toBe(countNodes(profile.root));
    const visited: Array<[string, number, number]> = [];
    walkCallTreeColumns(tree)((costCentre, depth, costs) => visited.push([costCentre.label, depth, costs.ticks]));
    expect(visited[0]).toEqual([profile.root!.costCentre.label, 0, profile.root!.ticks]);
    expect(new Set(tree.costCentres).size).toBe(tree.costCentres.length);
  });

  it('addParsedRun of summaries and flat trees equals addRun of the profiles: rows, stacks, runs, mean profile', async () => {
    const whole = new RunAggregator(files.length);
    const parsed = new RunAggregator(files.length);
    for (const file of files) {
      const path = samplePath(file);
      const profile = await loadProfile(path);
      whole.addRun(profile, runRecordOf(profile, { source: path }));
      const { summary, tree } = posted(profile, path);
      parsed.addParsedRun(summary, tree === null ? null : walkCallTreeColumns(tree));
    }
    expect(answers(parsed)).toEqual(answers(whole));
  });
});
