// `npm run golden`: after the build, rewrites test/golden/<name>.txt for every case of GOLDEN_CASES
// and removes golden files no case names. Stops, writing nothing, if a case does not exit 0.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GOLDEN_CASES, goldenDir, goldenPath, runCli } from './golden-cases.js';
import { projectRoot } from './samples.js';

const runs = await Promise.all(Object.entries(GOLDEN_CASES).map(async ([name, args]) => ({ name, args, run: await runCli(args) })));
const failed = runs.filter(({ run }) => run.status !== 0);
for (const { name, args, run } of failed) console.error(`${name}: ghcprof ${args.join(' ')} exited ${run.status}\n${run.stderr}`);
if (failed.length > 0) process.exit(1);

mkdirSync(goldenDir, { recursive: true });
const read = (path: string): Buffer | null => {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
};
for (const { name, run } of runs) {
  const path = goldenPath(name);
  const before = read(path);
  if (before !== null && before.equals(run.stdout)) continue;
  writeFileSync(path, run.stdout);
  console.log(`${before === null ? 'wrote' : 'updated'} ${relative(projectRoot, path)}`);
}
for (const file of readdirSync(goldenDir).filter((file) => file.endsWith('.txt') && !Object.hasOwn(GOLDEN_CASES, file.slice(0, -'.txt'.length)))) {
  rmSync(join(goldenDir, file));
  console.log(`removed ${relative(projectRoot, join(goldenDir, file))} (no case of that name)`);
}
console.log(`${runs.length} golden files in ${relative(projectRoot, goldenDir)}/`);
