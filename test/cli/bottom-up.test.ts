// `report --bottom-up` and `flamegraph --bottom-up` through the built CLI, in every output format,
// with numbers from the files: the roots' costs add up to GHC's header totals, each root is what
// GHC's flat table says of its cost centre; and big.prof (458,767 rows) goes through whole.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ghcprof } from '../support/run-ghcprof.js';
import { readSample, sampleBytes, samplePath } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

const detailed = samplePath('interp/a/detailed-P.prof');

interface BottomUpJsonRow {
  depth: number;
  label: string;
  module: string;
  src: string | null;
  entries: number | null;
  timePct: number;
  allocPct: number | null;
  ticks: number | null;
  bytes: number | null;
  estimated: boolean;
}

/** A folded file's weights per stack. */
function foldedWeights(text: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const line of text.trimEnd().split('\n')) {
    const at = line.lastIndexOf(' ');
    weights.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return weights;
}

describe('ghcprof report --bottom-up', () => {
  it('json: every cost centre (--top 0) as a root, adding up to the header totals, each over its callers', () => {
    const simple = readSimpleReport(readSample('interp/a/detailed-P.prof'));
    const result = ghcprof(['report', detailed, '--bottom-up', '--top', '0', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const rows = (JSON.parse(result.stdout) as { bottomUp: BottomUpJsonRow[] }).bottomUp;
    const roots = rows.filter((row) => row.depth === 0);
    expect(roots.reduce((sum, row) => sum + row.ticks!, 0)).toBe(simple.totalTicks);
    expect(roots.reduce((sum, row) => sum + row.bytes!, 0)).toBe(simple.totalAllocBytes);
    // eval is called from one place: all of its 83 ticks under main.\.(...).
    const evalAt = rows.findIndex((row) => row.depth === 0 && row.label === 'eval');
    expect(rows[evalAt]).toMatchObject({ module: 'Main', ticks: 83, estimated: false });
    expect(rows[evalAt + 1]).toMatchObject({ depth: 1, label: 'main.\\.(...)', ticks: 83 });
  });

  it('text, csv and markdown: the section after the flat table, pruned by --depth and --min', () => {
    const text = ghcprof(['report', detailed, '--bottom-up', '--top', '2', '--depth', '1', '--min', '5']);
    expect(text.status, text.stderr).toBe(0);
    const section = text.stdout.slice(text.stdout.indexOf('\nBottom-up: cost centres by individual time'));
    expect(section.split('\n').slice(3, 7)).toEqual([
      'COST CENTRE    MODULE  SRC                         entries  %time  %alloc  ticks        bytes',
      'lexeme         Main    Interp.hs:25:1-22                15   38.3    49.8     92  563,280,928',
      ' expr.atom     Main    Interp.hs:(40,5)-(43,49)          1   25.4    32.5     61  367,745,808',
      ' symbol        Main    Interp.hs:28:1-24                13   12.5    17.3     30  195,511,072',
    ]);
    const csv = ghcprof(['report', detailed, '--bottom-up', '--top', '2', '--depth', '1', '--min', '5', '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('\ndepth,COST CENTRE,MODULE,SRC,entries,%time,%alloc,ticks,bytes\n0,lexeme,Main,Interp.hs:25:1-22,15,38.3,49.8,92,563280928\n1,expr.atom,');
    const markdown = ghcprof(['report', detailed, '--bottom-up', '--top', '2', '--depth', '1', '--min', '5', '--format', 'markdown']);
    expect(markdown.status, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain('#### Bottom-up\n');
    expect(markdown.stdout).toContain('| 1 | main.\\\\.(...) | Main | Interp.hs:110:11-61 | 3114416 | 34.6 | 19.3 | 83 | 218240744 |');
  });
});

describe('ghcprof flamegraph --bottom-up', () => {
  it('svg, html, speedscope and folded: the inverted tree; folded lines are the stacks leaf first', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-bottom-up-'));
    for (const name of ['f.svg', 'f.html', 'f.speedscope.json', 'f.folded']) {
      const result = ghcprof(['flamegraph', detailed, '--bottom-up', '--inverted', '--metric', 'alloc', '-o', join(scratch, name)]);
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    }
    expect(readFileSync(join(scratch, 'f.svg'), 'utf8')).toContain('<title>all cost centres\n');
    expect(readFileSync(join(scratch, 'f.html'), 'utf8')).toContain('all cost centres');
    const speedscope = JSON.parse(readFileSync(join(scratch, 'f.speedscope.json'), 'utf8')) as { shared: { frames: Array<{ name: string }> }; profiles: Array<{ name: string; endValue: number; samples: number[][] }> };
    const simple = readSimpleReport(readSample('interp/a/detailed-P.prof'));
    expect(speedscope.profiles.map((profile) => profile.endValue)).toEqual([simple.totalTicks * 1000 * simple.tickIntervalUs, simple.totalAllocBytes]);
    // Every sample ends at MAIN (no recursion in this file cuts a chain short).
    for (const sample of speedscope.profiles[0]!.samples) expect(speedscope.shared.frames[sample.at(-1)!]!.name).toBe('MAIN.MAIN');
    const topDown = foldedWeights(ghcprof(['folded', detailed, '--metric', 'alloc']).stdout);
    const reversed = new Map([...topDown].map(([stack, weight]) => [stack.split(';').reverse().join(';'), weight]));
    expect(foldedWeights(readFileSync(join(scratch, 'f.folded'), 'utf8'))).toEqual(reversed);
  });
});

describe('bottom-up on samples/big/big.prof.gz (458,767 rows)', () => {
  const big = samplePath('big/big.prof.gz');

  it('report --bottom-up completes; its roots are the flat table', { timeout: 30_000 }, () => {
    const result = ghcprof(['report', big, '--bottom-up', '--top', '3', '--sort', 'entries', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { costCentres: Array<{ label: string; module: string; entries: number }>; bottomUp: BottomUpJsonRow[] };
    const roots = json.bottomUp.filter((row) => row.depth === 0);
    expect(roots.map((row) => [row.label, row.module, row.entries])).toEqual(json.costCentres.map((row) => [row.label, row.module, row.entries]));
    expect(json.bottomUp.length).toBeGreaterThan(1000);
  });

  it('flamegraph --bottom-up folded completes, weighing every tick of the header once', { timeout: 30_000 }, () => {
    const totalTicks = readSimpleReportHeader(gunzipSync(sampleBytes('big/big.prof.gz')).toString('utf8'));
    const result = ghcprof(['flamegraph', big, '--bottom-up', '-o', '-', '--format', 'folded']);
    expect(result.status, result.stderr).toBe(0);
    expect([...foldedWeights(result.stdout).values()].reduce((sum, weight) => sum + weight, 0)).toBe(totalTicks);
  });
});

/** The header's total ticks, read off the text as GHC printed it. */
function readSimpleReportHeader(text: string): number {
  return Number(/\((\d+) ticks @/.exec(text.slice(0, 2000))![1]);
}
