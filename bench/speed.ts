// The speed issue's `.prof` targets, each beside its floor measured in the same run:
// `folded` and `report --format json` on big.prof and on a 161 MB profile (big.prof's rows
// repeated) at most 1.0x the floor (read, split lines, split fields) and under its peak RSS;
// `-pj` against `JSON.parse`; `folded` on a 2 GB profile whose stacks repeat under 300 MB RSS.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfile } from '../src/runs/load-profile.js';
import { profJsonText, repeatTreeRows } from './generate.js';
import { best, line, runTask, type TaskResult } from './measure.js';

const RUNS = 3;
const MB = 1e6;

function verdict(measured: TaskResult, floor: TaskResult, ratioTarget: number): string {
  const ratio = measured.secs / floor.secs;
  return `${ratio.toFixed(2)}x the floor (target <= ${ratioTarget.toFixed(1)}x): ${ratio <= ratioTarget ? 'ok' : 'MISSED'}; peak RSS ${measured.peakRssMB.toFixed(0)} MB vs the floor's ${floor.peakRssMB.toFixed(0)} MB: ${measured.peakRssMB < floor.peakRssMB ? 'ok' : 'MISSED'}`;
}

function againstTextFloor(name: string, path: string, scratch: string): void {
  const sizeMB = statSync(path).size / MB;
  console.log(`\n${name} (${sizeMB.toFixed(0)} MB), best of ${RUNS}:`);
  const floor = best('prof-floor', [path], RUNS);
  console.log(line('floor: read, split lines, fields', floor, sizeMB));
  for (const [label, args] of [
    ['ghcprof folded', ['folded', path, '-o', join(scratch, 'out.folded')]],
    ['ghcprof report --format json', ['report', path, '--format', 'json', '-o', join(scratch, 'out.json')]],
  ] as const) {
    const result = best('cli', [...args], RUNS);
    console.log(line(label, result, sizeMB));
    console.log(`    ${verdict(result, floor, 1)}`);
  }
}

export async function benchProfSpeed(scratch: string, big: string): Promise<void> {
  againstTextFloor('big.prof', big, scratch);

  const large = join(scratch, 'big-161.prof');
  repeatTreeRows(big, large, 161 * MB);  // whole repeats of the rows: 3 x 60 MB
  againstTextFloor('big.prof rows repeated', large, scratch);
  rmSync(large, { force: true });

  const json = join(scratch, 'big.json.prof');
  writeFileSync(json, profJsonText(await loadProfile(big)));
  const jsonMB = statSync(json).size / MB;
  console.log(`\nbig.prof as -pj (${jsonMB.toFixed(0)} MB), best of ${RUNS}:`);
  const jsonFloor = best('json-floor', [json], RUNS);
  console.log(line('floor: read, JSON.parse', jsonFloor, jsonMB));
  const jsonFolded = best('cli', ['folded', json, '-o', join(scratch, 'json.folded')], RUNS);
  console.log(line('ghcprof folded', jsonFolded, jsonMB));
  console.log(`    ${verdict(jsonFolded, jsonFloor, 1)}`);
  rmSync(json, { force: true });

  const huge = join(scratch, 'repeated-2g.prof');
  const hugeMB = repeatTreeRows(big, huge, 2000 * MB) / MB;
  console.log(`\n2 GB profile whose stacks repeat (${hugeMB.toFixed(0)} MB; no floor: a string that long does not fit in V8), one run:`);
  try {
    const folded = runTask('cli', ['folded', huge, '-o', join(scratch, 'huge.folded')]);
    console.log(line('ghcprof folded', folded, hugeMB));
    console.log(`    peak RSS target < 300 MB: ${folded.peakRssMB < 300 ? 'ok' : 'MISSED'}`);
  } catch (error) {
    console.log(`  ghcprof folded failed: ${(error as Error).message.split('\n')[0]} (target: peak RSS < 300 MB): MISSED`);
  } finally {
    rmSync(huge, { force: true });
  }
}
