// `npm run bench`: each figure beside a floor measured in the same run, so read ratios.
import { copyFileSync, existsSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { benchEvents } from './events.js';
import { best, line, runTask, type TaskResult } from './measure.js';
import { benchTimeline } from './timeline.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-bench-'));

async function gunzipTo(source: string, target: string): Promise<string> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
  return target;
}

async function benchProf(): Promise<void> {
  const big = await gunzipTo(join(samples, 'big/big.prof.gz'), join(scratch, 'big.prof'));
  const sizeMB = statSync(big).size / 1e6;
  console.log(`big.prof (${sizeMB.toFixed(1)} MB unzipped), best of 5:`);
  const floor = best('prof-floor', [big], 5);
  const folded = best('cli', ['folded', big, '-o', join(scratch, 'big.folded')], 5);
  againstFloor({ name: 'floor: read+split fields', result: floor }, { name: 'ghcprof folded', result: folded }, sizeMB, { ratio: 2, peakRssMB: 700 });
}

/** Prints a figure beside its floor and whether the targets hold. */
function againstFloor(
  floor: { name: string; result: TaskResult },
  measured: { name: string; result: TaskResult },
  sizeMB: number,
  targets: { ratio: number; peakRssMB: number },
): void {
  console.log(line(floor.name, floor.result, sizeMB));
  console.log(line(measured.name, measured.result, sizeMB));
  const ratio = measured.result.secs / floor.result.secs;
  const ratioOk = ratio <= targets.ratio ? 'ok' : 'MISSED';
  const rssOk = measured.result.peakRssMB < targets.peakRssMB ? 'ok' : 'MISSED';
  console.log(`  ratio ${ratio.toFixed(2)}x the floor (target <= ${targets.ratio}x): ${ratioOk}; peak RSS target < ${targets.peakRssMB} MB: ${rssOk}`);
}

function benchEventlog(): void {
  const log = join(samples, 'big/gc-heavy.eventlog.gz');
  const floor = best('stream-floor', [log], 5);
  const sizeMB = Number(floor.detail['bytes']) / 1e6;
  console.log(`\ngc-heavy.eventlog.gz (${sizeMB.toFixed(1)} MB unzipped), best of 5:`);
  const summary = best('cli', ['eventlog', log, '--format', 'json', '-o', join(scratch, 'summary.json')], 5);
  againstFloor({ name: 'floor: gunzip+touch bytes', result: floor }, { name: 'ghcprof eventlog', result: summary }, sizeMB, { ratio: 4, peakRssMB: 200 });
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

function benchAggregate(): void {
  // Eight runs of the big profile, each read in turn into one aggregate.
  const copies = Array.from({ length: 8 }, (_, i) => {
    const copy = join(scratch, `big-run-${i + 1}.prof.gz`);
    copyFileSync(join(samples, 'big/big.prof.gz'), copy);
    return copy;
  });
  const sizeMB = (8 * 60.1);
  console.log(`\naggregate of 8 copies of big.prof.gz (8 x 60 MB unzipped), one run:`);
  const result = runTask('cli', ['aggregate', ...copies, '--format', 'json', '--top', '50', '-o', join(scratch, 'aggregate.json')]);
  console.log(line('ghcprof aggregate', result, sizeMB));
  console.log(`  peak RSS target < 2 GB: ${result.peakRssMB < 2048 ? 'ok' : 'MISSED'}`);
}

try {
  await benchProf();
  benchEventlog();
  benchEvents(scratch, samples);
  await benchPictures();
  benchAggregate();
  benchTimeline(scratch, samples);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
