// Runs of different programs drawn as one mean answer no question: flamegraph refuses them
// unless asked, as compare does; speedscope keeps each run apart and names the programs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';

const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-programs-'));
const interp = 'samples/interp/a/run-1.prof';
const ledger = 'samples/ledger/run-1.prof';

describe('runs of different programs', () => {
  it.each([['svg'], ['html'], ['folded']])('flamegraph -o x.%s refuses their mean, naming both programs', async (ending) => {
    const run = await runCli(['flamegraph', interp, ledger, '-o', join(scratch, `mean.${ending}`)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ghcprof: the runs are of different programs (interp, ledger): their mean is no run of either; give runs of one program, or pass --allow-different-programs\n');
  });

  it('flamegraph draws them with --allow-different-programs, and runs of one program without it', async () => {
    expect((await runCli(['flamegraph', interp, ledger, '-o', join(scratch, 'both.svg'), '--allow-different-programs'])).status).toBe(0);
    expect((await runCli(['flamegraph', interp, 'samples/interp/a/run-2.prof', '-o', join(scratch, 'one.svg')])).status).toBe(0);
  });

  it('a speedscope file keeps each run a profile of its own and names both programs', async () => {
    const output = join(scratch, 'both.speedscope.json');
    expect((await runCli(['flamegraph', interp, ledger, '-o', output])).status).toBe(0);
    const file = JSON.parse(readFileSync(output, 'utf8')) as { name: string; profiles: Array<{ name: string }> };
    expect(file.name).toBe('interp, ledger: 2 runs');
    // A profile per run and metric.
    expect(new Set(file.profiles.map((profile) => profile.name.replace(/: \w+$/, '')))).toEqual(new Set([interp, ledger]));
  });

  it('compare refuses them too', async () => {
    const run = await runCli(['compare', interp, ledger]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('different programs');
  });
});
