// The timeline of samples/timeline (ten builds b01..b10 of the interpreter, two run
// directories × three nodes each, `+RTS -p`) against what its spec planted. Expected answers
// come from the spec (samples/timeline/interp-timeline.json: which code changes each build
// has, and its manifest), from the program the changes edit (samples/src/Interp.hs), and from
// a naive reading of the profiles (test/support/simple-prof.ts), never from the code under test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTimeline, timelineRegressions, type Timeline, type TimelineBuild, type TimelineChangePoint } from '../../src/analyze/timeline.js';
import { loadBuilds } from '../../src/runs/builds.js';
import { readSample, samplePath } from '../support/samples.js';
import { readSimpleReport, simpleStacks } from '../support/simple-prof.js';

interface SpecBuild {
  id: string;
  commit: string;
  node_version: string;
  code: string[];
  manifest: Record<string, [string, string | null]>;
}

interface Spec {
  runs_per_build: number;
  nodes: number;
  changes: Record<string, Array<[string, string]>>;
  builds: SpecBuild[];
}

const spec = JSON.parse(readSample('timeline/interp-timeline.json')) as Spec;
const program = readSample('src/Interp.hs');

/** Top-level names the program defines (signatures and equations at column 0). */
function topLevelNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const line of source.split('\n')) {
    const match = /^([a-z][\w']*)\s+(::|.*=)/.exec(line);
    if (match && !['module', 'import', 'data', 'type', 'newtype', 'instance', 'class', 'infixl', 'infixr', 'deriving'].includes(match[1]!)) names.add(match[1]!);
  }
  return names;
}

/** The top-level definition whose text holds `offset` (the last one starting at or before it), or null. */
function enclosingDefinition(source: string, offset: number): string | null {
  const lines = source.slice(0, offset + 1).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^([a-z][\w']*)\s/.exec(lines[i]!);
    if (match && topLevelNames(source).has(match[1]!)) return match[1]!;
  }
  return null;
}

/**
 * The functions a code change touches: the definitions its edits sit in, and the program's
 * functions (old or new) its old and new text name. The cost centres of these are where a
 * change may show (with -fprof-auto every top-level function is a cost centre).
 */
function touchedFunctions(change: string): Set<string> {
  const touched = new Set<string>();
  for (const [old, replacement] of spec.changes[change]!) {
    const at = program.indexOf(old);
    expect(at, `${change}: its text is in Interp.hs`).toBeGreaterThanOrEqual(0);
    const enclosing = enclosingDefinition(program, at);
    if (enclosing !== null) touched.add(enclosing);
    const defined = new Set([...topLevelNames(program), ...topLevelNames(replacement)]);
    for (const word of `${old} ${replacement}`.match(/[a-z][\w']*/g) ?? []) if (defined.has(word)) touched.add(word);
  }
  return touched;
}

/** Per build (spec order), the changes switched on or off since the build before. */
function toggledChanges(): string[][] {
  return spec.builds.map((build, b) => {
    if (b === 0) return [];
    const before = new Set(spec.builds[b - 1]!.code);
    const now = new Set(build.code);
    return [...new Set([...before, ...now])].filter((change) => before.has(change) !== now.has(change));
  });
}

/** The builds where a change that touches some function came or went: where costs may step. */
function codeChangeBuilds(): number[] {
  return toggledChanges()
    .map((changes, b) => (changes.some((change) => touchedFunctions(change).size > 0) ? b : -1))
    .filter((b) => b >= 0);
}

/** Components whose version or commit differ between two spec builds (the node included). */
function specSuspects(before: SpecBuild, after: SpecBuild): Map<string, [string | null, string | null]> {
  const out = new Map<string, [string | null, string | null]>();
  for (const name of new Set([...Object.keys(before.manifest), ...Object.keys(after.manifest)])) {
    const [v0, c0] = before.manifest[name] ?? [null, null];
    const [v1, c1] = after.manifest[name] ?? [null, null];
    if (v0 !== v1 || c0 !== c1) out.set(name, [v0, v1]);
  }
  if (before.node_version !== after.node_version || before.commit !== after.commit) out.set('cardano-node', [before.node_version, after.node_version]);
  return out;
}

// ---- a naive reading of the profiles ----

interface NaiveRun {
  build: number;
  timeSecs: Map<string, number>;
  allocBytes: Map<string, number>;
  allocPct: Map<string, number>;
  entries: Map<string, number>;
  totalAllocBytes: number;
}

const runRoot = samplePath('timeline/run');

/** Every run, placed in its spec build by the node commit in its meta.json. */
function naiveRuns(): NaiveRun[] {
  const runs: NaiveRun[] = [];
  for (const tag of readdirSync(runRoot).sort()) {
    const meta = JSON.parse(readFileSync(join(runRoot, tag, 'meta.json'), 'utf8')) as { meta: { manifest: Record<string, { commit: string | null }> } };
    const build = spec.builds.findIndex((entry) => entry.commit === meta.meta.manifest['cardano-node']!.commit);
    for (const node of readdirSync(join(runRoot, tag)).filter((name) => name.startsWith('node-'))) {
      const report = readSimpleReport(readFileSync(join(runRoot, tag, node, 'cardano-node.prof'), 'utf8'));
      const add = (map: Map<string, number>, key: string, value: number): void => void map.set(key, (map.get(key) ?? 0) + value);
      const run: NaiveRun = { build, timeSecs: new Map(), allocBytes: new Map(), allocPct: new Map(), entries: new Map(), totalAllocBytes: report.totalAllocBytes };
      for (const row of report.rows) {
        // Below 1000 ticks a one-decimal %time admits one whole number of ticks.
        add(run.timeSecs, row.label, (Math.round((row.individualTimePct * report.totalTicks) / 100) * report.tickIntervalUs) / 1e6);
        add(run.allocBytes, row.label, (row.individualAllocPct * report.totalAllocBytes) / 100);
        add(run.allocPct, row.label, row.individualAllocPct);
        add(run.entries, row.label, row.entries);
      }
      runs.push(run);
    }
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type NaiveMetric = 'timeSecs' | 'allocBytes' | 'allocPct' | 'entries';

/** Median over a build's runs of one cost centre's figure; null when the build never has it. */
function naiveMedian(runs: NaiveRun[], build: number, label: string, metric: NaiveMetric): number | null {
  const values = runs.filter((run) => run.build === build && run[metric].has(label)).map((run) => run[metric].get(label)!);
  return values.length === 0 ? null : median(values);
}

// ---- the timeline ----

let loaded: TimelineBuild[];
let timeline: Timeline;
let runs: NaiveRun[];
const BUILD = (id: string): number => spec.builds.findIndex((build) => build.id === id);
const pointsOf = (label: string | null, metric?: string): TimelineChangePoint[] =>
  timeline.changePoints.filter((point) => point.label === label && (metric === undefined || point.metrics.some((step) => step.metric === metric)));

beforeAll(async () => {
  const result = await loadBuilds([runRoot], { order: 'start' });
  expect(result.warnings).toEqual([]);
  loaded = result.builds;
  timeline = analyzeTimeline(loaded, { grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'bh', minPct: 0.5 });
  runs = naiveRuns();
});

describe('timeline builds of samples/timeline', () => {
  it('pools the run directories of each manifest into one build, in the spec order, named by the node commit', () => {
    expect(timeline.builds.map((build) => build.commit)).toEqual(spec.builds.map((build) => build.commit));
    expect(timeline.builds.map((build) => build.name)).toEqual(spec.builds.map((build) => build.commit.slice(0, 7)));
    for (const build of timeline.builds) {
      expect(build.runs).toBe(spec.runs_per_build * spec.nodes);
      expect(build.runDirectories).toHaveLength(spec.runs_per_build);
      // Tags differ between the run directories of one build: pooled by manifest anyway.
      expect(new Set(build.runDirectories).size).toBe(spec.runs_per_build);
    }
    expect(timeline.builds[BUILD('b04')]!.manifest['plutus-core']!.version).toBe(spec.builds[BUILD('b04')]!.manifest['plutus-core']![0]);
  });

  it('keeps the order given with --order given', async () => {
    const tags = readdirSync(runRoot).sort().reverse();
    const loaded = await loadBuilds(
      tags.map((tag) => join(runRoot, tag)),
      { order: 'given' },
    );
    expect(loaded.builds.map((entry) => entry.build.commit)).toEqual([...spec.builds].reverse().map((build) => build.commit));
  });
});

describe('timeline change points of samples/timeline', () => {
  it('finds eval stepping up in time and alloc at the build that made lookups slow, with the plutus-core bump among the suspects', () => {
    const slow = toggledChanges().findIndex((changes) => changes.includes('slow-lookup'));
    expect(spec.builds[slow]!.code).toContain('slow-lookup');
    expect(touchedFunctions('slow-lookup')).toContain('eval');
    const [point, ...others] = pointsOf('eval').filter((candidate) => candidate.afterIndex === slow);
    expect(others).toEqual([]);
    expect(point).toBeDefined();
    expect(point!.beforeIndex).toBe(slow - 1);
    expect(point!.metrics.map((step) => step.metric)).toEqual(expect.arrayContaining(['time', 'alloc']));
    for (const step of point!.metrics) expect(step.direction).toBe('regression');
    expect(point!.direction).toBe('regression');
    // The naive medians agree on the direction.
    for (const metric of ['timeSecs', 'allocBytes'] as const) expect(naiveMedian(runs, slow, 'eval', metric)!).toBeGreaterThan(naiveMedian(runs, slow - 1, 'eval', metric)!);
    const expected = specSuspects(spec.builds[slow - 1]!, spec.builds[slow]!);
    expect(expected.get('plutus-core')).toEqual(['1.1.1.0', '1.2.0.0']);
    expect(point!.suspects.map((suspect) => suspect.component).sort()).toEqual([...expected.keys()].sort());
    expect(point!.suspects).toContainEqual({ component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0', change: 'version' });
  });

  it('finds eval back down in time and alloc where the slow lookup was reverted', () => {
    const reverted = toggledChanges().findIndex((changes, b) => changes.includes('slow-lookup') && !spec.builds[b]!.code.includes('slow-lookup'));
    expect(reverted).toBe(BUILD('b08'));
    const [point] = pointsOf('eval').filter((candidate) => candidate.afterIndex === reverted);
    expect(point).toBeDefined();
    expect(point!.metrics.map((step) => step.metric)).toEqual(expect.arrayContaining(['time', 'alloc']));
    for (const step of point!.metrics) expect(step.direction).toBe('improvement');
    expect(naiveMedian(runs, reverted, 'eval', 'allocBytes')!).toBeLessThan(naiveMedian(runs, reverted - 1, 'eval', 'allocBytes')!);
    expect(point!.suspects.map((suspect) => suspect.component).sort()).toEqual([...specSuspects(spec.builds[reverted - 1]!, spec.builds[reverted]!).keys()].sort());
  });

  it('finds simplify entered more often at the build that runs the optimiser three times', () => {
    const triple = toggledChanges().findIndex((changes) => changes.includes('triple-simplify'));
    expect(touchedFunctions('triple-simplify')).toContain('simplify');
    const [point] = pointsOf('simplify', 'entries').filter((candidate) => candidate.afterIndex === triple);
    expect(point).toBeDefined();
    const entries = point!.metrics.find((step) => step.metric === 'entries')!;
    expect(entries.direction).toBe('regression');
    // Entry counts are exact: the step's medians are the files' counts either side.
    expect(entries.beforeMedian).toBe(naiveMedian(runs, triple - 1, 'simplify', 'entries'));
    expect(entries.afterMedian).toBe(naiveMedian(runs, triple, 'simplify', 'entries'));
    expect(entries.afterMedian).toBeGreaterThan(2 * entries.beforeMedian);
  });

  it('reports tokenCount as appearing at the build that added it, with suspects, and not as a step', () => {
    const added = toggledChanges().findIndex((changes) => changes.includes('token-count'));
    expect(spec.changes['token-count']!.some(([, replacement]) => replacement.includes('tokenCount ::'))).toBe(true);
    const appearances = timeline.appearances.filter((appearance) => appearance.label === 'tokenCount');
    expect(appearances).toHaveLength(1);
    expect(appearances[0]).toMatchObject({ change: 'appeared', beforeIndex: added - 1, afterIndex: added });
    expect(appearances[0]!.suspects.map((suspect) => suspect.component).sort()).toEqual([...specSuspects(spec.builds[added - 1]!, spec.builds[added]!).keys()].sort());
    // No build before it has the cost centre; every build from it on does.
    spec.builds.forEach((_, b) => expect(naiveMedian(runs, b, 'tokenCount', 'entries') !== null).toBe(b >= added));
    expect(pointsOf('tokenCount')).toEqual([]);
  });

  it('has no other step in alloc or entries for any cost centre above 1% of alloc', () => {
    const toggled = toggledChanges();
    const peakAllocPct = (label: string): number => Math.max(...spec.builds.map((_, b) => naiveMedian(runs, b, label, 'allocPct') ?? 0));
    const judged = timeline.changePoints.filter((point) => point.kind === 'cost-centre' && point.metrics.some((step) => step.metric === 'alloc' || step.metric === 'entries'));
    for (const point of judged) {
      if (peakAllocPct(point.label!) <= 1) continue;
      const touched = new Set(toggled[point.afterIndex]!.flatMap((change) => [...touchedFunctions(change)]));
      expect(touched, `${point.label} steps at ${spec.builds[point.afterIndex]!.id}, where the code changes ${toggled[point.afterIndex]!.join(', ') || 'nothing'}`).toContain(point.label);
    }
    // The big cost centres the changes leave alone (lexeme, symbol, expr.*) have none.
    const untouched = [...new Set(runs.flatMap((run) => [...run.allocPct.keys()]))].filter((label) => peakAllocPct(label) > 1 && !Object.keys(spec.changes).some((change) => touchedFunctions(change).has(label)));
    expect(untouched.length).toBeGreaterThan(5);
    for (const label of untouched) expect(judged.filter((point) => point.label === label), label).toEqual([]);
  });

  it('has run-total alloc steps only at builds whose code changed', () => {
    const allowed = codeChangeBuilds();
    expect(allowed.map((b) => spec.builds[b]!.id)).toEqual(['b04', 'b06', 'b07', 'b08']);
    const allocSteps = timeline.changePoints.filter((point) => point.kind === 'run-total' && point.metrics.some((step) => step.metric === 'alloc'));
    expect(allocSteps.length).toBeGreaterThan(0);
    for (const point of allocSteps) expect(allowed).toContain(point.afterIndex);
  });

  it('reports only time steps that persist over the builds after them', () => {
    const timeSteps = timeline.changePoints.filter((point) => point.kind === 'cost-centre' && point.metrics.some((step) => step.metric === 'time'));
    for (const point of timeSteps) {
      const step = point.metrics.find((entry) => entry.metric === 'time')!;
      const next = pointsOf(point.label, 'time').find((other) => other.afterIndex > point.afterIndex);
      const after = spec.builds.map((_, b) => b).filter((b) => b >= point.afterIndex && b < (next?.afterIndex ?? spec.builds.length));
      expect(after.length, `${point.label} at ${spec.builds[point.afterIndex]!.id}`).toBeGreaterThanOrEqual(2);
      // Every build of the new level sits on the far side of the old level's median.
      const previous = pointsOf(point.label, 'time').filter((other) => other.afterIndex < point.afterIndex).pop();
      const before = spec.builds.map((_, b) => b).filter((b) => b < point.afterIndex && b >= (previous?.afterIndex ?? 0));
      const oldLevel = median(before.map((b) => naiveMedian(runs, b, point.label!, 'timeSecs')!));
      for (const b of after) {
        const level = naiveMedian(runs, b, point.label!, 'timeSecs')!;
        if (step.direction === 'regression') expect(level, `${point.label} at ${spec.builds[b]!.id}`).toBeGreaterThan(oldLevel);
        else expect(level, `${point.label} at ${spec.builds[b]!.id}`).toBeLessThan(oldLevel);
      }
    }
  });

  it('reports a step seen in several metrics of one cost centre once, with all of them', () => {
    const keys = timeline.changePoints.map((point) => `${point.series}:${point.beforeIndex}:${point.afterIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const point of timeline.changePoints) {
      expect(point.metric).toBe(point.metrics[0]!.metric);
      expect(new Set(point.metrics.map((step) => step.metric)).size).toBe(point.metrics.length);
    }
  });

  it('controls false discoveries across every series: each reported step is significant after the correction', () => {
    expect(timeline.tested).toBeGreaterThan(timeline.series.length);
    for (const point of timeline.changePoints) for (const step of point.metrics) expect(step.pAdjusted).toBeLessThanOrEqual(0.05);
    // Holm controls the family-wise rate: fewer discoveries, each also one of BH's.
    const holm = analyzeTimeline(loaded, { grouping: 'cost-centre', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'holm', minPct: 0.5 });
    const steps = (result: Timeline): string[] => result.changePoints.flatMap((point) => point.metrics.map((step) => `${point.label}:${point.afterIndex}:${step.metric}`));
    expect(steps(holm).length).toBeGreaterThan(0);
    expect(steps(holm).length).toBeLessThanOrEqual(steps(timeline).length);
    expect(steps(timeline)).toEqual(expect.arrayContaining(steps(holm)));
  });

  it('fails --fail-on-regression when the newest build sits after a significant regression, not after an improvement', () => {
    const regressions = timelineRegressions(timeline, 10);
    const newest = spec.builds[spec.builds.length - 1]!;
    // The optimiser still runs three times in the newest build: simplify's entries stay tripled.
    expect(newest.code).toContain('triple-simplify');
    expect(regressions.some(({ changePoint, step }) => changePoint.label === 'simplify' && step.metric === 'entries')).toBe(true);
    // eval's last step is the revert, an improvement.
    expect(regressions.some(({ changePoint }) => changePoint.label === 'eval')).toBe(false);
    // Past any threshold only costs that grew from nothing remain (main's time: token-count's new work).
    for (const { step } of timelineRegressions(timeline, 1e9)) expect([step.deltaPct, step.beforeMedian]).toEqual([null, 0]);
  });
});

describe('timeline of call stacks (--by stack) of samples/timeline', () => {
  /** Per run (its spec build), per stack path (`Module.label` frames joined by `;`): its entries, from the naive reading. */
  function naiveStackEntries(): Array<{ build: number; entries: Map<string, number> }> {
    const out: Array<{ build: number; entries: Map<string, number> }> = [];
    for (const tag of readdirSync(runRoot).sort()) {
      const meta = JSON.parse(readFileSync(join(runRoot, tag, 'meta.json'), 'utf8')) as { meta: { manifest: Record<string, { commit: string | null }> } };
      const build = spec.builds.findIndex((entry) => entry.commit === meta.meta.manifest['cardano-node']!.commit);
      for (const node of readdirSync(join(runRoot, tag)).filter((name) => name.startsWith('node-'))) {
        const entries = new Map<string, number>();
        for (const { path, row } of simpleStacks(readSimpleReport(readFileSync(join(runRoot, tag, node, 'cardano-node.prof'), 'utf8')).rows)) entries.set(path, (entries.get(path) ?? 0) + row.entries);
        out.push({ build, entries });
      }
    }
    return out;
  }

  let stacks: Timeline;
  let naive: Array<{ build: number; entries: Map<string, number> }>;
  beforeAll(() => {
    stacks = analyzeTimeline(loaded, { grouping: 'stack', metrics: ['time', 'alloc', 'entries'], alpha: 0.05, correction: 'bh', minPct: 0.5 });
    naive = naiveStackEntries();
  });

  it("has a series per stack, named by its path, its leaf's module and label, with each build's median entries those of the files", () => {
    const series = stacks.series.filter((entry) => entry.kind === 'stack');
    expect(series.length).toBeGreaterThan(10);
    const known = new Set(naive.flatMap((run) => [...run.entries.keys()]));
    for (const entry of series) {
      expect(known, entry.stack!).toContain(entry.stack);
      expect(entry.stack!.split(';').pop()).toBe(`${entry.module}.${entry.label}`);
      const entries = entry.metrics.find((metric) => metric.metric === 'entries')!;
      spec.builds.forEach((_, b) => {
        const values = naive.filter((run) => run.build === b && run.entries.has(entry.stack!)).map((run) => run.entries.get(entry.stack!)!);
        expect(entries.points[b]?.median ?? null, `${entry.stack} in ${spec.builds[b]!.id}`).toBe(values.length === 0 ? null : median(values));
      });
    }
  });

  it('finds the stack ending in eval stepping up at the build that made lookups slow, with plutus-core among the suspects', () => {
    const slow = toggledChanges().findIndex((changes) => changes.includes('slow-lookup'));
    const points = stacks.changePoints.filter((point) => point.kind === 'stack' && point.label === 'eval' && point.afterIndex === slow);
    expect(points).toHaveLength(1);
    const [point] = points;
    expect(point!.stack!.endsWith(';Main.eval')).toBe(true);
    expect(point).toMatchObject({ module: 'Main', beforeIndex: slow - 1, direction: 'regression' });
    expect(point!.metrics.map((step) => step.metric)).toEqual(expect.arrayContaining(['time', 'alloc']));
    expect(point!.suspects).toContainEqual({ component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0', change: 'version' });
    // Its cost centre steps there too.
    expect(pointsOf('eval').some((candidate) => candidate.afterIndex === slow)).toBe(true);
  });

  it('reports the stacks of tokenCount as appearing where the cost centre did, not as steps', () => {
    const added = toggledChanges().findIndex((changes) => changes.includes('token-count'));
    const appeared = stacks.appearances.filter((appearance) => appearance.label === 'tokenCount');
    expect(appeared.length).toBeGreaterThan(0);
    for (const appearance of appeared) expect(appearance).toMatchObject({ kind: 'stack', change: 'appeared', afterIndex: added });
    expect(stacks.changePoints.filter((point) => point.label === 'tokenCount')).toEqual([]);
  });
});
