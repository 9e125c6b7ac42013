// Reads the runs found by collectRuns into an aggregator, one profile at a time, so memory
// holds the aggregate and one profile, never all of them.
import { readFileSync } from 'node:fs';
import { RunAggregator } from '../analyze/aggregate.js';
import { runRecordOf } from '../analyze/run-record.js';
import { formatWarning } from '../model/diagnostic.js';
import { buildIdentity } from '../model/run-meta.js';
import { isSummaryPath, parseRunSummary } from '../model/run-summary.js';
import { parseRtsStats } from '../formats/rts-stats/rts-stats.js';
import type { CollectedRuns } from './collect-runs.js';
import { loadProfile } from './load-profile.js';

export interface LoadedRuns {
  aggregator: RunAggregator;
  warnings: string[];
  mixedBuilds: boolean;
}

export function numericStats(path: string | null): Record<string, number> {
  if (path === null) return {};
  const stats = parseRtsStats(readFileSync(path, 'utf8'), path);
  const numbers: Record<string, number> = {};
  for (const [key, value] of stats.values) if (typeof value === 'number') numbers[key] = value;
  return numbers;
}

export async function loadRuns(collected: CollectedRuns, onProgress?: (done: number, total: number, path: string) => void): Promise<LoadedRuns> {
  const aggregator = new RunAggregator(collected.inputs.length);
  const warnings: string[] = [];
  for (const [index, input] of collected.inputs.entries()) {
    onProgress?.(index, collected.inputs.length, input.profilePath);
    // A run summary (`ghcprof summarize`): the same rows as its profile, without stacks.
    if (isSummaryPath(input.profilePath)) {
      const summary = parseRunSummary(readFileSync(input.profilePath, 'utf8'), input.profilePath);
      warnings.push(...summary.warnings);
      aggregator.addSummary(summary);
      continue;
    }
    const profile = await loadProfile(input.profilePath);
    for (const warning of profile.warnings) warnings.push(formatWarning(warning));
    if (profile.metadata.format === 'eventlog' && (profile.metadata.totalTicks ?? 0) === 0) {
      warnings.push(`${input.profilePath}: no time-profile samples; left out of the aggregate`);
      continue;
    }
    aggregator.addRun(profile, runRecordOf(profile, { source: input.profilePath, runDirectory: input.runDirectory, node: input.node, stats: numericStats(input.statsPath) }));
  }
  onProgress?.(collected.inputs.length, collected.inputs.length, '');
  const identities = new Set(collected.runDirectories.map((info) => buildIdentity(info.meta)));
  return { aggregator, warnings, mixedBuilds: identities.size > 1 };
}
