// Colour on a terminal: compare's verdicts (regressions red, improvements green, no change dim)
// and bold headings; never into a file or pipe unless asked, never with NO_COLOR, never in
// JSON, CSV or Markdown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wantsColour } from '../../src/cli/colour.js';
import { runCli } from '../support/golden-cases.js';

const SIDES = ['samples/interp/a', 'samples/interp/b'];
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';

interface JsonRow {
  metric: string;
  label: string;
  change: number;
  significant: boolean;
  tested: boolean;
  withinPrintPrecision: boolean;
}

describe('compare --color always', () => {
  it('each delta is red when the JSON says significantly up, green when significantly down, dim when not significant', async () => {
    const coloured = (await runCli(['compare', ...SIDES, '--top', '0', '--metric', 'time', 'alloc', '--color', 'always'])).stdout.toString('utf8');
    const json = JSON.parse((await runCli(['compare', ...SIDES, '--top', '0', '--metric', 'time', 'alloc', '--format', 'json'])).stdout.toString('utf8')) as { rows: JsonRow[] };
    let checked = 0;
    let metric = '';
    for (const line of coloured.split('\n')) {
      const heading = new RegExp(`^${BOLD.replace('[', '\\[')}COST CENTRE \\((\\w+)\\)`).exec(line);
      if (heading !== null) metric = heading[1]!;
      const row = /^(\S+)\s+Main\s/.exec(line);
      if (row === null || metric === '') continue;
      const found = json.rows.find((candidate) => candidate.metric === metric && candidate.label === row[1]);
      expect(found, line).toBeDefined();
      const expected = !found!.tested ? null : !found!.significant || found!.withinPrintPrecision ? DIM : found!.change > 0 ? RED : GREEN;
      if (expected === null) expect(line).not.toContain('\x1b[3');
      else expect(line).toContain(`${expected}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(coloured).toContain(`${BOLD}RUN TOTAL\x1b[0m`);
    expect(coloured).toContain(RED);
    expect(coloured).toContain(DIM);
  });

  it('columns line up as without colour: taking the codes out gives the plain text', async () => {
    const coloured = (await runCli(['compare', ...SIDES, '--color', 'always'])).stdout.toString('utf8');
    const plain = (await runCli(['compare', ...SIDES])).stdout.toString('utf8');
    // eslint-disable-next-line no-control-regex -- the codes are what is taken out
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
    expect(plain).not.toContain('\x1b');
  });

  it('never in JSON, CSV or Markdown, nor with --color never', async () => {
    for (const format of ['json', 'csv', 'markdown']) {
      expect((await runCli(['compare', ...SIDES, '--format', format, '--color', 'always'])).stdout.toString('utf8')).not.toContain('\x1b');
    }
    expect((await runCli(['aggregate', SIDES[0]!, '--color', 'never'])).stdout.toString('utf8')).not.toContain('\x1b');
    expect((await runCli(['aggregate', SIDES[0]!, '--color', 'always'])).stdout.toString('utf8')).toContain(`${BOLD}COST CENTRE\x1b[0m`);
    expect((await runCli(['heap', 'samples/interp/a/heap.hp', '--format', 'text', '--color', 'always'])).stdout.toString('utf8')).toContain(`${BOLD}BAND\x1b[0m`);
    expect((await runCli(['report', 'samples/interp/a/run-1.prof', '--color', 'always'])).stdout.toString('utf8')).toContain(`${BOLD}COST CENTRE\x1b[0m`);
    expect((await runCli(['timeline', 'samples/timeline/run', '--color', 'always'])).stdout.toString('utf8')).toMatch(new RegExp(`${BOLD.replace('[', '\\[')}\\S`));
    expect((await runCli(['timeline', 'samples/timeline/run'])).stdout.toString('utf8')).not.toContain('\x1b');
  });
});

describe('--color auto', () => {
  const tty = process.stdout.isTTY;
  const noColour = process.env['NO_COLOR'];
  const term = process.env['TERM'];
  afterEach(() => {
    process.stdout.isTTY = tty;
    if (noColour === undefined) delete process.env['NO_COLOR'];
    else process.env['NO_COLOR'] = noColour;
    if (term === undefined) delete process.env['TERM'];
    else process.env['TERM'] = term;
    vi.restoreAllMocks();
  });

  it('colours a terminal only: not a file, not with NO_COLOR set, not a dumb terminal; always and never say so', () => {
    process.stdout.isTTY = true;
    delete process.env['NO_COLOR'];
    process.env['TERM'] = 'xterm-256color';
    expect(wantsColour('auto', undefined)).toBe(true);
    expect(wantsColour('auto', '-')).toBe(true);
    expect(wantsColour('auto', 'out.txt')).toBe(false);
    process.env['NO_COLOR'] = '1';
    expect(wantsColour('auto', undefined)).toBe(false);
    expect(wantsColour('always', 'out.txt')).toBe(true);
    process.env['NO_COLOR'] = '';
    expect(wantsColour('auto', undefined)).toBe(true);
    process.env['TERM'] = 'dumb';
    expect(wantsColour('auto', undefined)).toBe(false);
    process.stdout.isTTY = false;
    process.env['TERM'] = 'xterm';
    expect(wantsColour('auto', undefined)).toBe(false);
    expect(wantsColour('never', undefined)).toBe(false);
  });
});
