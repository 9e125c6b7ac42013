// `ghcprof events` (the `ghc-events show` text) on the big eventlog, beside the floor of Node
// streaming and gunzipping the same file. Called from run.ts, which owns the task runner.
import { join } from 'node:path';
import { best, line } from './measure.js';

const RUNS = 3;
/** The Haskell ghc-events library decodes about this fast; `ghcprof events` must beat it well. */
const GHC_EVENTS_MB_PER_SEC = 19;
const TARGET_MB_PER_SEC = 2 * GHC_EVENTS_MB_PER_SEC;
/** Before the printer worked from the events' bytes, it peaked at 345 MB on this log. */
const TARGET_PEAK_RSS_MB = 200;

export function benchEvents(scratch: string, samplesDir: string): void {
  const log = join(samplesDir, 'big/gc-heavy.eventlog.gz');
  const floor = best('stream-floor', [log], RUNS);
  const sizeMB = Number(floor.detail['bytes']) / 1e6;
  const eventsText = join(scratch, 'gc-heavy.events.txt');
  const events = best('cli', ['events', log, '-o', eventsText], RUNS, eventsText);
  console.log(`\nghcprof events, gc-heavy.eventlog.gz (${sizeMB.toFixed(1)} MB unzipped), best of ${RUNS}:`);
  console.log(line('floor: gunzip+touch bytes', floor, sizeMB));
  console.log(line('ghcprof events', events, sizeMB));
  const rate = sizeMB / events.secs;
  console.log(
    `  ${(rate / GHC_EVENTS_MB_PER_SEC).toFixed(1)}x ghc-events' ~${GHC_EVENTS_MB_PER_SEC} MB/s (target >= ${TARGET_MB_PER_SEC} MB/s): ${rate >= TARGET_MB_PER_SEC ? 'ok' : 'MISSED'}; ` +
      `${(events.secs / floor.secs).toFixed(2)}x the floor; peak RSS target < ${TARGET_PEAK_RSS_MB} MB: ${events.peakRssMB < TARGET_PEAK_RSS_MB ? 'ok' : 'MISSED'}`,
  );
}
