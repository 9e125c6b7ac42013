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
  manifest: Record<string, { version: string | null; commit: string | null }>;
  start: string | null;
}

interface TimelineJson {
  builds: BuildJson[];
  changePoints: Array<{
    module: string | null;
    label: string | null;
    metric: string;
    before: BuildJson;
    after: BuildJson;
    deltaPct: number | null;
    p: number;
    direction: string;
    suspects: Array<{ component: string; from: string | null; to: string | null }>;
    metrics: Array<{ metric: string; deltaPct: number | null; direction: string }>;
  }>;
  appearances: Array<{ label: string | null; change: string; before: BuildJson; after: BuildJson; suspects: unknown[] }>;
  series: unknown[];
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
    expect(lines[0]).toBe('kind,module,label,src,metric,unit,estimated,build,start,n,median,ciLow,ciHigh,event,deltaPct,pAdjusted,suspects');
    expect((lines.length - 1) % spec.builds.length).toBe(0);
    expect(lines.some((line) => line.startsWith('cost-centre,Main,eval,') && line.includes(',alloc,') && line.includes(`,${spec.builds[specIndex('b04')]!.commit.slice(0, 7)},`) && line.includes(',regression,'))).toBe(true);
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
});
