// Runs one benchmark task in a child process of its own, so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface TaskResult {
  secs: number;
  peakRssMB: number;
  /** Whatever the task reports about its work (counts, sizes), to show it did the job. */
  detail: Record<string, number | string>;
}

export function runTask(task: string, args: string[]): TaskResult {
  const script = fileURLToPath(new URL(`./tasks/${task}.js`, import.meta.url));
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`bench task ${task} failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { peakRssKB: number; detail: Record<string, number | string> };
  return { secs, peakRssMB: report.peakRssKB / 1024, detail: report.detail };
}

/** Called by a task at its end: reports its own peak RSS (resourceUsage is in kilobytes). */
export function reportTask(detail: Record<string, number | string>): void {
  process.stdout.write(`${JSON.stringify({ peakRssKB: process.resourceUsage().maxRSS, detail })}\n`);
}
