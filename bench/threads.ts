// `aggregate` of eight runs of the big profile with one thread and with two: worker threads
// parse the profiles while the main thread merges them, for the same output byte for byte.
// Beside it, what the machine itself gives two: two one-thread processes of four runs each,
// at once, against one process of all eight (two cores that share caches, memory and V8's
// own helper threads give less than 2x to any program).
import { copyFileSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { best, line, wallOfTogether } from './measure.js';

const RUNS = 3;
const COPIES = 8;
const TARGET_SPEEDUP = 1.7;

export async function benchThreads(scratch: string, samplesDir: string): Promise<void> {
  const profiles = Array.from({ length: COPIES }, (_, i) => {
    const copy = join(scratch, `big-${i + 1}.prof.gz`);
    copyFileSync(join(samplesDir, 'big/big.prof.gz'), copy);
    return copy;
  });
  console.log(`\naggregate of ${COPIES} x big.prof.gz (60 MB unzipped, 458,804 rows each) on ${availableParallelism()} cores, best of ${RUNS}:`);
  const outputs = ['1', '2'].map((threads) => join(scratch, `aggregate-threads-${threads}.json`));
  const [one, two] = ['1', '2'].map((threads, i) => best('cli', ['aggregate', ...profiles, '--threads', threads, '--format', 'json', '-o', outputs[i]!], RUNS));
  console.log(line('ghcprof aggregate --threads 1', one!));
  console.log(line('ghcprof aggregate --threads 2', two!));
  const same = readFileSync(outputs[0]!, 'utf8') === readFileSync(outputs[1]!, 'utf8');
  const speedup = one!.secs / two!.secs;
  console.log(`  speed-up ${speedup.toFixed(2)}x with 2 threads (target >= ${TARGET_SPEEDUP}x): ${speedup >= TARGET_SPEEDUP ? 'ok' : 'MISSED'}; output ${same ? 'identical' : 'DIFFERS'}`);
  const halves = [profiles.slice(0, COPIES / 2), profiles.slice(COPIES / 2)];
  let together = Infinity;
  for (let i = 0; i < RUNS; i++) together = Math.min(together, await wallOfTogether('cli', halves.map((half, h) => ['aggregate', ...half, '--threads', '1', '--format', 'json', '-o', join(scratch, `aggregate-half-${h}.json`)])));
  console.log(`  the machine's own: two one-thread processes of ${COPIES / 2} runs each at once ${together.toFixed(2)} s, ${(one!.secs / together).toFixed(2)}x one process of ${COPIES}`);
}
