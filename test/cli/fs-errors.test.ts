// A run directory broken on disk (a folder where meta.json should be, a .stats file or profile
// that cannot be read, a node folder that cannot be listed, a link that loops) is bad input:
// every command says so in one line naming the file, exit 2, however many threads read it
// (with 2, the profiles and their .stats are read in worker threads, and the error crosses
// back). Never "internal error". Unreadable files are unreadable only to a user the mode bits
// apply to: as root the commands run as `nobody`.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateRuns } from '../../src/node.js';
import { samplePath } from '../support/samples.js';
import { expectOneLineError, ghcprof } from '../support/run-ghcprof.js';

const SAMPLE_RUN = samplePath('profnix/run/2026-11-24-02-30-9c4e7-interp-bench-loc-prof');
const OTHER_RUN = samplePath('profnix/run/2026-11-24-02-10-3f2a1-interp-bench-loc-prof');

/** A copy of the sample run directory that `nobody` can read, broken by `breakIt`. */
function brokenRun(breakIt: (run: string) => void): string {
  const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-fs-errors-'));
  chmodSync(scratch, 0o755);
  const run = join(scratch, 'run');
  cpSync(SAMPLE_RUN, run, { recursive: true });
  breakIt(run);
  return run;
}

const cases: Array<{ name: string; breakIt: (run: string) => void; culprit: string; reason: string }> = [
  {
    name: 'meta.json that is a folder',
    breakIt: (run) => {
      rmSync(join(run, 'meta.json'));
      mkdirSync(join(run, 'meta.json'));
    },
    culprit: 'meta.json',
    reason: 'is a directory',
  },
  {
    name: 'a .stats file that cannot be read',
    breakIt: (run) => chmodSync(join(run, 'node-1/cardano-node.stats'), 0),
    culprit: 'node-1/cardano-node.stats',
    reason: 'permission denied',
  },
  {
    name: 'a profile that cannot be read',
    breakIt: (run) => chmodSync(join(run, 'node-2/cardano-node.prof'), 0),
    culprit: 'node-2/cardano-node.prof',
    reason: 'permission denied',
  },
  {
    name: 'a node folder that cannot be listed',
    breakIt: (run) => chmodSync(join(run, 'node-1'), 0),
    culprit: 'node-1',
    reason: 'permission denied',
  },
  {
    name: 'a profile that is a link to itself',
    breakIt: (run) => {
      rmSync(join(run, 'node-2/cardano-node.prof'));
      symlinkSync('cardano-node.prof', join(run, 'node-2/cardano-node.prof'));
    },
    culprit: 'node-2/cardano-node.prof',
    reason: 'too many levels of symbolic links',
  },
];

describe('a broken run directory is a one-line error naming the file', () => {
  for (const { name, breakIt, culprit, reason } of cases) {
    it(`${name}: aggregate, compare, timeline, flamegraph and store add, with 1 and 2 threads`, () => {
      const run = brokenRun(breakIt);
      // Outputs go where `nobody` may write.
      const scratch = join(run, '..', 'out');
      mkdirSync(scratch);
      chmodSync(scratch, 0o777);
      const commands = [
        ['aggregate', run, '--threads', '1'],
        ['aggregate', run, '--threads', '2'],
        ['compare', OTHER_RUN, run, '--threads', '2'],
        ['timeline', OTHER_RUN, run],
        ['flamegraph', run, '-o', join(scratch, 'mean.svg')],
        ['store', 'add', run, '--store', join(scratch, 'runs.db'), '--threads', '2'],
      ];
      for (const args of commands) {
        const outcome = ghcprof(args, { unprivileged: true });
        expect(() => expectOneLineError(outcome, join(run, culprit), reason), args.join(' ')).not.toThrow();
      }
    });
  }

  it('the library: aggregateRuns rejects with the same one-line message', async () => {
    const run = brokenRun((dir) => {
      rmSync(join(dir, 'meta.json'));
      mkdirSync(join(dir, 'meta.json'));
    });
    await expect(aggregateRuns([run])).rejects.toThrow(`${join(run, 'meta.json')}: is a directory, expected a file`);
  });
});
