// Runs one benchmark task in a child process of its own, so its peak RSS is its own.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TaskResult {
  secs: number;
  peakRssMB: number;
  /** Whatever the task reports about its work (counts, sizes), to show it did the job. */
  detail: Record<string, number | string>;
}

function taskScript(task: string): string {
  return fileURLToPath(new URL(`./tasks/${task}.js`, import.meta.url));
}

export function runTask(task: string, args: string[]): TaskResult {
  const script = taskScript(task);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`bench task ${task} failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { peakRssKB: number; detail: Record<string, number | string> };
  return { secs, peakRssMB: report.peakRssKB / 1024, detail: report.detail };
}

/** Called by a task at its end: reports its own peak RSS, in kilobytes. */
export function reportTask(detail: Record<string, number | string>): void {
  process.stdout.write(`${JSON.stringify({ peakRssKB: ownPeakRssKB(), detail })}\n`);
}

/**
 * Linux's ru_maxrss (resourceUsage().maxRSS) counts the runner's RSS at the fork too: exec carries
 * the forked copy's high-water mark over, so a task started by a runner holding 300 MB reports at
 * least 300 MB. VmHWM is the high-water mark of the task's own memory since exec.
 */
function ownPeakRssKB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Number(match[1]);
  } catch {
    // Not Linux: no /proc, and no such carry-over to avoid.
  }
  return process.resourceUsage().maxRSS;
}

/**
 * Best of `runs`: the machine is shared, so the fastest run is the least disturbed one.
 * `output`, when given, is removed before each run, untimed: replacing the big file the run
 * before wrote has the file system free its blocks in the rename (0.1 s for 181 MB here), the
 * disk's work for the last run rather than this one's; each run writes a new file instead.
 */
export function best(task: string, args: string[], runs: number, output?: string): TaskResult {
  let fastest: TaskResult | null = null;
  for (let i = 0; i < runs; i++) {
    if (output !== undefined) rmSync(output, { force: true });
    const result = runTask(task, args);
    if (fastest === null || result.secs < fastest.secs) fastest = result;
  }
  return fastest!;
}

/** One figure: time, throughput over `sizeMB` (when given), peak RSS and what the task reported. */
export function line(name: string, result: TaskResult, sizeMB?: number): string {
  const rate = sizeMB === undefined ? '' : `  ${(sizeMB / result.secs).toFixed(1).padStart(6)} MB/s`;
  const detail = Object.entries(result.detail)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return `  ${name.padEnd(30)} ${result.secs.toFixed(2).padStart(6)} s${rate}  peak RSS ${result.peakRssMB.toFixed(0).padStart(4)} MB  ${detail}`;
}

/** Seconds from starting one process per argument list, all at once, until the last ends. */
export async function wallOfTogether(task: string, argLists: string[][]): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(
    argLists.map(
      (args) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [taskScript(task), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench task ${task} failed (exit code ${code})`))));
        }),
    ),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}
