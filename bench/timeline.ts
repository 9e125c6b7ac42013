// The timeline and the run store: `timeline` over the 60 sample runs read from their files and
// from a store holding them (the store is there so months of runs answer without re-parsing),
// and `store add` of the big profile (time, and what it costs on disk).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { best, line, runTask } from './measure.js';

const RUNS = 3;

export function benchTimeline(scratch: string, samplesDir: string): void {
  const runs = join(samplesDir, 'timeline/run');
  const store = join(scratch, 'timeline.sqlite');
  runTask('cli', ['store', 'add', runs, '--store', store]);
  console.log(`\ntimeline of samples/timeline/run (10 builds, 60 runs), best of ${RUNS}:`);
  const files = best('cli', ['timeline', runs, '--format', 'json', '-o', join(scratch, 'timeline-files.json')], RUNS);
  const stored = best('cli', ['timeline', '--store', store, '--format', 'json', '-o', join(scratch, 'timeline-store.json')], RUNS);
  console.log(line('from the files', files));
  console.log(line('from the store', stored));
  console.log(`  store / files: ${(stored.secs / files.secs).toFixed(2)}x (store ${(statSync(store).size / 1024).toFixed(0)} KiB for 60 runs)`);

  const bigStore = join(scratch, 'big.sqlite');
  const add = runTask('cli', ['store', 'add', join(samplesDir, 'big/big.prof.gz'), '--store', bigStore]);
  console.log(`\nstore add of big.prof.gz (60 MB unzipped, 458,804 rows), one run:`);
  console.log(line('ghcprof store add', add));
  console.log(`  database ${(statSync(bigStore).size / 1024).toFixed(0)} KiB`);
}
