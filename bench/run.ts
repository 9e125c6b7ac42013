// `npm run bench`: each figure beside a floor measured in the same run, so read ratios.
// `npm run bench -- PART...` runs only those parts (names in `parts` below), e.g. `eventlog-1gb`.
import { existsSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { benchEvents } from './events.js';
import { best, line } from './measure.js';
import { benchEventlogLarge, benchEventlogSummary } from './eventlog.js';
import { benchProfSpeed } from './speed.js';
import { benchThreads } from './threads.js';
import { benchTimeline } from './timeline.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-bench-'));

async function gunzipTo(source: string, target: string): Promise<string> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
  return target;
}

async function benchPictures(): Promise<void> {
  const big = join(scratch, 'big.prof');
  if (!existsSync(big)) await gunzipTo(join(samples, 'big/big.prof.gz'), big);
  const sizeMB = statSync(big).size / 1e6;
  console.log(`\nflamegraphs of big.prof (458,767 nodes), best of 3 (parsing included):`);
  for (const [name, output, extra] of [
    ['ghcprof flamegraph .svg', 'big.svg', []],
    ['ghcprof flamegraph .html', 'big.html', []],
    ['  .html --min-width 0.01', 'big-fine.html', ['--min-width', '0.01']],
    ['ghcprof flamegraph .speedscope', 'big.speedscope.json', []],
  ] as const) {
    const result = best('cli', ['flamegraph', big, '-o', join(scratch, output), ...extra], 3);
    console.log(`${line(name, result, sizeMB)}  (${(Number(result.detail['outputBytes']) / 1024).toFixed(0)} KiB)`);
  }
}

/** The parts in the order a full run takes them. */
const parts: Record<string, () => Promise<void> | void> = {
  speed: async () => benchProfSpeed(scratch, await gunzipTo(join(samples, 'big/big.prof.gz'), join(scratch, 'big.prof'))),
  eventlog: () => benchEventlogSummary(scratch, samples),
  events: () => benchEvents(scratch, samples),
  'eventlog-1gb': () => benchEventlogLarge(scratch, samples),
  pictures: benchPictures,
  threads: () => benchThreads(scratch, samples),
  timeline: () => benchTimeline(scratch, samples),
};

function chosenParts(names: string[]): string[] {
  const unknown = names.filter((name) => !(name in parts));
  if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; parts: ${Object.keys(parts).join(', ')}`);
  return names.length > 0 ? names : Object.keys(parts);
}

try {
  for (const name of chosenParts(process.argv.slice(2))) await parts[name]!();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
