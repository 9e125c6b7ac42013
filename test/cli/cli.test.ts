// The command line as a user meets it: the built bin/ghcprof.js in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { projectRoot, readSample, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

function ghcprof(args: string[], input?: string | Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A cost centre's time in seconds in one `-p` run, read naively from the file: below 1000
 * ticks each row's one-decimal %time admits one integer, round(%time × total / 100), summed
 * over the centre's call sites, times the tick interval.
 */
function pTimeSecs(file: string, module: string, label: string): number {
  const report = readSimpleReport(readSample(file));
  expect(report.hasTicksColumns).toBe(false);
  expect(report.totalTicks).toBeLessThan(1000);
  const ticks = report.rows
    .filter((row) => row.module === module && row.label === label)
    .reduce((sum, row) => sum + Math.round((row.individualTimePct * report.totalTicks) / 100), 0);
  return (ticks * report.tickIntervalUs) / 1e6;
}

/** A run's program time in seconds from a text header (`-p`/`-P` headers count program costs only). */
function headerTimeSecs(file: string): number {
  const report = readSimpleReport(readSample(file));
  return (report.totalTicks * report.tickIntervalUs) / 1e6;
}

describe('ghcprof report', () => {
  it('--format json has the profile facts of the file', () => {
    const file = samplePath('interp/a/detailed-P.prof');
    const simple = readSimpleReport(readSample('interp/a/detailed-P.prof'));
    const result = ghcprof(['report', file, '--format', 'json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { profile: Record<string, unknown>; costCentres: Array<Record<string, unknown>> };
    expect(json.profile).toMatchObject({
      program: 'interp',
      totalTimeSecs: 0.24,
      totalTicks: simple.totalTicks,
      tickIntervalUs: 1000,
      processors: 1,
      totalAllocBytes: simple.totalAllocBytes,
      format: 'prof-text',
      nodes: simple.rows.length,
    });
    expect(json.costCentres).toHaveLength(20);
    const lexemeTicks = simple.rows.filter((row) => row.module === 'Main' && row.label === 'lexeme').reduce((sum, row) => sum + row.ticks!, 0);
    expect(json.costCentres[0]).toMatchObject({ label: 'lexeme', module: 'Main', ticks: lexemeTicks });
  });

  it('-pj: nodes counts the zero-cost stacks the JSON lists, less the system stacks under MAIN', () => {
    const raw = readSample('interp/a/run-1.json.prof');
    type JsonNode = { id: number; ticks: number; alloc: number; children: JsonNode[] };
    const file = JSON.parse(raw) as { cost_centres: Array<{ id: number; label: string; module: string }>; profile: JsonNode };
    const centres = new Map(file.cost_centres.map((centre) => [centre.id, `${centre.label}/${centre.module}`]));
    let nodes = 0;
    let zeroCost = 0;
    const pending = [file.profile];
    while (pending.length > 0) {
      const node = pending.pop()!;
      nodes++;
      if (node.ticks === 0 && node.alloc === 0) zeroCost++;
      pending.push(...node.children);
    }
    // Every node of the file is walked, and the file does list stacks that cost nothing.
    expect(nodes).toBe((raw.match(/"entries":/g) ?? []).length);
    expect(zeroCost).toBeGreaterThan(0);
    const system = new Set(['GC/GC', 'OVERHEAD_of/PROFILING', 'IDLE/IDLE', 'DONT_CARE/MAIN', 'SYSTEM/SYSTEM']);
    const systemStacks = file.profile.children.filter((child) => system.has(centres.get(child.id)!));
    expect(systemStacks.length).toBeGreaterThan(0);
    const subtree = (node: JsonNode): number => 1 + node.children.reduce((sum, child) => sum + subtree(child), 0);
    const result = ghcprof(['report', samplePath('interp/a/run-1.json.prof'), '--format', 'json', '--top', '0']);
    const json = JSON.parse(result.stdout) as { profile: { nodes: number; format: string } };
    expect(json.profile.format).toBe('prof-json');
    expect(json.profile.nodes).toBe(nodes - systemStacks.reduce((sum, stack) => sum + subtree(stack), 0));
  });

  it('text output has the header, the ranked table and the tree', () => {
    const result = ghcprof(['report', samplePath('interp/a/run-1.prof'), '--top', '5', '--tree', '--depth', '2']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('total alloc 1,131,600,104 bytes');
    expect(result.stdout).toMatch(/Cost centres by individual time, summed over call sites \(top 5 of \d+\)/);
    expect(result.stdout).toContain('Call tree:');
    expect(result.stdout).toMatch(/^ {2}main\.\\\s/m);
  });

  it('csv and markdown tables', () => {
    const csv = ghcprof(['report', samplePath('ledger/all-pa.prof'), '--format', 'csv', '--top', '3']).stdout.trim().split('\n');
    expect(csv[0]).toBe('COST CENTRE,MODULE,SRC,sites,entries,%time,%alloc,ticks,bytes,inh %time,inh %alloc');
    expect(csv).toHaveLength(4);
    const markdown = ghcprof(['report', samplePath('ledger/all-pa.prof'), '--format', 'markdown', '--by', 'module']).stdout;
    expect(markdown).toMatch(/^\| MODULE \| sites \|/m);
    expect(markdown).toMatch(/^\| --- \| ---: \|/m);
  });

  it('reads several files, gzip and stdin', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const gz = join(scratch, 'p.prof.gz');
    writeFileSync(gz, gzipSync(readFileSync(samplePath('interp/b/detailed-P.prof'))));
    const result = ghcprof(['report', samplePath('interp/a/run-1.prof'), gz, '-', '--format', 'json'], readFileSync(samplePath('interp/a/run-2.prof')));
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Array<{ profile: { source: string; totalTicks: number } }>;
    expect(json.map((entry) => entry.profile.source)).toEqual([samplePath('interp/a/run-1.prof'), gz, '-']);
    expect(json[2]!.profile.totalTicks).toBe(readSimpleReport(readSample('interp/a/run-2.prof')).totalTicks);
  });

  it('bad input: one line naming file and line, exit 2, no stack trace', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const bad = join(scratch, 'bad.prof');
    const lines = readSample('interp/a/run-1.prof').split('\n');
    lines[40] = 'not a row';
    writeFileSync(bad, lines.join('\n'));
    const result = ghcprof(['report', bad]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^ghcprof: ${bad.replace(/[.]/g, '\\.')}:41: expected a call-tree row`));
    const missing = ghcprof(['report', join(scratch, 'missing.prof')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing\.prof: no such file/);
    expect(ghcprof(['report', samplePath('interp/a/run-1.prof'), '--sort', 'nonsense']).status).toBe(2);
  });

  it('ticks and bytes are no longer choices: --sort ticks / --metric bytes is a usage error naming the allowed ones', () => {
    const input = samplePath('interp/a/run-1.prof');
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const cases: Array<[string[], string]> = [
      [['report', input, '--sort', 'ticks'], "option '--sort <metric>' argument 'ticks' is invalid"],
      [['folded', input, '--metric', 'ticks'], "option '--metric <metric>' argument 'ticks' is invalid"],
      [['flamegraph', input, '-o', join(scratch, 'f.svg'), '--metric', 'bytes'], "option '--metric <metric>' argument 'bytes' is invalid"],
    ];
    for (const [args, message] of cases) {
      const result = ghcprof(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      // One line of error (commander's), then the hint; no stack trace.
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe(`ghcprof: error: ${message}. Allowed choices are time, alloc, entries.`);
      expect(lines.slice(1)).toEqual(['(run with --help for usage)']);
    }
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('a truncated file: the report of what was read, and a warning', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const cut = join(scratch, 'cut.prof');
    const text = readSample('interp/a/run-1.prof');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.8)));
    const result = ghcprof(['report', cut, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*cut\.prof:\d+: file ends in the middle of line \d+ \(truncated\?\)/);
    // The rows before the cut line, read naively, and the shares they print.
    const kept = readSimpleReport(text.slice(0, text.lastIndexOf('\n', Math.floor(text.length * 0.8))));
    const timePct = kept.rows.reduce((sum, row) => sum + row.individualTimePct, 0);
    const allocPct = kept.rows.reduce((sum, row) => sum + row.individualAllocPct, 0);
    const json = JSON.parse(result.stdout) as { warnings: string[]; profile: { nodes: number } };
    expect(json.profile.nodes).toBe(kept.rows.length);
    // Two warnings: the cut line, and that -p's estimates cannot be reconciled with the header.
    expect(json.warnings).toHaveLength(2);
    expect(json.warnings[0]).toMatch(new RegExp(`file ends in the middle of line \\d+ \\(truncated\\?\\); ignored that line, kept the ${kept.rows.length} call-tree rows`));
    expect(json.warnings[1]).toContain(`the ${kept.rows.length} call-tree rows do not add up to the header totals of ${kept.totalTicks} ticks and ${kept.totalAllocBytes} bytes`);
    expect(json.warnings[1]).toContain(`%time sums to ${timePct.toFixed(1)}, %alloc to ${allocPct.toFixed(1)}`);
  });
});

describe('ghcprof folded', () => {
  it('writes the output file atomically with -o, leaving no temporary file', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const out = join(scratch, 'stacks.folded');
    const result = ghcprof(['folded', samplePath('interp/a/detailed-P.prof'), '-o', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(scratch)).toEqual(['stacks.folded']);
    const total = readFileSync(out, 'utf8').trim().split('\n').reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(total).toBe(readSimpleReport(readSample('interp/a/detailed-P.prof')).totalTicks);
  });

  it('a failed run leaves no output file behind', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const out = join(scratch, 'stacks.folded');
    const result = ghcprof(['folded', join(scratch, 'missing.prof'), '-o', out]);
    expect(result.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('reads stdin with -', () => {
    const result = ghcprof(['folded', '-', '--metric', 'alloc'], readFileSync(samplePath('interp/a/detailed-P.prof')));
    expect(result.status).toBe(0);
    const total = result.stdout.trim().split('\n').reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(total).toBe(readSimpleReport(readSample('interp/a/detailed-P.prof')).totalAllocBytes);
  });
});

describe('ghcprof aggregate', () => {
  it('--format json: runs, manifest, run metrics (seconds, bytes, RTS statistics) and cost centres with their statistics', () => {
    const dirNames = ['2026-11-24-02-10-3f2a1-interp-bench-loc-prof', '2026-11-24-02-20-3f2a1-interp-bench-loc-prof'];
    const dirs = dirNames.map((dir) => samplePath(`profnix/run/${dir}`));
    const profiles = dirNames.flatMap((dir) => [0, 1, 2].map((node) => `profnix/run/${dir}/node-${node}/cardano-node.prof`));
    const result = ghcprof(['aggregate', ...dirs, '--format', 'json', '--top', '5']);
    expect(result.status).toBe(0);
    type Summary = { n: number; median: number; estimated?: boolean };
    const json = JSON.parse(result.stdout) as {
      runs: { count: number; items: Array<{ source: string; node: string; totals: { ticks: number; allocBytes: number; secondsPerTick: number } }> };
      runDirectories: Array<{ manifest: Record<string, { commit: string | null }> }>;
      runMetrics: Array<{ name: string; title: string; unit: string; n: number; median: number }>;
      metrics: string[];
      estimated: string[];
      costCentres: Array<{ module: string; label: string; src: string; metrics: Record<string, Summary> }>;
    };
    expect(json.runs.count).toBe(6);
    const first = readSimpleReport(readSample(profiles[0]!));
    expect(json.runs.items[0]!.totals).toMatchObject({ ticks: first.totalTicks, allocBytes: first.totalAllocBytes, secondsPerTick: first.tickIntervalUs / 1e6 });
    expect(json.runDirectories[0]!.manifest['plutus-core']!.commit).toBeNull();
    // Run totals: the program's time in seconds and allocation in bytes, then the RTS statistics.
    expect(json.runMetrics.slice(0, 2).map(({ name, title, unit }) => [name, title, unit])).toEqual([
      ['time', 'total time', 'seconds'],
      ['alloc', 'total alloc', 'bytes'],
    ]);
    const runTime = json.runMetrics.find((metric) => metric.name === 'time')!;
    expect(runTime.n).toBe(6);
    expect(runTime.median).toBeCloseTo(median(profiles.map(headerTimeSecs)), 12);
    expect(json.runMetrics.find((metric) => metric.name === 'alloc')!.median).toBe(median(profiles.map((file) => readSimpleReport(readSample(file)).totalAllocBytes)));
    expect(json.runMetrics.find((metric) => metric.name === 'max_bytes_used')!.n).toBe(6);
    // Cost centres: the default amounts, -p's ticks and bytes marked as estimates.
    expect(json.metrics).toEqual(['time', 'alloc', 'entries']);
    expect(json.estimated).toEqual(['time', 'alloc']);
    expect(json.costCentres).toHaveLength(5);
    expect(Object.keys(json.costCentres[0]!.metrics).sort()).toEqual(['alloc', 'entries', 'time']);
    expect(Object.keys(json.costCentres[0]!.metrics['time']!)).toEqual(
      expect.arrayContaining(['n', 'mean', 'median', 'stddev', 'cv', 'min', 'max', 'ciLow', 'ciHigh', 'estimated']),
    );
    expect(json.costCentres[0]!.metrics['time']!.estimated).toBe(true);
    expect(json.costCentres[0]!.metrics['entries']!.estimated).toBe(false);
    // Sorted by median time (seconds), each median that of the files' own values.
    const medians = json.costCentres.map((row) => row.metrics['time']!.median);
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
    for (const row of json.costCentres) {
      expect(row.metrics['time']!.n).toBe(6);
      expect(row.metrics['time']!.median).toBeCloseTo(median(profiles.map((file) => pTimeSecs(file, row.module, row.label))), 12);
    }
  });

  it('text and markdown tables show centre ± spread and n: amounts by default, shares when asked', () => {
    const names = Array.from({ length: 8 }, (_, i) => `interp/a/run-${i + 1}.prof`);
    const files = names.map(samplePath);
    const text = ghcprof(['aggregate', ...files, '--top', '3']).stdout;
    expect(text).toMatch(/^Aggregate of 8 runs of interp$/m);
    expect(text).toMatch(/^Cost centres by median time \(top 3 of \d+; ≈ = estimated from -p percentages\):$/m);
    const lexemeSecs = median(names.map((file) => pTimeSecs(file, 'Main', 'lexeme')));
    expect(lexemeSecs).toBeGreaterThanOrEqual(0.01);
    expect(lexemeSecs).toBeLessThan(1);
    const lexemeEntries = readSimpleReport(readSample(names[0]!)).rows.filter((row) => row.label === 'lexeme').reduce((sum, row) => sum + row.entries, 0);
    const ms = (lexemeSecs * 1e3).toFixed(1).replace('.', '\\.');
    expect(text).toMatch(new RegExp(`^lexeme\\s+Main\\s+Interp\\.hs:25:1-22\\s+≈${ms} ms ± \\d+%\\s+≈\\d+(\\.\\d+)? MiB ± \\d+%\\s+${lexemeEntries} ± 0%\\s+8$`, 'm'));
    const markdown = ghcprof(['aggregate', ...files, '--top', '3', '--by', 'module', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/^\| MODULE \| time \| alloc \| entries \| n \|$/m);
    const shares = ghcprof(['aggregate', ...files, '--top', '3', '--by', 'module', '--format', 'markdown', '--metric', 'time-share', 'alloc-share', 'entries', '--sort', 'time-share']).stdout;
    expect(shares).toMatch(/^\| MODULE \| %time \| %alloc \| entries \| n \|$/m);
    expect(shares).toMatch(/Modules by median %time/);
  });
});

describe('ghcprof compare', () => {
  const runs = (build: string): string[] => Array.from({ length: 8 }, (_, i) => samplePath(`interp/${build}/run-${i + 1}.prof`));

  it('--format json rows carry both sides, delta, p and significance in seconds; --fail-on-regression gates', () => {
    const result = ghcprof(['compare', '--base', ...runs('a'), '--new', ...runs('b'), '--format', 'json', '--fail-on-regression', '20']);
    expect(result.status).toBe(1);
    type Side = { n: number; median: number; ciLow: number; ciHigh: number; mean: number };
    type Figure = { metric: string; base: Side; new: Side; change: number; deltaPct: number; p: number; pAdjusted: number; significant: boolean; tested: boolean; estimated: boolean };
    const json = JSON.parse(result.stdout) as {
      metrics: string[];
      totals: Array<Figure & { title: string; unit: string; worse: 'higher' | 'lower' | null }>;
      rows: Array<Figure & { module: string; label: string }>;
      added: unknown[];
      removed: unknown[];
      regressions: number;
      verdict: string;
    };
    expect(json.verdict).toBe('fail');
    expect(json.metrics).toEqual(['time', 'alloc', 'entries']);
    // Expected amounts, read from the files: eval's seconds per run, and each run's total.
    const names = (build: string): string[] => Array.from({ length: 8 }, (_, i) => `interp/${build}/run-${i + 1}.prof`);
    const [baseEval, newEval] = ['a', 'b'].map((build) => median(names(build).map((file) => pTimeSecs(file, 'Main', 'eval'))));
    const [baseTotal, newTotal] = ['a', 'b'].map((build) => median(names(build).map(headerTimeSecs)));
    const evalTime = json.rows.find((row) => row.label === 'eval' && row.metric === 'time')!;
    expect(evalTime).toMatchObject({ module: 'Main', significant: true, tested: true, estimated: true, base: { n: 8 }, new: { n: 8 } });
    expect(evalTime.base.median).toBeCloseTo(baseEval!, 12);
    expect(evalTime.new.median).toBeCloseTo(newEval!, 12);
    expect(evalTime.change).toBeCloseTo(newEval! - baseEval!, 12);
    expect(evalTime.deltaPct).toBeCloseTo(((newEval! - baseEval!) / baseEval!) * 100, 9);
    expect(evalTime.base.ciLow).toBeLessThanOrEqual(evalTime.base.median);
    expect(evalTime.base.ciHigh).toBeGreaterThanOrEqual(evalTime.base.median);
    expect(evalTime.pAdjusted).toBeGreaterThanOrEqual(evalTime.p);
    const totalTime = json.totals.find((total) => total.metric === 'time')!;
    expect(totalTime).toMatchObject({ title: 'total time', unit: 'seconds', worse: 'higher', estimated: false, tested: true });
    expect(totalTime.base.median).toBeCloseTo(baseTotal!, 12);
    expect(totalTime.new.median).toBeCloseTo(newTotal!, 12);
    // stderr lists each significant regression above 20%, run totals first.
    const header = /^ghcprof: (\d+) significant regressions? above 20%:$/m.exec(result.stderr)!;
    expect(Number(header[1])).toBe(json.regressions);
    const listed = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(listed).toHaveLength(json.regressions);
    expect(listed[0]).toMatch(/^ {2}total time: \+\d+\.\d% \(p(=0\.\d{3}|<0\.001) n=8\+8\)$/);
    const evalPct = (((newEval! - baseEval!) / baseEval!) * 100).toFixed(1);
    expect(listed).toContainEqual(expect.stringMatching(new RegExp(`^ {2}Main\\.eval time: \\+${evalPct.replace('.', '\\.')}% \\(p(=0\\.\\d{3}|<0\\.001) n=8\\+8\\)$`)));
    expect(ghcprof(['compare', '--base', ...runs('a'), '--new', ...runs('b'), '--fail-on-regression', '1000']).status).toBe(0);
  });

  it('--only-significant and --regressions keep only significant rows (increases for --regressions), run totals untouched', () => {
    type Json = { rows: Array<{ metric: string; label: string; significant: boolean; change: number }>; totals: unknown[] };
    const compare = (base: string, next: string, ...flags: string[]): Json => {
      const result = ghcprof(['compare', '--base', ...runs(base), '--new', ...runs(next), '--format', 'json', ...flags]);
      expect(result.status).toBe(0);
      return JSON.parse(result.stdout) as Json;
    };
    // a -> b: the significant changes are increases; b -> a: the same changes, as decreases.
    for (const [base, next] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const all = compare(base, next);
      const significant = compare(base, next, '--only-significant');
      const regressions = compare(base, next, '--regressions');
      expect(all.rows.some((row) => !row.significant)).toBe(true);
      expect(significant.rows.length).toBeGreaterThan(0);
      expect(significant.rows).toEqual(all.rows.filter((row) => row.significant));
      expect(regressions.rows).toEqual(all.rows.filter((row) => row.significant && row.change > 0));
      expect(significant.totals).toEqual(all.totals);
      expect(regressions.totals).toEqual(all.totals);
      if (base === 'a') expect(regressions.rows.length).toBeGreaterThan(0);
      else expect(regressions.rows).toEqual([]);
    }
  });

  it('one run per side: deltas read untested; --fail-on-regression has nothing to test and exits 2', () => {
    const [base, next] = [samplePath('interp/a/run-1.prof'), samplePath('interp/b/run-1.prof')];
    const text = ghcprof(['compare', '--base', base, '--new', next]);
    expect(text.status).toBe(0);
    const [baseSecs, newSecs] = ['interp/a/run-1.prof', 'interp/b/run-1.prof'].map(headerTimeSecs);
    const delta = ((newSecs! - baseSecs!) / baseSecs!) * 100;
    expect(text.stdout).toMatch(/^RUN TOTAL\s+base\s+new\s+delta$/m);
    expect(text.stdout).toContain(`${delta >= 0 ? '+' : ''}${delta.toFixed(1)}% untested (n=1+1; significance needs`);
    expect(text.stdout).toMatch(/^COST CENTRE \(time\)\s+MODULE\s+base\s+new\s+delta$/m);
    const gated = ghcprof(['compare', '--base', base, '--new', next, '--fail-on-regression', '5']);
    expect(gated.status).toBe(2);
    expect(gated.stdout).toBe('');
    expect(gated.stderr).toMatch(/^ghcprof: --fail-on-regression: nothing could be tested \(runs per side: 1 and 1; /);
  });

  it('a --metric one side cannot provide exits 2 naming that side', () => {
    const result = ghcprof(['compare', '--base', samplePath('interp/a/run-1.prof'), '--new', samplePath('interp/b/time.eventlog'), '--metric', 'alloc']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ghcprof: --metric alloc: the new build cannot provide it: /);
  });

  it('runs of different programs are refused unless --allow-different-programs', () => {
    const args = ['compare', '--base', samplePath('interp/a/run-1.prof'), '--new', samplePath('ledger/all-pa.prof'), '--format', 'json'];
    const refused = ghcprof(args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/different programs \(base: interp; new: ledger\).*--allow-different-programs/);
    const allowed = ghcprof([...args, '--allow-different-programs']);
    expect(allowed.status).toBe(0);
    expect((JSON.parse(allowed.stdout) as { note: string | null }).note).toMatch(/formats differ \(base: 1 -p; new: 1 -pa\)/);
  });

  it('BASE NEW run directories: manifest difference and a note on too few runs', () => {
    const result = ghcprof(['compare', samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof'), samplePath('profnix/run/2026-11-24-02-30-9c4e7-interp-bench-loc-prof')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cardano-node: 8.0.0 (3f2a1c0) -> 8.0.0 (9c4e7d1)');
    expect(result.stdout).toContain('plutus-core: 1.1.1.0 (no commit) -> 1.2.0.0 (no commit)');
    expect(result.stdout).toMatch(/significance needs 4 runs per side/);
  });

  it('Markdown output renders as tables', async () => {
    const { marked } = await import('marked');
    const markdown = ghcprof(['compare', '--base', ...runs('a'), '--new', ...runs('b'), '--format', 'markdown', '--top', '3']).stdout;
    const html = await marked.parse(markdown);
    // The run totals, then one table per default metric.
    expect((html.match(/<table>/g) ?? []).length).toBe(4);
    for (const title of ['RUN TOTAL', 'COST CENTRE (time)', 'COST CENTRE (alloc)', 'COST CENTRE (entries)']) expect(html).toMatch(new RegExp(`<th[^>]*>${title.replace(/[()]/g, '\\$&')}</th>`));
    expect(html).toMatch(/<td>&lt;\+&gt;<\/td>|<td>eval<\/td>/);
  });

  it('usage errors exit 2', () => {
    expect(ghcprof(['compare', samplePath('interp/a')]).status).toBe(2);
    expect(ghcprof(['compare', '--base', samplePath('interp/a/run-1.prof'), '--new', samplePath('interp/b/run-1.prof'), '--alpha', '3']).status).toBe(2);
  });
});

describe('ghcprof flamegraph', () => {
  it('picks the format from the output name: svg, html, speedscope, folded', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-flame-'));
    const input = samplePath('interp/a/detailed-P.prof');
    for (const name of ['f.svg', 'f.html', 'f.speedscope.json', 'f.folded']) {
      const result = ghcprof(['flamegraph', input, '-o', join(scratch, name)]);
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    }
    expect(readFileSync(join(scratch, 'f.svg'), 'utf8')).toMatch(/^<\?xml[^]*<svg /);
    expect(readFileSync(join(scratch, 'f.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect((JSON.parse(readFileSync(join(scratch, 'f.speedscope.json'), 'utf8')) as { profiles: unknown[] }).profiles).toHaveLength(2);
    expect(readFileSync(join(scratch, 'f.folded'), 'utf8')).toBe(ghcprof(['folded', input]).stdout);
    expect(ghcprof(['flamegraph', input, '-o', join(scratch, 'f.png')]).status).toBe(2);
    expect(ghcprof(['flamegraph', input, '-o', '-', '--format', 'svg']).stdout).toMatch(/<svg /);
  });

  it('several runs draw their mean; speedscope keeps one profile per run and metric', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-flame-'));
    const runs = [1, 2, 3].map((n) => samplePath(`interp/a/run-${n}.prof`));
    expect(ghcprof(['flamegraph', ...runs, '-o', join(scratch, 'mean.svg')]).status).toBe(0);
    expect(readFileSync(join(scratch, 'mean.svg'), 'utf8')).toContain('mean of 3 runs');
    expect(ghcprof(['flamegraph', ...runs, '-o', join(scratch, 'runs.speedscope.json')]).status).toBe(0);
    const speedscope = JSON.parse(readFileSync(join(scratch, 'runs.speedscope.json'), 'utf8')) as { profiles: Array<{ name: string }> };
    expect(speedscope.profiles).toHaveLength(6);
  });
});

describe('ghcprof report --html', () => {
  it('one self-contained page: header, tables, the flamegraph viewer; eventlogs add the summary', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-html-'));
    const page = join(scratch, 'report.html');
    expect(ghcprof(['report', samplePath('interp/a/detailed-P.prof'), '--html', page, '--top', '5']).status).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<iframe class="flamegraph"');
    expect(html).toMatch(/<td>lexeme<\/td><td>Main<\/td><td>Interp\.hs:25:1-22<\/td>/);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    const eventlogPage = join(scratch, 'eventlog.html');
    expect(ghcprof(['report', samplePath('interp/a/time.eventlog'), '--html', eventlogPage]).status).toBe(0);
    expect(readFileSync(eventlogPage, 'utf8')).toContain('<h2>Eventlog summary</h2>');
  });

  it('several files with --html are refused before anything is written (the page showed the first alone)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-html-'));
    const page = join(scratch, 'report.html');
    const run = ghcprof(['report', samplePath('interp/a/run-1.prof'), samplePath('interp/a/run-2.prof'), '--html', page]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ghcprof: --html writes the page of one profile, and 2 were given: run report --html once per file (or compare them: ghcprof compare)\n');
    expect(run.stdout).toBe('');
    expect(existsSync(page)).toBe(false);
  });

  it('the heap chart of an eventlog\'s page carries its legend', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-html-'));
    const page = join(scratch, 'heap.html');
    // A log of -p and -hc together: time samples and heap censuses.
    expect(ghcprof(['report', samplePath('interp/a/corrupt-p-hc.eventlog'), '--html', page]).status).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<h2>Heap over time</h2>');
    expect(html.match(/<g class="legend-entry">/g)?.length).toBeGreaterThan(1);
  });
});
