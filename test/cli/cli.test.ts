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
    expect(json.costCentres[0]).toMatchObject({ label: 'lexeme', module: 'Main', ticks: 92 });
  });

  it('-pj: nodes counts the zero-cost stacks the JSON lists', () => {
    const raw = readSample('interp/a/run-1.json.prof');
    const result = ghcprof(['report', samplePath('interp/a/run-1.json.prof'), '--format', 'json', '--top', '0']);
    const json = JSON.parse(result.stdout) as { profile: { nodes: number; format: string } };
    expect(json.profile.format).toBe('prof-json');
    expect(json.profile.nodes).toBe((raw.match(/"entries":/g) ?? []).length);
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

  it('asking for exact ticks of a -p profile explains what to do', () => {
    const result = ghcprof(['folded', samplePath('interp/a/run-1.prof'), '--metric', 'ticks']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no exact ticks .* use --metric time/);
  });

  it('a truncated file: the report of what was read, and a warning', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-cli-'));
    const cut = join(scratch, 'cut.prof');
    const text = readSample('interp/a/run-1.prof');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.8)));
    const result = ghcprof(['report', cut, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*cut\.prof: file ends in the middle of line \d+ \(truncated\?\)/);
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toHaveLength(1);
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
  it('--format json: runs, manifest, run metrics and cost centres with their statistics', () => {
    const dirs = ['2026-11-24-02-10-3f2a1-interp-bench-loc-prof', '2026-11-24-02-20-3f2a1-interp-bench-loc-prof'].map((dir) => samplePath(`profnix/run/${dir}`));
    const result = ghcprof(['aggregate', ...dirs, '--format', 'json', '--top', '5']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      runs: { count: number; items: Array<{ source: string; node: string; totals: { ticks: number } }> };
      runDirectories: Array<{ manifest: Record<string, { commit: string | null }> }>;
      runMetrics: Array<{ name: string; n: number }>;
      costCentres: Array<{ module: string; label: string; src: string; metrics: Record<string, Record<string, number>> }>;
    };
    expect(json.runs.count).toBe(6);
    expect(json.runs.items[0]!.totals.ticks).toBe(readSimpleReport(readSample('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof/node-0/cardano-node.prof')).totalTicks);
    expect(json.runDirectories[0]!.manifest['plutus-core']!.commit).toBeNull();
    expect(json.runMetrics.find((metric) => metric.name === 'max_bytes_used')!.n).toBe(6);
    expect(json.costCentres).toHaveLength(5);
    expect(Object.keys(json.costCentres[0]!.metrics).sort()).toEqual(['allocPct', 'entries', 'timePct']);
    expect(Object.keys(json.costCentres[0]!.metrics['timePct']!)).toEqual(
      expect.arrayContaining(['n', 'mean', 'median', 'stddev', 'cv', 'min', 'max', 'ciLow', 'ciHigh']),
    );
  });

  it('text and markdown tables show centre ± spread and n', () => {
    const files = Array.from({ length: 8 }, (_, i) => samplePath(`interp/a/run-${i + 1}.prof`));
    const text = ghcprof(['aggregate', ...files, '--top', '3']).stdout;
    expect(text).toMatch(/^Aggregate of 8 runs of interp$/m);
    expect(text).toMatch(/^lexeme\s+Main\s+Interp\.hs:25:1-22\s+\d+\.\d ± \d+%\s+\d+\.\d ± \d+%\s+15 ± 0%\s+8$/m);
    const markdown = ghcprof(['aggregate', ...files, '--top', '3', '--by', 'module', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/^\| MODULE \| %time \| %alloc \| entries \| n \|$/m);
  });
});

describe('ghcprof compare', () => {
  const runs = (build: string): string[] => Array.from({ length: 8 }, (_, i) => samplePath(`interp/${build}/run-${i + 1}.prof`));

  it('--format json rows carry both sides, delta, p and significance; --fail-on-regression gates', () => {
    const result = ghcprof(['compare', '--base', ...runs('a'), '--new', ...runs('b'), '--format', 'json', '--fail-on-regression', '20']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/significant regressions? above 20%:\n {2}Main\.eval timePct: \+\d+\.\d% \(p=/);
    const json = JSON.parse(result.stdout) as {
      rows: Array<{ module: string; label: string; metric: string; base: { n: number; median: number; ciLow: number; ciHigh: number }; new: { n: number }; deltaPct: number; p: number; significant: boolean }>;
      added: unknown[];
      removed: unknown[];
      verdict: string;
    };
    expect(json.verdict).toBe('fail');
    const evalTime = json.rows.find((row) => row.label === 'eval' && row.metric === 'timePct')!;
    expect(evalTime).toMatchObject({ module: 'Main', significant: true, base: { n: 8 }, new: { n: 8 } });
    expect(evalTime.base.ciLow).toBeLessThanOrEqual(evalTime.base.median);
    expect(ghcprof(['compare', '--base', ...runs('a'), '--new', ...runs('b'), '--fail-on-regression', '1000']).status).toBe(0);
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
    expect((html.match(/<table>/g) ?? []).length).toBe(3);
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
});
