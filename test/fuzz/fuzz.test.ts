// The fuzzer inside `npm test` (issue #13): a short run with a fixed seed over every parser and
// the CLI (the built dist/ and bin/: `npm run build` first), which must find nothing; and the
// fuzzer's own parts: mutations replay from their seed, outcomes are classified as the
// project's standard for bad input says. `npm run fuzz` is the long run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.js';
import { classifyCli, type CaseFacts, type CliRun } from './classify.js';
import { runFuzz } from './fuzz-run.js';
import { MUTATION_NAMES, MUTATIONS, mutate, type MutationContext } from './mutators.js';
import { fuzzReport } from './report.js';
import { projectRoot } from './seeds.js';
import { WatchedWorker } from './watched-worker.js';

const SEED = 13;

/** Small enough for a few seconds per target; `npm run fuzz` uses 100 KB lines and 200 KB seeds. */
const SHORT_RUN = { parserCount: 150, cliCount: 4, timeLimitMs: 5000, longLineBytes: 8 << 10, maxSeedBytes: 64 << 10 } as const;

beforeAll(() => {
  for (const entry of ['dist/src/node.js', 'dist/ghcprof.mjs']) {
    if (!existsSync(join(projectRoot, entry))) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  }
});

describe('fuzz: a short seeded run', () => {
  it('every parser and the CLI over mutated samples: no crash, hang, stack trace, multi-line error or error without a location', async () => {
    const outDirectory = mkdtempSync(join(tmpdir(), 'ghcprof-fuzz-test-'));
    const result = await runFuzz({ seed: SEED, ...SHORT_RUN, outDirectory, log: (line) => console.log(line) });
    const replay = `npm run fuzz -- --seed ${SEED} --long-line ${SHORT_RUN.longLineBytes} --max-seed-bytes ${SHORT_RUN.maxSeedBytes} --time-limit ${SHORT_RUN.timeLimitMs / 1000}`;
    const report = fuzzReport(result, SEED, replay, outDirectory);
    if (result.findings.length > 0) console.log(report.join('\n'));
    else rmSync(outDirectory, { recursive: true, force: true });
    expect(result.stats.every((stats) => stats.ran === stats.planned)).toBe(true);
    const failures = result.findings.filter((group) => group.verdict === 'failure');
    expect(failures.map((group) => `${group.kind} (${group.targetKind}): ${group.first.classified.detail}`)).toEqual([]);
  }, 180_000);
});

describe('fuzz: the watchdog', () => {
  it('a parse that does not answer within the limit is a hang; the next case gets a fresh worker', async () => {
    const bytes = new Uint8Array(readFileSync(join(projectRoot, 'samples/ledger/all-pa.prof')));
    const hurried = new WatchedWorker(1);
    try {
      expect((await hurried.run({ target: 'read-profile', bytes, source: 'all-pa.prof', variant: 0 })).kind).toBe('hang');
      expect((await hurried.run({ target: 'parse-run-meta', bytes: new TextEncoder().encode('{'), source: 'meta.json', variant: 0 })).kind).not.toBe('died');
    } finally {
      await hurried.close();
    }
  }, 60_000);
});

describe('fuzz: mutations', () => {
  const context = (seed: number): MutationContext => {
    const random = seededRandom(seed);
    return { random, longLineBytes: 1000, donor: () => new TextEncoder().encode('donor bytes\n') };
  };
  const sample = new TextEncoder().encode('\tTue Nov 24 01:05 2026 Time and Allocation Profiling Report  (Final)\n\n\t   total time  =        0.29 secs   (294 ticks @ 1000 us, 1 processor)\nMAIN MAIN <built-in> 183 0 0.0 0.0 100.0 100.0\n');

  it('replay from their seed: the same seed makes the same bytes', () => {
    for (let seed = 0; seed < 200; seed++) expect(mutate(sample, context(seed))).toEqual(mutate(sample, context(seed)));
  });

  it('each applies to text and to empty input without throwing', () => {
    for (const mutation of MUTATIONS) {
      for (let seed = 0; seed < 20; seed++) {
        expect(mutation.apply(sample, context(seed))).toBeInstanceOf(Uint8Array);
        expect(mutation.apply(new Uint8Array(0), context(seed))).toBeInstanceOf(Uint8Array);
      }
    }
  });

  it('long-line inserts a line of the configured length', () => {
    const longLine = MUTATIONS.find((mutation) => mutation.name === 'long-line')!;
    expect(longLine.apply(sample, context(1)).length).toBeGreaterThanOrEqual(sample.length + 1000);
    expect(MUTATION_NAMES).toContain('truncate-at-line');
  });
});

describe('fuzz: classifying a CLI run', () => {
  const facts: CaseFacts = { inputBytes: 100, onlyTruncated: false, endIsMarked: false, timeLimitMs: 10_000 };
  const run = (status: number | null, stderr: string, stdout = 'output\n'): CliRun => ({ status, signal: null, timedOut: false, stdout, stderr, outputBytes: 0 });
  const names = ['/tmp/x.prof'];

  it('a clean error: exit 2, one line naming the file and a line or byte, warnings beside it', () => {
    expect(classifyCli(run(2, 'ghcprof: /tmp/x.prof:12: expected 6 columns\n'), names, facts).verdict).toBe('clean-error');
    expect(classifyCli(run(2, 'ghcprof: warning: /tmp/x.prof: cut\nghcprof: /tmp/x.prof: byte 40: bad event\n'), names, facts).verdict).toBe('clean-error');
    expect(classifyCli(run(2, 'ghcprof: /tmp/x.prof: --metric alloc: this profile records no allocation\n'), names, facts).verdict).toBe('clean-error');
    expect(classifyCli(run(2, 'ghcprof: warning: /tmp/x.prof: byte 9: cut short\nghcprof: /tmp/x.prof: no time profile to aggregate\n'), names, facts).verdict).toBe('clean-error');
  });

  it('failures: no location, several lines, internal error, stack trace, hang, stray stderr', () => {
    const kind = (cli: CliRun): string | undefined => classifyCli(cli, names, facts).kind;
    expect(kind(run(2, 'ghcprof: /tmp/x.prof: invalid JSON\n'))).toBe('error without location');
    expect(kind(run(2, 'ghcprof: bad input\n'))).toBe('error without file name');
    expect(kind(run(2, 'ghcprof: /tmp/x.prof: no time profile here\n'))).toBe('error without location');
    expect(kind(run(2, 'ghcprof: /tmp/x.prof:3: bad\nrow text\n'))).toBe('multi-line error');
    expect(kind(run(3, 'ghcprof: internal error: x is undefined\n'))).toBe('internal error');
    expect(kind(run(1, 'TypeError: x\n    at f (file.js:1:2)\n'))).toBe('stack trace');
    expect(kind({ ...run(null, ''), timedOut: true })).toBe('hang');
    expect(kind(run(0, '/tmp/x.prof: byte 3: cut short\n'))).toBe('stderr line that is no warning');
  });

  it('exit 0 with nothing out of a non-empty input is a suspect, not a failure', () => {
    expect(classifyCli(run(0, '', ''), names, facts).verdict).toBe('suspect');
    expect(classifyCli(run(0, 'ghcprof: warning: /tmp/x.prof: no samples\n', ''), names, facts).verdict).toBe('ok');
  });
});
