// Names in profiles are program text (issue #13): a sample profile whose cost centres are
// renamed to hostile text, run through the built CLI in every text format. No name may split a
// line or a frame, close a Markdown fence, become HTML or a spreadsheet formula, or drive the
// terminal; JSON keeps the exact text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { withUserMarkers } from '../support/eventlog-edit.js';
import { projectRoot, readSample, sampleBytes } from '../support/samples.js';

function ghcprof(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/ghcprof.js'), ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(args: string[]): string {
  const run = ghcprof(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Each hostile label, what it replaces in the sample, and how text outputs show it. */
const HOSTILE = [
  { original: 'lexeme', label: 'lex\nMAIN.MAIN;Fake.injected 999999\n', shown: 'lex\\x0aMAIN.MAIN;Fake.injected 999999\\x0a' },
  { original: 'eval', label: 'ev;al', shown: 'ev;al' },
  { original: 'symbol', label: 'sym\n```\n<script>alert(1)</script>\n```', shown: 'sym\\x0a```\\x0a<script>alert(1)</script>\\x0a```' },
  { original: 'ident', label: '=cmd|" /C calc"!A0', shown: '=cmd|" /C calc"!A0' },
  { original: 'expr', label: '\u001b[31mred\u001b[0m\u0007\u009b\u202e', shown: '\\x1b[31mred\\x1b[0m\\x07\\x9b\\u202e' },
] as const;

/** Control characters a terminal acts on (all of C0 but the line feed ending each line, DEL, C1) and bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'ghcprof-hostile-'));
const ORIGINAL = join(projectRoot, 'samples/interp/a/run-1.json.prof');

interface CostCentreJson {
  label: string;
  module: string;
}

function profileCostCentres(): CostCentreJson[] {
  return (JSON.parse(readSample('interp/a/run-1.json.prof')) as { cost_centres: CostCentreJson[] }).cost_centres;
}

/** The -pj sample with cost centres renamed (the JSON format allows any string as a label). */
function writeRenamed(name: string, rename: (label: string) => string): string {
  const profile = JSON.parse(readSample('interp/a/run-1.json.prof')) as { cost_centres: CostCentreJson[] };
  for (const costCentre of profile.cost_centres) costCentre.label = rename(costCentre.label);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(profile));
  return path;
}

const HOSTILE_PROFILE = writeRenamed('hostile.json.prof', (label) => HOSTILE.find((entry) => entry.original === label)?.label ?? label);
const HUGE_NAME = 'L'.repeat(2 << 20);
const HUGE_PROFILE = writeRenamed('huge.json.prof', (label) => (label === 'lexeme' ? HUGE_NAME : label));

describe('hostile cost-centre names in every text output', () => {
  it('folded: one line per stack as for the original names; `;` and line breaks in a frame are escaped', () => {
    const original = ok(['folded', ORIGINAL]).trimEnd().split('\n');
    const hostile = ok(['folded', HOSTILE_PROFILE]).trimEnd().split('\n');
    expect(hostile).toHaveLength(original.length);
    // Every frame is `Module.label` of a module the profile has: no injected frame.
    const modules = new Set(profileCostCentres().map((costCentre) => costCentre.module));
    for (const line of hostile) {
      expect(line).not.toMatch(TERMINAL_CONTROL);
      for (const frame of line.replace(/ \d+$/, '').split(';')) expect(modules.has(frame.slice(0, frame.indexOf('.'))), frame).toBe(true);
    }
    // Back to the original names (`;` written \x3b in folded frames), the lines are the original ones.
    const folded = (shown: string): string => shown.replace(/;/g, '\\x3b');
    const restored = hostile.map((line) => HOSTILE.reduce((text, entry) => text.split(`Main.${folded(entry.shown)}`).join(`Main.${entry.original}`), line));
    expect(restored).toEqual(original);
  });

  it('text report: each name on its row, control characters shown as escapes, no ESC byte', () => {
    const original = ok(['report', ORIGINAL, '--top', '0', '--tree']);
    const hostile = ok(['report', HOSTILE_PROFILE, '--top', '0', '--tree']);
    expect(hostile).not.toMatch(TERMINAL_CONTROL);
    expect(hostile.split('\n')).toHaveLength(original.split('\n').length);
    for (const entry of HOSTILE) expect(hostile).toContain(entry.shown);
    expect(hostile.split('\n').some((line) => line.startsWith('MAIN.MAIN;Fake'))).toBe(false);
  });

  it('JSON keeps the exact names', () => {
    const labels = (JSON.parse(ok(['report', HOSTILE_PROFILE, '--top', '0', '--format', 'json'])) as { costCentres: Array<{ label: string }> }).costCentres.map((row) => row.label);
    for (const entry of HOSTILE) expect(labels).toContain(entry.label);
  });

  it('Markdown report: one table row per centre; rendered, no name becomes HTML or code', () => {
    const markdown = ok(['report', HOSTILE_PROFILE, '--top', '0', '--format', 'markdown']);
    expect(markdown).not.toMatch(TERMINAL_CONTROL);
    const tokens = marked.lexer(markdown);
    const table = tokens.find((token) => token.type === 'table') as Token & { rows: Array<Array<{ text: string }>> };
    const rows = (JSON.parse(ok(['report', HOSTILE_PROFILE, '--top', '0', '--format', 'json'])) as { costCentres: unknown[] }).costCentres.length;
    expect(table.rows).toHaveLength(rows);
    expect(tokens.filter((token) => token.type === 'code' || token.type === 'html')).toEqual([]);
    const html = marked.parse(markdown, { async: false });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<code/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('compare --format markdown: the centres only one side has stay inside their one code block', () => {
    const markdown = ok(['compare', ORIGINAL, HOSTILE_PROFILE, '--format', 'markdown']);
    expect(markdown).not.toMatch(TERMINAL_CONTROL);
    const tokens = marked.lexer(markdown);
    const code = tokens.filter((token) => token.type === 'code') as Array<Token & { text: string }>;
    expect(code).toHaveLength(1);
    for (const entry of HOSTILE) expect(code[0]!.text).toContain(`Main.${entry.shown}`);
    expect(code[0]!.text).toContain('only in base (removed)');
    expect(tokens.filter((token) => token.type === 'html')).toEqual([]);
    expect(marked.parse(markdown, { async: false })).not.toMatch(/<script/i);
  });

  it('compare --format text: no control characters; each added centre on its one line', () => {
    const text = ok(['compare', ORIGINAL, HOSTILE_PROFILE]);
    expect(text).not.toMatch(TERMINAL_CONTROL);
    for (const entry of HOSTILE) expect(text.split('\n').filter((line) => line.startsWith(`  Main.${entry.shown} `))).toHaveLength(1);
  });

  it('aggregate: text and Markdown show the names inert, CSV neutralises the formula', () => {
    const runs = [HOSTILE_PROFILE, HOSTILE_PROFILE];
    const text = ok(['aggregate', ...runs, '--top', '0']);
    const markdown = ok(['aggregate', ...runs, '--top', '0', '--format', 'markdown']);
    const csv = ok(['aggregate', ...runs, '--top', '0', '--format', 'csv']);
    for (const output of [text, markdown, csv]) expect(output).not.toMatch(TERMINAL_CONTROL);
    for (const entry of HOSTILE) expect(text).toContain(entry.shown);
    expect(marked.parse(markdown, { async: false })).not.toMatch(/<script|<code/i);
    expect(csv.split('\n').filter((line) => line.startsWith(`"'=cmd|"" /C calc""!A0",Main,`))).toHaveLength(1);
  });

  it('CSV: one record per line, a text cell that could be a formula starts with a quote, numbers stay numbers', () => {
    const csv = ok(['report', HOSTILE_PROFILE, '--top', '0', '--format', 'csv']);
    expect(csv).not.toMatch(TERMINAL_CONTROL);
    const lines = csv.trimEnd().split('\n');
    const rows = (JSON.parse(ok(['report', HOSTILE_PROFILE, '--top', '0', '--format', 'json'])) as { costCentres: unknown[] }).costCentres.length;
    expect(lines).toHaveLength(rows + 1);
    expect(lines.filter((line) => line.startsWith(`"'=cmd|"" /C calc""!A0",Main,`))).toHaveLength(1);
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('a 2 MB name: text and Markdown print it elided, quickly; JSON has it whole', () => {
    const started = performance.now();
    const text = ok(['report', HUGE_PROFILE, '--top', '0', '--tree']);
    const markdown = ok(['report', HUGE_PROFILE, '--top', '0', '--tree', '--format', 'markdown']);
    expect(performance.now() - started).toBeLessThan(20_000);
    for (const output of [text, markdown]) {
      expect(output.length).toBeLessThan(1 << 20);
      expect(output).toMatch(/LLL…LLL/);
    }
    const labels = (JSON.parse(ok(['report', HUGE_PROFILE, '--top', '0', '--format', 'json'])) as { costCentres: Array<{ label: string }> }).costCentres.map((row) => row.label);
    expect(labels).toContain(HUGE_NAME);
  });

  it('heap: a band name with ESC and BEL is shown as escapes', () => {
    // A band's name ends at the tab and the line: ESC and BEL can be in it, a line break cannot.
    const hp = readSample('interp/a/heap.hp').replace(/^\(408\)symbol\/expr\.lamE\/expr\.\.\.\t/gm, '(408)\u001b]0;pwned\u0007fake\t');
    const path = join(dir, 'hostile.hp');
    writeFileSync(path, hp);
    const text = ok(['heap', path, '--top', '0', '--format', 'text']);
    expect(text).not.toMatch(TERMINAL_CONTROL);
    // The reader drops GHC's `(408)` cost-centre number from the band's name.
    expect(text).toContain('\\x1b]0;pwned\\x07fake');
  });

  it('eventlog: a user marker with ESC and a line break is shown on its one row', () => {
    const log = withUserMarkers(sampleBytes('workers/n2.eventlog'), [{ timeNs: 1000, name: 'phase\n\u001b[2Jcleared' }]);
    const path = join(dir, 'hostile.eventlog');
    writeFileSync(path, log);
    const text = ok(['eventlog', path]);
    expect(text).not.toMatch(TERMINAL_CONTROL);
    expect(text.split('\n').filter((line) => line.endsWith('phase\\x0a\\x1b[2Jcleared'))).toHaveLength(1);
  });

  it('the hostile inputs are what the tests think (the JSON profile holds the raw names)', () => {
    const raw = readFileSync(HOSTILE_PROFILE, 'utf8');
    for (const entry of HOSTILE) expect(raw).toContain(JSON.stringify(entry.label));
  });
});
