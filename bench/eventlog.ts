// `ghcprof eventlog` (the summary) and `ghcprof events` (time order) on the big eventlog, each
// beside the floor of Node streaming the same input, unzipped and as .gz. Called from run.ts,
// which owns the task runner.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { best, line, type TaskResult } from './measure.js';

const RUNS = 5;
/** The summary streams: at most this many times the floor's time... */
const SUMMARY_TARGET_RATIO = 2;
/** ...and this much peak RSS above the floor's. */
const SUMMARY_TARGET_EXTRA_RSS_MB = 30;

export function benchEventlogSummary(scratch: string, samplesDir: string): void {
  const zipped = join(samplesDir, 'big/gc-heavy.eventlog.gz');
  // Unzipped, the read is bound by decoding alone; zipped, gunzip comes on top for all.
  const unzipped = join(scratch, 'gc-heavy.eventlog');
  writeFileSync(unzipped, gunzipSync(readFileSync(zipped)));
  for (const [name, log] of [
    ['gc-heavy.eventlog', unzipped],
    ['gc-heavy.eventlog.gz', zipped],
  ] as const) {
    const floor = best('stream-floor', [log], RUNS);
    const sizeMB = Number(floor.detail['bytes']) / 1e6;
    console.log(`\n${name} (${sizeMB.toFixed(1)} MB unzipped), best of ${RUNS}:`);
    console.log(line('floor: stream+touch bytes', floor, sizeMB));
    // What any command costs before it reads a byte: loading the bundle and its dependencies.
    console.log(line('ghcprof --version', best('cli', ['--version'], RUNS)));
    const summary = best('cli', ['eventlog', log, '--format', 'json', '-o', join(scratch, 'summary.json')], RUNS);
    console.log(line('ghcprof eventlog', summary, sizeMB));
    console.log(`  ${againstFloor(summary, floor)}`);
    const events = best('cli', ['events', log, '-o', join(scratch, 'gc-heavy.events.txt')], RUNS);
    console.log(line('ghcprof events (time order)', events, sizeMB));
    console.log(`  ${(events.secs / floor.secs).toFixed(2)}x the floor's time, peak RSS ${(events.peakRssMB - floor.peakRssMB).toFixed(0)} MB above it`);
  }
}

function againstFloor(measured: TaskResult, floor: TaskResult): string {
  const ratio = measured.secs / floor.secs;
  const extraRssMB = measured.peakRssMB - floor.peakRssMB;
  const ratioOk = ratio <= SUMMARY_TARGET_RATIO ? 'ok' : 'MISSED';
  const rssOk = extraRssMB <= SUMMARY_TARGET_EXTRA_RSS_MB ? 'ok' : 'MISSED';
  return (
    `${ratio.toFixed(2)}x the floor's time (target <= ${SUMMARY_TARGET_RATIO}x): ${ratioOk}; ` +
    `peak RSS ${extraRssMB.toFixed(0)} MB above the floor's (target <= ${SUMMARY_TARGET_EXTRA_RSS_MB} MB): ${rssOk}`
  );
}
