// Inputs far larger than the samples' usual: whole trees of hundreds of thousands of rows and
// profiles of hundreds of thousands of cost centres are printed, not "internal error" (a data-sized
// array spread into Math.max overflowed the stack) and not in minutes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';
import { sampleBytes } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-large-'));

/** Rows of a -p call tree in the file: the lines after its header with a stack number and entries. */
function treeRowCount(text: string): number {
  const tree = text.slice(text.indexOf('\n', text.lastIndexOf('COST CENTRE')));
  return tree.split('\n').filter((line) => /^\s*\S+\s+\S+\s+\S+\s+\d+\s+\d+\s/.test(line)).length;
}

/** A -p report of `count` cost centres, each called once from MAIN, as GHC lays it out. */
function wideProfile(count: number): string {
  const lines = [
    '\tWed Dec  2 12:00 2026 Time and Allocation Profiling Report  (Final)',
    '',
    '\t   wide +RTS -p -RTS',
    '',
    '\ttotal time  =        2.00 secs   (2000 ticks @ 1000 us, 1 processor)',
    '\ttotal alloc =  20,000,000 bytes  (excludes profiling overheads)',
    '',
    'COST CENTRE  MODULE SRC             %time %alloc',
    '',
    'f0           M0     M.hs:0:1-5      100.0  100.0',
    '',
    '',
    '                                                              individual      inherited',
    'COST CENTRE                    MODULE   SRC                   no.      entries  %time %alloc   %time %alloc',
    '',
    'MAIN                           MAIN     <built-in>              1            0    0.0    0.0   100.0  100.0',
  ];
  for (let i = 0; i < count; i++) {
    const pct = i === 0 ? '100.0' : '  0.0';
    lines.push(` ${`f${i}`.padEnd(30)} ${`M${i % 50}`.padEnd(8)} ${`M.hs:${i}:1-5`.padEnd(20)} ${String(i + 2).padStart(5)} ${'1'.padStart(12)}  ${pct}  ${pct}   ${pct}  ${pct}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('large inputs', () => {
  it('report --tree prints every row of samples/big/big.prof.gz', async () => {
    const rows = treeRowCount(gunzipSync(sampleBytes('big/big.prof.gz')).toString('utf8'));
    const output = join(scratch, 'big-tree.txt');
    const run = await runCli(['report', '--tree', '--depth', '1000000', '--min', '0', '--top', '1', 'samples/big/big.prof.gz', '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = readFileSync(output, 'utf8');
    const tree = printed.slice(printed.indexOf('Call tree'));
    // The tree table: a title, a blank line, the header, then a line per row.
    expect(tree.split('\n').filter((line) => line.length > 0).length - 2).toBe(rows);
  }, 60_000);

  it.each([['report'], ['aggregate']])('%s --top 0 lists all 200,000 cost centres of a wide profile', async (command) => {
    const path = join(scratch, 'wide.prof');
    writeFileSync(path, wideProfile(200_000));
    const run = await runCli([command, '--top', '0', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const names = new Set(run.stdout.toString('utf8').match(/\bf\d+\b/g));
    expect(names.size).toBe(200_000);
  }, 60_000);

  it.each([['svg'], ['html']])('heap -o x.%s draws a .hp file of 200,000 censuses', async (format) => {
    const path = join(scratch, 'many.hp');
    const censuses = 200_000;
    const lines = ['JOB "many"', 'DATE "Wed Dec  2 12:00 2026"', 'SAMPLE_UNIT "seconds"', 'VALUE_UNIT "bytes"'];
    for (let i = 0; i < censuses; i++) {
      const time = (i * 0.01).toFixed(6);
      lines.push(`BEGIN_SAMPLE ${time}`, `a\t${1000 + (i % 7)}`, `b\t${10 + (i % 3)}`, `END_SAMPLE ${time}`);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    const output = join(scratch, `many.${format}`);
    const run = await runCli(['heap', path, '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const band = /<polygon class="band" points="([^"]+)"/.exec(readFileSync(output, 'utf8'));
    // Each census is a point on the band's upper edge and one on its lower edge.
    expect(band![1]!.split(' ')).toHaveLength(2 * censuses);
  }, 60_000);
});
