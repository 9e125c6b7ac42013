// compare --html: one page holding what the text report says and more, for a CI job to attach.
// What the page shows is checked against the same comparison's JSON and the runs' meta.json.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-compare-html-'));
const RUNS = 'samples/profnix/run';
const BASE = [`${RUNS}/2026-11-24-02-10-3f2a1-interp-bench-loc-prof`, `${RUNS}/2026-11-24-02-20-3f2a1-interp-bench-loc-prof`];
const NEW = [`${RUNS}/2026-11-24-02-30-9c4e7-interp-bench-loc-prof`];
const INTERP = ['samples/interp/a', 'samples/interp/b'];

interface JsonRow {
  metric: string;
  module: string;
  label: string;
  significant: boolean;
  withinPrintPrecision: boolean;
}

const unescape = (text: string): string => text.replace(/&(lt|gt|quot|amp|#39);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[name]!);

function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table class="sortable" id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (table === null) return [];
  return [...table[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((row) => [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => unescape(cell[1]!)));
}

describe('compare --html', () => {
  it('the significant rows are those the JSON calls significant, per metric; every row of the text is in the JSON', async () => {
    const page = join(scratch, 'interp.html');
    const run = await runCli(['compare', ...INTERP, '--html', page, '--format', 'json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout.toString('utf8')) as { rows: JsonRow[]; metrics: string[]; alpha: number };
    const html = readFileSync(page, 'utf8');
    for (const metric of json.metrics) {
      const expected = json.rows.filter((row) => row.metric === metric && row.significant && !row.withinPrintPrecision).map((row) => `${row.module}.${row.label}`);
      const shown = tableRows(html, `rows-${metric}`).map((cells) => `${cells[1]}.${cells[0]}`);
      expect(shown.sort()).toEqual(expected.sort());
    }
    expect(html).toMatch(/significant changes? \(\d+ worse, \d+ better\) in \d+ tests/);
    expect(html).toContain(`alpha ${json.alpha}`);
    expect(html).toContain('base: 10 runs of interp');
    expect(tableRows(html, 'totals').map((cells) => cells[0])).toEqual(['total time', 'total alloc']);
    expect(html).toContain('<iframe class="flamegraph" title="differential flamegraph" srcdoc="');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  it('with --fail-on-regression: the verdict, as the exit code says', async () => {
    const page = join(scratch, 'gate.html');
    const run = await runCli(['compare', ...INTERP, '--html', page, '--fail-on-regression', '5']);
    expect(run.status).toBe(1);
    const count = Number(/^ghcprof: (\d+) significant regressions? above 5%:/.exec(run.stderr)![1]);
    expect(readFileSync(page, 'utf8')).toContain(`<p class="verdict worse">FAIL: ${count} significant regression${count === 1 ? '' : 's'} above 5%;`);
    const pass = join(scratch, 'pass.html');
    expect((await runCli(['compare', INTERP[0]!, INTERP[0]!, '--html', pass, '--fail-on-regression', '5'])).status).toBe(0);
    expect(readFileSync(pass, 'utf8')).toContain('<p class="verdict better">PASS: no significant regression above 5%;');
  });

  it('profnix run directories: the manifest difference, from their meta.json', async () => {
    const page = join(scratch, 'profnix.html');
    expect((await runCli(['compare', '--base', ...BASE, '--new', ...NEW, '--html', page])).status).toBe(0);
    type Manifest = Record<string, { version?: string; commit?: string }>;
    const manifestOf = (dir: string): Manifest => (JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { meta: { manifest: Manifest } }).meta.manifest;
    const [before, after] = [manifestOf(BASE[0]!), manifestOf(NEW[0]!)];
    const changed = Object.keys({ ...before, ...after }).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    expect(changed.length).toBeGreaterThan(0);
    const rows = tableRows(readFileSync(page, 'utf8'), 'manifest');
    expect(rows.map((cells) => cells[0]).sort()).toEqual(changed.sort());
    const shown = (entry: Manifest[string] | undefined): string => (entry === undefined ? 'absent' : `${entry.version ?? '?'} (${entry.commit?.slice(0, 7) ?? 'no commit'})`);
    for (const cells of rows) {
      expect(cells[1]).toBe(shown(before[cells[0]!]));
      expect(cells[2]).toBe(shown(after[cells[0]!]));
    }
  });

  it('a bad --html path fails before anything is written', async () => {
    const output = join(scratch, 'report.txt');
    const run = await runCli(['compare', ...INTERP, '-o', output, '--html', join(scratch, 'no/such/dir/page.html')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no\/such\/dir/);
    expect(existsSync(output)).toBe(false);
  });
});
