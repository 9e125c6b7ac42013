// `ghcprof timeline` as a user meets it: the built bin/ghcprof.js in a child process, on
// samples/timeline (ten builds b01..b10; what changed where is in its spec,
// samples/timeline/interp-timeline.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { projectRoot, readSample, samplePath } from '../support/samples.js';

function ghcprof(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SpecBuild {
  id: string;
  commit: string;
  node_version: string;
  code: string[];
  manifest: Record<string, [string, string | null]>;
}
const spec = JSON.parse(readSample('timeline/interp-timeline.json')) as { runs_per_build: number; nodes: number; builds: SpecBuild[] };
const runs = samplePath('timeline/run');
const specIndex = (id: string): number => spec.builds.findIndex((build) => build.id === id);
/** The first build whose code has (or, with `on` false, no longer has) a change. */
const firstWith = (change: string, on = true): number => spec.builds.findIndex((build, b) => b > 0 && build.code.includes(change) === on && spec.builds[b - 1]!.code.includes(change) !== on);

interface BuildJson {
  name: string;
  commit: string | null;
  runs: number;
  runDirectories: string[];
  manifest: Record<string, { version: string | null; commit: string | null }>;
  start: string | null;
}

interface SeriesJson {
  kind: string;
  module: string | null;
  label: string | null;
  src: string | null;
  stack: string | null;
  metrics: Array<{ metric: string; medians: Array<{ build: string; median: number } | null> }>;
}

interface TimelineJson {
  by: string;
  builds: BuildJson[];
  changePoints: Array<{
    module: string | null;
    label: string | null;
    stack: string | null;
    metric: string;
    before: BuildJson;
    after: BuildJson;
    deltaPct: number | null;
    p: number;
    direction: string;
    suspects: Array<{ component: string; from: string | null; to: string | null }>;
    metrics: Array<{ metric: string; deltaPct: number | null; direction: string }>;
  }>;
  appearances: Array<{ module: string | null; label: string | null; stack: string | null; change: string; before: BuildJson; after: BuildJson; suspects: unknown[] }>;
  series: SeriesJson[];
  verdict?: string;
}

describe('ghcprof timeline', () => {
  it('--format json: builds in order, with runs, manifest and start; change points with their builds, change, p, direction and suspects', () => {
    const result = ghcprof(['timeline', runs, '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as TimelineJson;
    expect(json.builds.map((build) => build.commit)).toEqual(spec.builds.map((build) => build.commit));
    spec.builds.forEach((build, b) => {
      const got = json.builds[b]!;
      expect(got.name).toBe(build.commit.slice(0, 7));
      expect(got.runs).toBe(spec.runs_per_build * spec.nodes);
      expect(got.start).toMatch(/^2026-11-30-/);
      for (const [name, [version, commit]] of Object.entries(build.manifest)) expect(got.manifest[name]).toMatchObject({ version, commit });
      expect(got.manifest['cardano-node']).toMatchObject({ version: build.node_version, commit: build.commit });
    });
    expect(json.changePoints.length).toBeGreaterThan(0);
    for (const point of json.changePoints) {
      expect(Object.keys(point)).toEqual(expect.arrayContaining(['module', 'label', 'metric', 'before', 'after', 'deltaPct', 'p', 'direction', 'suspects']));
      // before and after are build objects as in `builds`.
      expect(json.builds).toContainEqual(point.before);
      expect(json.builds).toContainEqual(point.after);
      expect(json.builds.indexOf(json.builds.find((build) => build.name === point.before.name)!)).toBeLessThan(json.builds.findIndex((build) => build.name === point.after.name));
      expect(['regression', 'improvement']).toContain(point.direction);
      expect(point.p).toBeGreaterThanOrEqual(0);
      expect(point.p).toBeLessThanOrEqual(1);
      expect(point.metrics[0]!.metric).toBe(point.metric);
      for (const suspect of point.suspects) expect(Object.keys(suspect)).toEqual(expect.arrayContaining(['component', 'from', 'to']));
      if (point.label === null) expect(point.module).toBeNull();
    }
    const slow = firstWith('slow-lookup');
    const evalStep = json.changePoints.find((point) => point.label === 'eval' && point.after.name === json.builds[slow]!.name)!;
    expect(evalStep).toMatchObject({ module: 'Main', metric: 'time', direction: 'regression' });
    expect(evalStep.before.name).toBe(json.builds[slow - 1]!.name);
    expect(evalStep.suspects).toContainEqual(expect.objectContaining({ component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0' }));
    expect(evalStep.metrics.map((step) => step.metric)).toEqual(['time', 'alloc']);
    const added = firstWith('token-count');
    expect(json.appearances).toContainEqual(expect.objectContaining({ label: 'tokenCount', change: 'appeared' }));
    expect(json.appearances.find((appearance) => appearance.label === 'tokenCount')!.after.name).toBe(json.builds[added]!.name);
  });

  it('text names the builds and the steps, with their suspects', () => {
    const result = ghcprof(['timeline', runs]);
    expect(result.status, result.stderr).toBe(0);
    const text = result.stdout;
    const name = (id: string): string => spec.builds[specIndex(id)]!.commit.slice(0, 7);
    for (const build of spec.builds) expect(text).toContain(build.commit.slice(0, 7));
    const block = (heading: string): string => {
      const start = text.indexOf(`\n${heading}`);
      expect(start, heading).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('\n\n', start + 1);
      return text.slice(start, end < 0 ? undefined : end);
    };
    const evalBlock = block('eval (Main)');
    expect(evalBlock).toMatch(new RegExp(`at ${name('b04')} \\(after ${name('b03')}\\): regression\\n    time \\+.*\\n    alloc \\+.*\\n    suspects: .*plutus-core 1\\.1\\.1\\.0 → 1\\.2\\.0\\.0`));
    expect(evalBlock).toMatch(new RegExp(`at ${name('b08')} \\(after ${name('b07')}\\): improvement\\n    time -`));
    expect(block('simplify (Main)')).toMatch(new RegExp(`at ${name('b06')} \\(after ${name('b05')}\\): regression\\n(    .*\\n)*    entries \\+`));
    expect(block('tokenCount (Main)')).toContain(`appeared at ${name('b07')} (after ${name('b06')})`);
    expect(block('RUN TOTALS')).toMatch(new RegExp(`at ${name('b04')} \\(after ${name('b03')}\\): regression\\n    total time \\+`));
    // Cost centres the changes leave alone say so.
    expect(block('symbol (Main)')).toContain('no change point');
  });

  it('--format csv has a row per series, metric and build; markdown has the tables', () => {
    const csv = ghcprof(['timeline', runs, '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('kind,module,label,src,stack,metric,unit,estimated,build,start,n,median,ciLow,ciHigh,event,deltaPct,pAdjusted,suspects');
    expect((lines.length - 1) % spec.builds.length).toBe(0);
    expect(lines.some((line) => line.startsWith('cost-centre,Main,eval,') && line.includes(',alloc,') && line.includes(`,${spec.builds[specIndex('b04')]!.commit.slice(0, 7)},`) && line.includes(',regression,'))).toBe(true);
    // A cost centre's first build marks its appearance.
    expect(lines.some((line) => line.startsWith('cost-centre,Main,tokenCount,') && line.includes(`,${spec.builds[firstWith('token-count')]!.commit.slice(0, 7)},`) && line.includes(',appeared,'))).toBe(true);
    const markdown = ghcprof(['timeline', runs, '--format', 'markdown']);
    expect(markdown.status, markdown.stderr).toBe(0);
    expect(markdown.stdout).toMatch(/^### ghcprof timeline: interp/);
    expect(markdown.stdout).toContain('| at | after | series | direction | change | suspects |');
  });

  it('-o trend.svg and trend.html draw the charts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghcprof-timeline-'));
    for (const file of ['trend.svg', 'trend.html']) {
      const result = ghcprof(['timeline', runs, '-o', join(dir, file)]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
    }
    const svg = readFileSync(join(dir, 'trend.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('class="change-point"');
    const html = readFileSync(join(dir, 'trend.html'), 'utf8');
    expect(html).toContain('id="trend-data"');
    expect(html).toContain('<select id="series"');
  });

  it('--fail-on-regression exits 1 while the newest build keeps a regression, with --order given reversing the builds', () => {
    // The newest build still runs the optimiser three times: simplify's entries stay tripled.
    expect(spec.builds[spec.builds.length - 1]!.code).toContain('triple-simplify');
    const failing = ghcprof(['timeline', runs, '--fail-on-regression', '25', '--format', 'json']);
    expect(failing.status).toBe(1);
    expect((JSON.parse(failing.stdout) as TimelineJson).verdict).toBe('fail');
    expect(failing.stderr).toContain('simplify (Main)');
    // Given in reverse, the newest build is b01: its costs are the lowest (the allocation rate
    // of the run totals, which rose with the faster code, goes up by ~10% there).
    const reversed = readdirSync(runs)
      .sort()
      .reverse()
      .map((tag) => join(runs, tag));
    const passing = ghcprof(['timeline', ...reversed, '--order', 'given', '--fail-on-regression', '25', '--format', 'json']);
    const json = JSON.parse(passing.stdout) as TimelineJson;
    expect(json.builds.map((build) => build.commit)).toEqual([...spec.builds].reverse().map((build) => build.commit));
    expect(passing.status, passing.stderr).toBe(0);
    expect(json.verdict).toBe('pass');
  });

  it('refuses inputs without run directories, and warns about profiles outside them', () => {
    const none = ghcprof(['timeline', samplePath('interp/a/run-1.prof')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no profnix run directories found');
    const mixed = ghcprof(['timeline', runs, samplePath('interp/a/run-1.prof'), '--format', 'json']);
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stderr).toContain('run-1.prof: not in a run directory');
  });
});

interface AggregateJson {
  costCentres: Array<{ module: string; label: string; src: string | null; metrics: Record<string, { median: number }> }>;
}

describe('ghcprof timeline --by stack', () => {
  let json: TimelineJson;
  /** Per build (timeline order), `aggregate --by stack --min 0.5` of its run directories: the stacks above the timeline's --min there, with their medians. */
  let aggregates: AggregateJson[];
  /** The stack ending in eval that costs the most time in the first build, as aggregate names it. */
  let evalStack: string;

  beforeAll(() => {
    const result = ghcprof(['timeline', runs, '--by', 'stack', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    json = JSON.parse(result.stdout) as TimelineJson;
    aggregates = json.builds.map((build) => {
      const aggregate = ghcprof(['aggregate', ...build.runDirectories.map((tag) => join(runs, tag)), '--by', 'stack', '--min', '0.5', '--top', '0', '--format', 'json']);
      expect(aggregate.status, aggregate.stderr).toBe(0);
      return JSON.parse(aggregate.stdout) as AggregateJson;
    });
    evalStack = aggregates[0]!.costCentres.filter((row) => row.label.endsWith(';Main.eval')).sort((a, b) => b.metrics.time!.median - a.metrics.time!.median)[0]!.label;
  }, 120_000);

  it('has a series per call stack above --min in some build (the stacks aggregate keeps there), labelled by its leaf, with the path in `stack`', () => {
    expect(json.by).toBe('stack');
    const stacks = json.series.filter((series) => series.kind === 'stack');
    const expected = new Set(aggregates.flatMap((aggregate) => aggregate.costCentres.map((row) => row.label)));
    expect(new Set(stacks.map((series) => series.stack))).toEqual(expected);
    expect(stacks.length).toBe(expected.size);
    for (const series of stacks) expect(series.stack!.endsWith(`;${series.module}.${series.label}`) || series.stack === `${series.module}.${series.label}`, series.stack!).toBe(true);
    expect(json.series.filter((series) => series.kind === 'run-total')).toHaveLength(1);
  });

  it("gives each build's medians of a stack as aggregate --by stack of that build's run directories", () => {
    const series = json.series.find((entry) => entry.stack === evalStack)!;
    expect(series).toMatchObject({ kind: 'stack', module: 'Main', label: 'eval' });
    // SRC as in the newest build (line numbers shift between builds).
    expect(series.src).toBe(aggregates[aggregates.length - 1]!.costCentres.find((entry) => entry.label === evalStack)!.src);
    json.builds.forEach((build, b) => {
      const row = aggregates[b]!.costCentres.find((entry) => entry.label === evalStack)!;
      for (const metric of series.metrics) expect(metric.medians[b], `${metric.metric} at ${build.name}`).toMatchObject({ build: build.name, median: row.metrics[metric.metric]!.median });
    });
  });

  it('finds the eval stack stepping up at the build that made lookups slow, with plutus-core among the suspects; tokenCount appearing', () => {
    const slow = firstWith('slow-lookup');
    // What the files say: the stack's time and alloc medians rise there.
    for (const metric of ['time', 'alloc']) {
      const at = (b: number): number => aggregates[b]!.costCentres.find((row) => row.label === evalStack)!.metrics[metric]!.median;
      expect(at(slow), metric).toBeGreaterThan(at(slow - 1));
    }
    const step = json.changePoints.find((point) => point.stack === evalStack && point.after.name === json.builds[slow]!.name)!;
    expect(step).toMatchObject({ module: 'Main', label: 'eval', metric: 'time', direction: 'regression' });
    expect(step.before.name).toBe(json.builds[slow - 1]!.name);
    expect(step.metrics.map((entry) => entry.metric)).toEqual(['time', 'alloc']);
    expect(step.suspects).toContainEqual(expect.objectContaining({ component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0' }));
    const added = firstWith('token-count');
    const appeared = json.appearances.filter((appearance) => appearance.label === 'tokenCount');
    expect(appeared.length).toBeGreaterThan(0);
    for (const appearance of appeared) {
      expect(appearance).toMatchObject({ change: 'appeared', module: 'Main' });
      expect(appearance.stack!.endsWith(';Main.tokenCount')).toBe(true);
      expect(appearance.after.name).toBe(json.builds[added]!.name);
    }
  });

  it('text heads each series with its stack, long ones elided in the middle but for the root and the frames nearest the leaf', () => {
    const result = ghcprof(['timeline', runs, '--by', 'stack', '--top', '0']);
    expect(result.status, result.stderr).toBe(0);
    const stacks = json.series.filter((series) => series.kind === 'stack');
    const headings = result.stdout.split('\n\n').map((block) => block.split('\n')[0]!);
    let elided = 0;
    for (const series of stacks) {
      const path = series.stack!;
      const root = path.split(';')[0]!;
      const heading = headings.find((line) => line === `${path}  ${series.src}` || (line.startsWith(`${root};…;`) && line.endsWith(`  ${series.src}`) && path.endsWith(line.slice(`${root};…`.length, -`  ${series.src}`.length))));
      expect(heading, path).toBeDefined();
      if (heading !== `${path}  ${series.src}`) elided++;
    }
    expect(elided).toBeGreaterThan(0);
    const evalBlock = result.stdout.split('\n\n').find((block) => block.startsWith(evalStack) || (block.startsWith('MAIN.MAIN;…;') && block.split('\n')[0]!.includes(';Main.eval  ')))!;
    expect(evalBlock).toMatch(new RegExp(`at ${json.builds[firstWith('slow-lookup')]!.name} \\(after ${json.builds[firstWith('slow-lookup') - 1]!.name}\\): regression\\n    time \\+.*\\n    alloc \\+.*\\n    suspects: .*plutus-core 1\\.1\\.1\\.0 → 1\\.2\\.0\\.0`));
    expect(result.stdout).toMatch(/; \d+ stacks? appeared or disappeared/);
  });

  it('--min applies to stacks: --min 0 keeps every stack', () => {
    const all = ghcprof(['timeline', runs, '--by', 'stack', '--min', '0', '--format', 'json']);
    expect(all.status, all.stderr).toBe(0);
    const every = (JSON.parse(all.stdout) as { series: SeriesJson[] }).series.filter((series) => series.kind === 'stack');
    expect(every.length).toBeGreaterThan(json.series.length);
    expect(every.map((series) => series.stack)).toEqual(expect.arrayContaining(json.series.filter((series) => series.kind === 'stack').map((series) => series.stack)));
  });

  it('refuses run summaries, which have no call trees: one line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghcprof-timeline-summaries-'));
    const tags = readdirSync(runs).sort().slice(0, 4);
    const summarized = ghcprof(['summarize', ...tags.map((tag) => join(runs, tag)), '--output-dir', dir]);
    expect(summarized.status, summarized.stderr).toBe(0);
    const result = ghcprof(['timeline', dir, '--by', 'stack']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--by stack needs call trees, and run summaries \(\.summary\.json\) have none/);
  });
});

describe('ghcprof timeline --store', () => {
  const FORMATS = ['json', 'text', 'csv', 'markdown'] as const;
  const dir = mkdtempSync(join(tmpdir(), 'ghcprof-timeline-store-'));
  const store = join(dir, 'runs.db');
  const fromFiles = new Map<string, string>();

  /** `ghcprof store add PATH... --store FILE`, expecting success. */
  const storeAdd = (paths: string[], file: string): void => {
    const added = ghcprof(['store', 'add', ...paths, '--store', file, '--quiet']);
    expect(added.status, added.stderr).toBe(0);
  };

  beforeAll(() => {
    storeAdd([runs], store);
    for (const format of FORMATS) {
      const result = ghcprof(['timeline', runs, '--format', format]);
      expect(result.status, result.stderr).toBe(0);
      fromFiles.set(format, result.stdout);
    }
  }, 120_000);

  it('without PATHs: every stored build, the answer the files give byte for byte (json, text, csv, markdown)', () => {
    for (const format of FORMATS) {
      const result = ghcprof(['timeline', '--store', store, '--format', format]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout, format).toBe(fromFiles.get(format));
    }
  });

  it('with PATHs: their run directories, from the store where it holds them whole, else from their files; the same answer', () => {
    const whole = ghcprof(['timeline', runs, '--store', store, '--format', 'json']);
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stderr).toBe('');
    expect(whole.stdout).toBe(fromFiles.get('json'));
    // The first three builds (six run directories) stored: the other seven are read from their profiles.
    const half = join(dir, 'half.db');
    storeAdd(readdirSync(runs).sort().slice(0, 6).map((tag) => join(runs, tag)), half);
    const mixed = ghcprof(['timeline', runs, '--store', half, '--format', 'json']);
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stderr).toMatch(/^ghcprof: warning: 14 of 20 run directories are not \(wholly\) in .*half\.db .*; 7 builds read from the profiles/);
    expect(mixed.stdout).toBe(fromFiles.get('json'));
  });

  it('reads no profile: a store of a copy of the runs answers after the copy is gone, as the copy did (timings printed)', () => {
    const copy = join(dir, 'copy');
    cpSync(runs, copy, { recursive: true });
    const copyStore = join(dir, 'copy.db');
    storeAdd([copy], copyStore);
    const time = (args: string[]): { stdout: string; ms: number } => {
      const started = performance.now();
      const result = ghcprof(args);
      const ms = performance.now() - started;
      expect(result.status, result.stderr).toBe(0);
      return { stdout: result.stdout, ms };
    };
    const files = time(['timeline', copy, '--format', 'json']);
    renameSync(copy, `${copy}-gone`);
    expect(existsSync(copy)).toBe(false);
    const stored = time(['timeline', '--store', copyStore, '--format', 'json']);
    expect(stored.stdout).toBe(files.stdout);
    console.log(`timeline of ${runs} (60 profiles, 20 run directories): ${files.ms.toFixed(0)} ms from the files, ${stored.ms.toFixed(0)} ms from the store`);
  });

  it('a missing store, or one with no runs: one line naming the file, exit 2; neither PATH nor --store: a usage error', async () => {
    const missing = join(dir, 'none.db');
    const empty = join(dir, 'empty.db');
    (await openStore(empty, { create: true })).close();
    for (const [args, file, message] of [
      [['timeline', '--store', missing], missing, /no such store/],
      [['timeline', '--store', empty], empty, /no runs stored/],
      [['timeline', runs, '--store', empty], empty, /no runs stored/],
    ] as const) {
      const result = ghcprof([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`ghcprof: ${file}: `);
      expect(result.stderr).toMatch(message);
    }
    const neither = ghcprof(['timeline']);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/give PATH\.\.\. .*, or --store FILE/);
  });
  it('--build NAME...: only those builds, in timeline order, read as the full timeline reads them', () => {
    const full = JSON.parse(fromFiles.get('json')!) as TimelineJson;
    const [before, after] = [firstWith('slow-lookup') - 1, firstWith('slow-lookup')].map((b) => full.builds[b]!.name);
    // Given newest first: still in timeline order.
    const result = ghcprof(['timeline', '--store', store, '--build', after!, before!, '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^ghcprof: warning: 2 builds: a change point needs 2 builds on each side/);
    const json = JSON.parse(result.stdout) as TimelineJson;
    expect(json.builds).toEqual([before, after].map((name) => full.builds.find((build) => build.name === name)));
    // The eval step between them: its medians those of the full timeline at these builds, up in time and alloc.
    const evalOf = (timeline: TimelineJson): SeriesJson => timeline.series.find((series) => series.kind === 'cost-centre' && series.label === 'eval')!;
    for (const metric of evalOf(json).metrics) {
      const fullMedians = evalOf(full).metrics.find((entry) => entry.metric === metric.metric)!.medians;
      expect(metric.medians, metric.metric).toEqual([fullMedians[firstWith('slow-lookup') - 1], fullMedians[firstWith('slow-lookup')]]);
      if (metric.metric !== 'entries') expect(metric.medians[1]!.median, metric.metric).toBeGreaterThan(metric.medians[0]!.median);
    }
    // Two builds a side: the step is a change point, with its suspects.
    const around = [-2, -1, 0, 1].map((offset) => full.builds[firstWith('slow-lookup') + offset]!.name);
    const four = JSON.parse(ghcprof(['timeline', '--store', store, '--build', ...around, '--format', 'json']).stdout) as TimelineJson;
    expect(four.builds.map((build) => build.name)).toEqual(around);
    const step = four.changePoints.find((point) => point.label === 'eval')!;
    expect(step).toMatchObject({ direction: 'regression', before: { name: before }, after: { name: after } });
    expect(step.suspects).toContainEqual(expect.objectContaining({ component: 'plutus-core', from: '1.1.1.0', to: '1.2.0.0' }));
  });

  it('--build: an unknown name, one line naming it (exit 2); without --store or with PATHs, a usage error; --by stack refused with --store', () => {
    const unknown = ghcprof(['timeline', '--store', store, '--build', spec.builds[0]!.commit.slice(0, 7), 'c0ffee0']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain(`ghcprof: ${store}: no build "c0ffee0" in the store`);
    for (const [args, message] of [
      [['timeline', '--build', 'c03cc00'], /--build selects runs of a store: give --store FILE too/],
      [['timeline', runs, '--store', store, '--build', 'c03cc00'], /give PATH\.\.\. or --build NAME\.\.\., not both/],
      [['timeline', '--store', store, '--by', 'stack'], /--by stack needs call trees, and a store keeps per cost centre and module totals only/],
    ] as const) {
      const result = ghcprof([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
