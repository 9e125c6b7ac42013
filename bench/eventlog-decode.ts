// Decoding speed of the eventlog reader beside a floor measured in the same run.
//
//   npx tsx bench/eventlog-decode.ts [FILE.eventlog[.gz]]      (default samples/big/gc-heavy.eventlog.gz)
//   or: npx tsc -p tsconfig.json && node dist/bench/eventlog-decode.js [FILE]
//
// floor:  Node streams the input (through gunzip for .gz, via openInput) and touches every 8th byte.
// decode: the same stream through `scanEventlog` with a visitor that summarises the log (events
//         per type and capability, GC count, time span) without building an object per event.
// Each task runs in a child process of its own, best of 3, so each peak RSS is its own.
// Targets: decode within 4x the floor, peak RSS under 200 MB.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { scanEventlog } from '../src/parse/eventlog/decode-eventlog.js';
import { EventId } from '../src/parse/eventlog/format.js';
import type { RawEvent } from '../src/parse/eventlog/raw-event.js';
import { openInput } from '../src/parse/input.js';

interface TaskReport {
  secs: number;
  bytes: number;
  peakRssKB: number;
  detail: Record<string, number | string>;
}

/** floor: read the stream, touch every 8th byte so the data is really brought in. */
async function floorTask(path: string): Promise<Record<string, number | string>> {
  let checksum = 0;
  let bytes = 0;
  for await (const chunk of openInput(path).chunks()) {
    for (let i = 0; i < chunk.length; i += 8) checksum = (checksum + chunk[i]!) | 0;
    bytes += chunk.length;
  }
  return { bytes, checksum };
}

/** What a quick look at a log wants to know, gathered from the low-level view only. */
class LogSummary {
  readonly eventsByType = new Float64Array(0x10000);
  readonly eventsByCap = new Map<number, number>();
  firstTimeNs = Infinity;
  lastTimeNs = 0;
  gcCount = 0;
  private lastCap = -2;
  private lastCapCount = 0;

  event(raw: RawEvent): void {
    this.eventsByType[raw.typeId]!++;
    if (raw.timeNs < this.firstTimeNs) this.firstTimeNs = raw.timeNs;
    if (raw.timeNs > this.lastTimeNs) this.lastTimeNs = raw.timeNs;
    if (raw.typeId === EventId.GC_START) this.gcCount++;
    // Runs of one capability are long (a block each), so count per run, not per event in a Map.
    if (raw.cap !== this.lastCap) {
      this.flushCapRun();
      this.lastCap = raw.cap;
    }
    this.lastCapCount++;
  }

  flushCapRun(): void {
    if (this.lastCapCount > 0) this.eventsByCap.set(this.lastCap, (this.eventsByCap.get(this.lastCap) ?? 0) + this.lastCapCount);
    this.lastCapCount = 0;
  }
}

async function decodeTask(path: string): Promise<Record<string, number | string>> {
  const input = openInput(path);
  const summary = new LogSummary();
  const result = await scanEventlog(input.chunks(), input.name, summary);
  summary.flushCapRun();
  const caps = [...summary.eventsByCap.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cap, count]) => `${cap < 0 ? 'none' : cap}:${count}`)
    .join(',');
  const eventTypes = summary.eventsByType.reduce((kinds, count) => kinds + (count > 0 ? 1 : 0), 0);
  return {
    bytes: result.bytesRead,
    events: result.eventCount,
    eventTypes,
    gcs: summary.gcCount,
    spanSecs: ((summary.lastTimeNs - summary.firstTimeNs) / 1e9).toFixed(3),
    caps,
    warnings: result.warnings.length,
  };
}

async function runChildTask(task: string, path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const detail = task === 'floor' ? await floorTask(path) : await decodeTask(path);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const report: TaskReport = { secs, bytes: Number(detail.bytes), peakRssKB: process.resourceUsage().maxRSS, detail };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function spawnTask(task: string, path: string): TaskReport {
  const script = fileURLToPath(import.meta.url);
  // execArgv carries tsx's loader when run through `npx tsx`.
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--task', task, path], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench task ${task} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as TaskReport;
}

function best(task: string, path: string, runs: number): TaskReport {
  let fastest: TaskReport | null = null;
  for (let i = 0; i < runs; i++) {
    const report = spawnTask(task, path);
    if (fastest === null || report.secs < fastest.secs) fastest = report;
  }
  return fastest!;
}

function line(name: string, report: TaskReport): string {
  const mb = report.bytes / 1e6;
  const detail = Object.entries(report.detail)
    .filter(([key]) => key !== 'bytes')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return (
    `  ${name.padEnd(8)} ${report.secs.toFixed(3).padStart(7)} s  ${(mb / report.secs).toFixed(1).padStart(7)} MB/s  ` +
    `peak RSS ${(report.peakRssKB / 1024).toFixed(0).padStart(4)} MB  ${detail}`
  );
}

function compare(label: string, path: string): void {
  const floor = best('floor', path, 3);
  const decode = best('decode', path, 3);
  console.log(`${label} (${(decode.bytes / 1e6).toFixed(1)} MB of eventlog), best of 3:`);
  console.log(line('floor', floor));
  console.log(line('decode', decode));
  const ratio = decode.secs / floor.secs;
  const rssMB = decode.peakRssKB / 1024;
  console.log(
    `  ratio ${ratio.toFixed(2)}x the floor (target <= 4x): ${ratio <= 4 ? 'ok' : 'MISSED'}; ` +
      `peak RSS target < 200 MB: ${rssMB < 200 ? 'ok' : 'MISSED'}`,
  );
}

/** samples/ is one level up from bench/ (tsx) or two from dist/bench/ (compiled). */
function defaultInput(): string {
  for (const up of ['../', '../../']) {
    const path = fileURLToPath(new URL(`${up}samples/big/gc-heavy.eventlog.gz`, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('samples/big/gc-heavy.eventlog.gz not found; pass a file');
}

async function main(): Promise<void> {
  const taskFlag = process.argv.indexOf('--task');
  if (taskFlag >= 0) {
    await runChildTask(process.argv[taskFlag + 1]!, process.argv[taskFlag + 2]!);
    return;
  }
  const input = process.argv[2] ?? defaultInput();
  compare(input, input);
  if (input.endsWith('.gz')) {
    // The same log unzipped on disk, where the decoder's own cost is a larger share.
    const scratch = mkdtempSync(join(tmpdir(), 'ghcprof-eventlog-bench-'));
    try {
      const plain = join(scratch, 'unzipped.eventlog');
      await pipeline(createReadStream(input), createGunzip(), createWriteStream(plain));
      compare('unzipped copy', plain);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

await main();
