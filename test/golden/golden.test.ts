// The text outputs people read, byte for byte: each case's stdout of the built CLI equals its file
// under test/golden/ (the cases: test/support/golden-cases.ts). After an intended change of an
// output, `npm run golden` rewrites the files; review the diff.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenDir, goldenPath, runCli } from '../support/golden-cases.js';
import { projectRoot } from '../support/samples.js';

const HINT = 'run `npm run golden` after an intended change of the output, and review the diff';

describe.concurrent('golden outputs (node bin/ghcprof.js ..., NO_COLOR=1)', () => {
  for (const [name, args] of Object.entries(GOLDEN_CASES)) {
    it(`${name}: ghcprof ${args.join(' ')}`, async () => {
      const path = goldenPath(name);
      const file = relative(projectRoot, path);
      const run = await runCli(args);
      expect(run.status, `exit status; stderr:\n${run.stderr}`).toBe(0);
      expect(existsSync(path), `${file} is missing: run \`npm run golden\` to write it`).toBe(true);
      const expected = readFileSync(path);
      // The text first, for a readable diff; then the bytes.
      expect(run.stdout.toString('utf8'), `${file} differs: ${HINT}`).toBe(expected.toString('utf8'));
      expect(run.stdout.equals(expected), `${file} differs in its bytes: ${HINT}`).toBe(true);
    });
  }

  it('every golden file has its case', () => {
    const stray = readdirSync(goldenDir).filter((file) => file.endsWith('.txt') && !Object.hasOwn(GOLDEN_CASES, file.slice(0, -'.txt'.length)));
    expect(stray, `golden files no case names: ${HINT}`).toEqual([]);
  });
});
