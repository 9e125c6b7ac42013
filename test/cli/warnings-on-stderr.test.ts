// Warnings go to stderr in every format, with their location, and never into the output: in the
// text report they were lost with `-o file`, and JSON/CSV/Markdown printed them without a line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';
import { readSample } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-warnings-'));
const text = readSample('interp/a/run-1.prof');
// Cut in the middle of a call-tree row: GHC always ends the file with a newline.
const cutAt = text.lastIndexOf('\n', Math.floor(text.length * 0.8)) + 10;
const cutLine = text.slice(0, cutAt).split('\n').length;
const cut = join(scratch, 'cut.prof');
writeFileSync(cut, text.slice(0, cutAt));

describe('warnings', () => {
  it.each([['text'], ['json'], ['csv'], ['markdown']])('report --format %s -o FILE: the cut line is warned of on stderr, with its line, and not written to the file', async (format) => {
    const output = join(scratch, `report.${format}`);
    const run = await runCli(['report', cut, '--format', format, '-o', output]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`ghcprof: warning: ${cut}:${cutLine}: file ends in the middle of line ${cutLine} (truncated?)`);
    const written = readFileSync(output, 'utf8');
    expect(written.length).toBeGreaterThan(0);
    // JSON carries them as data too, located.
    if (format === 'json') expect((JSON.parse(written) as { warnings: string[] }).warnings.filter((warning) => warning.startsWith(`${cut}:${cutLine}: file ends in the middle`))).toHaveLength(1);
    else expect(written).not.toContain('truncated?');
  });

  it('every warning line on stderr has the one prefix', async () => {
    const run = await runCli(['report', cut]);
    const lines = run.stderr.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^ghcprof: warning: \S*cut\.prof:\d+: /);
  });
});

describe('no input with a time profile', () => {
  const heapOnly = 'samples/interp/a/heap.eventlog';

  it('aggregate says why each input was left out, then names the one input in the error', async () => {
    const run = await runCli(['aggregate', heapOnly]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(`ghcprof: warning: ${heapOnly}: no time-profile samples; left out of the aggregate`);
    expect(lines.at(-1)).toBe(`ghcprof: ${heapOnly}: no time profile to aggregate`);
  });

  it('several inputs are counted; compare says which side', async () => {
    expect((await runCli(['aggregate', heapOnly, heapOnly])).stderr.trimEnd().split('\n').at(-1)).toBe('ghcprof: none of the 2 inputs has a time profile to aggregate');
    const compare = await runCli(['compare', heapOnly, 'samples/interp/a/run-1.prof']);
    expect(compare.status).toBe(2);
    expect(compare.stderr.trimEnd().split('\n').at(-1)).toBe(`ghcprof: base: ${heapOnly}: no time profile to compare`);
  });
});
