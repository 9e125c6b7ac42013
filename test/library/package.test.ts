// ghcprof as a user gets it: `npm pack`, the tarball installed into a fresh project, then
// used BY NAME from plain JavaScript (Node picks the "node" entry), type-checked through the
// `exports` map, bundled for the browser (the neutral entry must import no `node:` module)
// and run from that bundle, and the README's library examples run as written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, samplePath } from '../support/samples.js';

const SAMPLE = samplePath('interp/a/detailed-P.prof');
const sampleText = readFileSync(SAMPLE, 'utf8');

/** A number as GHC prints it in the header, `1,131,600,104` included. */
function headerNumber(pattern: RegExp): number {
  const match = pattern.exec(sampleText);
  if (match === null) throw new Error(`${SAMPLE}: header has no match for ${pattern}`);
  return Number(match[1]!.replace(/,/g, ''));
}

const headerTicks = headerNumber(/total time\s*=.*\(([\d,]+) ticks @/);
const headerAlloc = headerNumber(/total alloc\s*=\s*([\d,]+) bytes/);
/** The first row of GHC's flat table: the costliest cost centre by time, its module and ticks. */
const flatTop = /^COST CENTRE\s+MODULE.*\n\n(\S+)\s+(\S+)\s+\S+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)/m.exec(sampleText);

/** The environment for child npm runs, without the outer `npm run`'s project settings. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_cafile', 'npm_config_strict_ssl']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())));
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status ?? result.signal}\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

const node = (script: string, cwd: string, ...args: string[]): string => run(process.execPath, [script, ...args], cwd);

let root: string;
let app: string;

beforeAll(() => {
  for (const entry of ['dist/src/index.js', 'dist/src/node.js', 'dist/src/index.d.ts', 'dist/src/node.d.ts']) {
    if (!existsSync(join(projectRoot, entry))) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  }
  root = mkdtempSync(join(tmpdir(), 'ghcprof-package-'));
  // --ignore-scripts: `prepare` would build again; the test checks what is built.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--loglevel=error', '--pack-destination', root], projectRoot, npmEnv())) as Array<{ filename: string }>;
  const tarball = join(root, packed[0]!.filename);
  app = join(root, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ghcprof-consumer', private: true, type: 'module' }));
  run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app, npmEnv());
}, 120_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('the packed package, installed and imported by name', () => {
  it('reads a profile by path, by bytes, gzipped and streamed, with the header totals', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { createReadStream, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { costCentreTotals, foldedStacks, rankTotals, readProfile, renderFolded } from 'ghcprof';

const path = process.argv[2];
const summary = (profile) => ({
  source: profile.metadata.source,
  program: profile.metadata.program,
  ticks: profile.metadata.totalTicks,
  alloc: profile.metadata.totalAllocBytes,
  warnings: profile.warnings.length,
});
const byPath = await readProfile(path);
const bytes = readFileSync(path);
const byBytes = await readProfile(new Uint8Array(bytes), { source: 'bytes.prof' });
const gzipped = await readProfile(gzipSync(bytes), { source: 'bytes.prof.gz' });
const streamed = await readProfile(createReadStream(path, { highWaterMark: 97 }), { source: 'stream' });
const top = rankTotals(costCentreTotals(byBytes, 'cost-centre'), 'time')[0];
const folded = renderFolded(byPath, 'time');
console.log(JSON.stringify({
  byPath: summary(byPath),
  byBytes: summary(byBytes),
  gzipped: summary(gzipped),
  streamed: summary(streamed),
  top: { label: top.label, module: top.module, ticks: top.ticks },
  folded,
  foldedFromGenerator: [...foldedStacks(byBytes.root, 'time')].join(''),
}));
`,
    );
    const out = JSON.parse(node('use.mjs', app, SAMPLE)) as {
      byPath: Record<string, unknown>;
      byBytes: Record<string, unknown>;
      gzipped: Record<string, unknown>;
      streamed: Record<string, unknown>;
      top: { label: string; module: string; ticks: number };
      folded: string;
      foldedFromGenerator: string;
    };
    const expected = { program: 'interp', ticks: headerTicks, alloc: headerAlloc, warnings: 0 };
    expect(headerTicks).toBe(240);
    expect(out.byPath).toEqual({ source: SAMPLE, ...expected });
    expect(out.byBytes).toEqual({ source: 'bytes.prof', ...expected });
    expect(out.gzipped).toEqual({ source: 'bytes.prof.gz', ...expected });
    expect(out.streamed).toEqual({ source: 'stream', ...expected });
    expect(flatTop).not.toBeNull();
    expect(out.top).toEqual({ label: flatTop![1], module: flatTop![2], ticks: Number(flatTop![3]) });

    const lines = out.folded.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^\S+(;\S+)* \d+$/);
    expect(lines[0]!.startsWith('MAIN.MAIN')).toBe(true);
    // -P's tree holds every program tick the header counts.
    expect(lines.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0)).toBe(headerTicks);
    expect(out.foldedFromGenerator).toBe(out.folded);
  });

  it('reads heap series and eventlogs, aggregates, compares, and draws every output', () => {
    writeFileSync(
      join(app, 'render.mjs'),
      `import {
  aggregateProfiles, compareBuilds, flameDataFromProfile, InputError, readHeapSeries, readProfile, renderCompareReport,
  renderEventlogSummary, renderFlamegraphHtml, renderFlamegraphSvg, renderHeapChart, renderReport, reportContent,
  reportJson, summariseEventlog, summariseRows, toSpeedscope,
} from 'ghcprof';

const [samples] = process.argv.slice(2);
const profile = await readProfile(samples + '/interp/a/detailed-P.prof');
const data = flameDataFromProfile(profile, { metrics: ['time', 'alloc'], minWidthPct: 0.1 });
const heap = await readHeapSeries(samples + '/interp/a/heap.hp');
const eventlog = await summariseEventlog(samples + '/interp/a/time.eventlog');
const runs = async (side) => aggregateProfiles(await Promise.all([1, 2, 3, 4].map((n) => readProfile(samples + '/interp/' + side + '/run-' + n + '.prof'))));
const [base, next] = [await runs('a'), await runs('b')];
const comparison = compareBuilds(base, next);
const side = (label, aggregator) => ({ label, runs: aggregator.runs.length, sources: aggregator.runs.map((run) => run.source), program: aggregator.program });
let notAProfile = null;
try {
  await readProfile(samples + '/src/Interp.hs');
} catch (error) {
  notAProfile = { isInputError: error instanceof InputError, message: error.message };
}
console.log(JSON.stringify({
  report: renderReport(reportContent(profile, { top: 5 }), 'text'),
  reportJson: reportJson(reportContent(profile, { top: 5 })).costCentres.map((row) => row.label),
  svg: renderFlamegraphSvg(data, { metric: 0, inverted: false }).slice(0, 200),
  html: renderFlamegraphHtml(data).length,
  speedscope: toSpeedscope([{ name: 'detailed-P', profile }], 'interp', 'test').profiles.map((p) => p.unit),
  heap: { bands: heap.bands.length, svg: renderHeapChart(heap, { top: 5 }).svg.slice(0, 5) },
  eventlog: { program: eventlog.program, text: renderEventlogSummary(eventlog).length },
  aggregate: summariseRows(base, base.rows('cost-centre'), ['time']).length,
  compare: { runs: comparison.runs, metrics: comparison.metrics, text: renderCompareReport({ comparison, base: side('base', base), next: side('new', next), manifest: null, top: 5 }, 'text') },
  notAProfile,
}));
`,
    );
    const out = JSON.parse(node('render.mjs', app, join(projectRoot, 'samples'))) as {
      report: string;
      reportJson: string[];
      svg: string;
      html: number;
      speedscope: string[];
      heap: { bands: number; svg: string };
      eventlog: { program: string | null; text: number };
      aggregate: number;
      compare: { runs: { base: number; next: number }; metrics: string[]; text: string };
      notAProfile: { isInputError: boolean; message: string } | null;
    };
    expect(out.report).toContain('lexeme');
    expect(out.report).toContain(String(headerTicks));
    expect(out.reportJson).toHaveLength(5);
    expect(out.reportJson[0]).toBe(flatTop![1]);
    expect(out.svg).toMatch(/^<\?xml|^<svg/);
    expect(out.html).toBeGreaterThan(10_000);
    expect(out.speedscope).toContain('bytes');
    expect(out.heap.bands).toBeGreaterThan(0);
    expect(out.heap.svg).toBe('<svg ');
    expect(out.eventlog.program).toBe('interp');
    expect(out.eventlog.text).toBeGreaterThan(0);
    expect(out.aggregate).toBeGreaterThan(5);
    expect(out.compare.runs).toEqual({ base: 4, next: 4 });
    expect(out.compare.metrics).toEqual(['time', 'alloc', 'entries']);
    expect(out.compare.text).toContain('RUN TOTAL');
    expect(out.notAProfile).toEqual({ isInputError: true, message: expect.stringContaining('not a GHC profile') as string });
  });

  it('types: Node resolution gets the path-taking entry, bundler resolution the neutral one', () => {
    writeFileSync(
      join(app, 'use-node.ts'),
      `import { aggregateRuns, readProfile, summariseRows, type NodeInput, type Profile } from 'ghcprof';
const input: NodeInput = new URL('file:///tmp/x.prof');
export const profile: Promise<Profile> = readProfile('x.prof');
export const again: Promise<Profile> = readProfile(input, { window: { fromMarker: 'start' } });
export const rows = aggregateRuns(['run']).then(({ aggregator }) => summariseRows(aggregator, aggregator.rows('module')));
`,
    );
    writeFileSync(
      join(app, 'use-neutral.ts'),
      `import { readProfile, renderFolded, type ByteInput, type Profile } from 'ghcprof';
declare const file: File;
declare const response: Response;
export const fromFile: Promise<Profile> = readProfile(file);
export const fromBody: Promise<Profile> = readProfile(response.body!);
export const fromBytes: Promise<string> = readProfile(new Uint8Array(0) satisfies ByteInput).then((profile) => renderFolded(profile));
// @ts-expect-error the neutral entry takes no paths
export const fromPath = readProfile('x.prof');
`,
    );
    const common = { strict: true, noEmit: true, skipLibCheck: true, target: 'ES2022' };
    writeFileSync(
      join(app, 'tsconfig.node.json'),
      JSON.stringify({ compilerOptions: { ...common, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'], typeRoots: [join(projectRoot, 'node_modules/@types')] }, files: ['use-node.ts'] }),
    );
    writeFileSync(
      join(app, 'tsconfig.neutral.json'),
      JSON.stringify({ compilerOptions: { ...common, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }, files: ['use-neutral.ts'] }),
    );
    const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
    node(tsc, app, '-p', 'tsconfig.node.json');
    node(tsc, app, '-p', 'tsconfig.neutral.json');
  });

  it('bundles for the browser without a node: module, and the bundle reads bytes and gzip', async () => {
    const bundled = await build({
      stdin: { contents: "export * from 'ghcprof';", resolveDir: app, sourcefile: 'browser-entry.mjs' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile: join(app, 'browser.mjs'),
      metafile: true,
      logLevel: 'silent',
    });
    expect(bundled.errors).toEqual([]);
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.some((input) => input.endsWith('node_modules/ghcprof/dist/src/index.js'))).toBe(true);
    expect(inputs.filter((input) => input.endsWith('/dist/src/node.js') || input.includes('/dist/src/runs/') || input.startsWith('node:'))).toEqual([]);

    writeFileSync(
      join(app, 'browser-check.mjs'),
      `import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readProfile, renderFolded } from './browser.mjs';

const bytes = readFileSync(process.argv[2]);
const plain = await readProfile(bytes, { source: 'plain' });
const gzipped = await readProfile(new Blob([gzipSync(bytes)]).stream(), { source: 'gzipped' });
let pathError = null;
await readProfile(process.argv[2]).catch((error) => (pathError = error.constructor.name + ': ' + error.message));
console.log(JSON.stringify({ ticks: [plain.metadata.totalTicks, gzipped.metadata.totalTicks], same: renderFolded(plain) === renderFolded(gzipped), pathError }));
`,
    );
    const out = JSON.parse(node('browser-check.mjs', app, SAMPLE)) as { ticks: number[]; same: boolean; pathError: string | null };
    expect(out.ticks).toEqual([headerTicks, headerTicks]);
    expect(out.same).toBe(true);
    expect(out.pathError).toMatch(/^TypeError: readProfile: got a string/);
  });

  it('the check catches node: imports: the Node entry does not bundle for the browser', async () => {
    const failure = await build({ entryPoints: [join(app, 'node_modules/ghcprof/dist/src/node.js')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' }).then(
      () => null,
      (error: { errors: Array<{ text: string }> }) => error.errors.map((e) => e.text),
    );
    expect(failure).toEqual(expect.arrayContaining([expect.stringMatching(/Could not resolve "node:/)]));
  });

  it("runs the README's library examples as written", () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Use as a library\n');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const outputs = blocks.map((code, i) => {
      writeFileSync(join(app, `readme-${i}.mjs`), code);
      // In the project folder, as the README's sample paths are relative to it; `ghcprof` resolves from the script's folder.
      return node(join(app, `readme-${i}.mjs`), projectRoot);
    });
    expect(outputs[0]).toContain(`interp ${headerTicks} ${headerTicks}`);
    expect(outputs[0]).toContain(`${flatTop![1]} ${flatTop![3]}`);
    expect(outputs[0]).toContain('COST CENTRE');
    for (const output of outputs) expect(output.trim().length).toBeGreaterThan(0);
  });
});
