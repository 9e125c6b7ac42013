// Progress while a large input is read, on a terminal only: judged by the text the input
// holds, so a small .gz of much text (big.prof.gz: 3.9 MB of 60 MB) gets a bar too, counted in
// compressed bytes. The terminal is a pseudo-terminal from util-linux's `script`.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../support/samples.js';
import { ghcprof, ghcprofBin } from '../support/run-ghcprof.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) console.log('util-linux `script` not found: progress on a terminal not tested');

const quoted = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** What a terminal shows (stderr; stdout is thrown away) while the command runs on one. */
function onTerminal(args: string[]): string {
  const command = [process.execPath, ghcprofBin, ...args].map(quoted).join(' ');
  const result = spawnSync('script', ['-qec', `${command} > /dev/null`, '/dev/null'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('a gzipped profile of much text gets a bar, in compressed megabytes', () => {
    const shown = onTerminal(['report', samplePath('big/big.prof.gz'), '--top', '1']);
    expect(shown).toContain(`reading ${samplePath('big/big.prof.gz')}`);
    expect(shown).toMatch(/\d+\/4 MB compressed/);
  });

  it('a small profile gets none', () => {
    expect(onTerminal(['report', samplePath('interp/a/detailed-P.prof'), '--top', '1'])).not.toContain('reading');
  });
});

describe('progress elsewhere', () => {
  it('never when stderr is no terminal', () => {
    const outcome = ghcprof(['report', samplePath('big/big.prof.gz'), '--top', '1']);
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe('');
  });
});
