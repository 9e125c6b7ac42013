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
