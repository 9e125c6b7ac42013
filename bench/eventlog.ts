// `ghcprof eventlog` (the summary) and `ghcprof events` (time order) on the big eventlog, each
// beside the floor of Node streaming the same input, unzipped and as .gz; then both on a 1 GB
// eventlog made from it (generate-eventlog.ts), where streaming must show: time near the floor's,
// memory that does not grow with the log. Called from run.ts, which owns the task runner.
import { createReadStream, createWriteStream, existsSync, rmSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { best, line, runTask, type TaskResult } from './measure.js';

const RUNS = 5;
/** The summary streams: at most this many times the floor's time... */
const SUMMARY_TARGET_RATIO = 2;
/** ...and this much peak RSS above the floor's. */
const SUMMARY_TARGET_EXTRA_RSS_MB = 30;

export async function benchEventlogSummary(scratch: string, samplesDir: string): Promise<void> {
  const zipped = join(samplesDir, 'big/gc-heavy.eventlog.gz');
  // Unzipped, the read is bound by decoding alone; zipped, gunzip comes on top for all.
  const unzipped = await unzippedGcHeavy(scratch, samplesDir);
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
    const eventsText = join(scratch, 'gc-heavy.events.txt');
    const events = best('cli', ['events', log, '-o', eventsText], RUNS, eventsText);
    console.log(line('ghcprof events (time order)', events, sizeMB));
    console.log(`  ${(events.secs / floor.secs).toFixed(2)}x the floor's time, peak RSS ${(events.peakRssMB - floor.peakRssMB).toFixed(0)} MB above it`);
  }
}

/**
 * gc-heavy.eventlog unzipped in the scratch folder, written by the first part that needs it.
 * Streamed: the runner stays small, as its tasks are forked from it (repeat-eventlog.ts).
 */
async function unzippedGcHeavy(scratch: string, samplesDir: string): Promise<string> {
  const unzipped = join(scratch, 'gc-heavy.eventlog');
  if (!existsSync(unzipped)) await pipeline(createReadStream(join(samplesDir, 'big/gc-heavy.eventlog.gz')), createGunzip(), createWriteStream(unzipped));
  return unzipped;
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

/** The big log's size: far beyond what fits a cache or a heap unnoticed. */
const LARGE_TARGET_BYTES = 1e9;
/** Room the big log and the text `ghcprof events` prints of it need: gc-heavy's text is 2.7x its log. */
const LARGE_DISK_FACTOR = 5;
/** `ghcprof events` in time order: at most this many times the floor's time... */
const LARGE_EVENTS_TARGET_RATIO = 4;
/** ...and flat memory: peak RSS on 1 GB at most this many times its peak on gc-heavy's 68 MB. */
const LARGE_EVENTS_FLAT_RSS_RATIO = 1.5;
/** gc-heavy's events beside the big log's: the same mode (a file read again), best of a few. */
const SMALL_EVENTS_RUNS = 3;

export async function benchEventlogLarge(scratch: string, samplesDir: string): Promise<void> {
  const disk = statfsSync(scratch);
  const freeBytes = disk.bavail * disk.bsize;
  if (freeBytes < LARGE_DISK_FACTOR * LARGE_TARGET_BYTES) {
    console.log(`\n1 GB eventlog: skipped, ${(freeBytes / 1e9).toFixed(1)} GB free in ${scratch}, needs ${LARGE_DISK_FACTOR} GB`);
    return;
  }
  const small = await unzippedGcHeavy(scratch, samplesDir);
  const large = join(scratch, 'large.eventlog');
  const largeText = join(scratch, 'large.events.txt');
  // The big files go as soon as this part is done, failed or not: later parts need the disk.
  try {
    const made = runTask('repeat-eventlog', [small, large, String(LARGE_TARGET_BYTES)]);
    const sizeMB = Number(made.detail['bytes']) / 1e6;
    const periodSecs = Number(made.detail['periodNs']) / 1e9;
    console.log(
      `\n1 GB eventlog: gc-heavy.eventlog's events ${made.detail['repeats']} times, each ${periodSecs.toFixed(2)} s later (${sizeMB.toFixed(1)} MB, written in ${made.secs.toFixed(1)} s), one run each:`,
    );
    const floor = runTask('stream-floor', [large]);
    console.log(line('floor: stream+touch bytes', floor, sizeMB));
    const summary = runTask('cli', ['eventlog', large, '--format', 'json', '-o', join(scratch, 'large-summary.json')]);
    console.log(line('ghcprof eventlog', summary, sizeMB));
    console.log(`  ${againstFloor(summary, floor)}`);
    const smallText = join(scratch, 'gc-heavy.events.txt');
    const smallEvents = best('cli', ['events', small, '-o', smallText], SMALL_EVENTS_RUNS, smallText);
    const events = runTask('cli', ['events', large, '-o', largeText]);
    console.log(line(`gc-heavy events, best of ${SMALL_EVENTS_RUNS}`, smallEvents, statSync(small).size / 1e6));
    console.log(line('ghcprof events (time order)', events, sizeMB));
    console.log(`  ${eventsAgainstTargets(events, floor, smallEvents)}`);
    // The same printing with no disk under it: what writing 2.8 GB of text adds on this machine.
    const discarded = runTask('cli', ['events', large, '-o', '/dev/null']);
    console.log(line('ghcprof events -o /dev/null', discarded, sizeMB));
    console.log(`  ${(discarded.secs / floor.secs).toFixed(2)}x the floor's time; writing the text to a file added ${(events.secs - discarded.secs).toFixed(2)} s`);
  } finally {
    rmSync(large, { force: true });
    rmSync(largeText, { force: true });
  }
}

function eventsAgainstTargets(events: TaskResult, floor: TaskResult, smallEvents: TaskResult): string {
  const ratio = events.secs / floor.secs;
  const rssRatio = events.peakRssMB / smallEvents.peakRssMB;
  const ratioOk = ratio <= LARGE_EVENTS_TARGET_RATIO ? 'ok' : 'MISSED';
  const flatOk = rssRatio <= LARGE_EVENTS_FLAT_RSS_RATIO ? 'ok' : 'MISSED';
  return (
    `${ratio.toFixed(2)}x the floor's time (target <= ${LARGE_EVENTS_TARGET_RATIO}x): ${ratioOk}; ` +
    `peak RSS ${events.peakRssMB.toFixed(0)} MB on 1 GB vs ${smallEvents.peakRssMB.toFixed(0)} MB on gc-heavy's 68 MB, ${rssRatio.toFixed(2)}x (target flat, <= ${LARGE_EVENTS_FLAT_RSS_RATIO}x): ${flatOk}`
  );
}
