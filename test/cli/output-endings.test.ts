// An output's name says what it is: heap -o x.png was text inside a .png.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-endings-'));
const hp = 'samples/interp/a/heap.hp';

describe('heap -o', () => {
  it('an ending heap does not write is a usage error naming the ones it does, and nothing is written', async () => {
    const path = join(scratch, 'heap.png');
    const run = await runCli(['heap', hp, '-o', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`ghcprof: -o ${path}: .png is no output this command writes; end the name in .svg, .html, .htm, .txt, .text, .json, .csv (or give none)\n`);
    expect(existsSync(path)).toBe(false);
  });

  it('.json and .csv name the table format; .svg and .html a chart; a name without an ending is text', async () => {
    const json = join(scratch, 'heap.json');
    expect((await runCli(['heap', hp, '-o', json])).status).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as { series: { source: string } }).series.source).toBe(hp);
    const csv = join(scratch, 'heap.CSV');
    expect((await runCli(['heap', hp, '-o', csv])).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('BAND,peak bytes,at (s),byte seconds,%area,mean bytes,samples');
    const svg = join(scratch, 'heap.svg');
    expect((await runCli(['heap', hp, '-o', svg])).status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg /);
    const plain = join(scratch, 'heap-table');
    expect((await runCli(['heap', hp, '-o', plain])).status).toBe(0);
    expect(readFileSync(plain, 'utf8')).toMatch(/^samples\/interp\/a\/heap\.hp {2}\(heap profile/);
    // --format still says, whatever the name.
    expect((await runCli(['heap', hp, '-o', join(scratch, 'table.txt'), '--format', 'csv'])).status).toBe(0);
    expect(readFileSync(join(scratch, 'table.txt'), 'utf8')).toMatch(/^BAND,/);
  });
});

describe('flamegraph -o', () => {
  it('an ending it does not write is a usage error, even with --format: never an SVG inside a .png', async () => {
    const path = join(scratch, 'flame.png');
    const run = await runCli(['flamegraph', 'samples/interp/a/run-1.prof', '-o', path, '--format', 'svg']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`ghcprof: -o ${path}: .png is no output this command writes; end the name in .speedscope.json, .svg, .html, .htm, .folded (or give none)\n`);
    expect(existsSync(path)).toBe(false);
  });

  it('without -o, the interactive page beside the first input, its path printed', async () => {
    const { copyFileSync } = await import('node:fs');
    const input = join(scratch, 'run-1.prof');
    copyFileSync('samples/interp/a/run-1.prof', input);
    const run = await runCli(['flamegraph', input]);
    expect(run.status).toBe(0);
    expect(run.stdout.toString('utf8')).toBe(`${input}.flame.html\n`);
    expect(readFileSync(`${input}.flame.html`, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const stdin = await runCli(['flamegraph', '-']);
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toBe('ghcprof: the input is stdin: give -o FILE (.svg, .html, .speedscope.json or .folded)\n');
  });
});

describe('heap without -o', () => {
  it('writes the chart page beside the input and prints its path; --format text or -o - print the table', async () => {
    const { copyFileSync } = await import('node:fs');
    const input = join(scratch, 'heap.hp');
    copyFileSync(hp, input);
    const run = await runCli(['heap', input]);
    expect(run.status).toBe(0);
    expect(run.stdout.toString('utf8')).toBe(`${input}.heap.html\n`);
    expect(readFileSync(`${input}.heap.html`, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg /);
    for (const args of [['--format', 'text'], ['-o', '-']]) {
      expect((await runCli(['heap', input, ...args])).stdout.toString('utf8')).toMatch(/^\S*heap\.hp {2}\(heap profile/);
    }
  });
});

describe('compare --flamegraph and timeline -o', () => {
  it('take a picture ending in any case, and refuse other endings', async () => {
    const sides = ['--base', 'samples/interp/a/run-1.prof', '--new', 'samples/interp/b/run-1.prof'];
    const svg = join(scratch, 'diff.SVG');
    expect((await runCli(['compare', ...sides, '--flamegraph', svg])).status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<\?xml[^>]*>\s*<svg /);
    const png = join(scratch, 'diff.png');
    const refused = await runCli(['compare', ...sides, '--flamegraph', png]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('ghcprof: --flamegraph: end the file name in .svg or .html\n');
    expect(existsSync(png)).toBe(false);
    const page = join(scratch, 'trend.HTML');
    expect((await runCli(['timeline', 'samples/profnix/run', '-o', page])).status).toBe(0);
    expect(readFileSync(page, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*id="trend-data"/);
  });
});
