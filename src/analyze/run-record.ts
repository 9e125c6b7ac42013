// The record an aggregate keeps of each run: its totals and where it came from. One builder for
// every path that makes one (files, summaries, the library), so they agree field by field.
import type { Profile } from '../model/profile.js';
import { profileKind } from '../model/profile-kind.js';
import { hasCallTree } from '../model/profile-tree.js';
import type { RunRecord } from '../model/run-record.js';
import { profileTotals } from './cost-centre-totals.js';

/** Where a run was found; each field defaults to what the profile says (or null). */
export type RunOrigin = Partial<Pick<RunRecord, 'source' | 'runDirectory' | 'node' | 'stats'>>;

/**
 * A run's record: its totals (program costs only, system centres apart, so every format counts
 * the same costs) and its origin.
 */
export function runRecordOf(profile: Profile, origin: RunOrigin = {}): RunRecord {
  const program = profileTotals(profile);
  return {
    source: origin.source ?? profile.metadata.source,
    runDirectory: origin.runDirectory ?? null,
    node: origin.node ?? null,
    format: profile.metadata.format,
    formatDetail: profileKind(profile),
    program: profile.metadata.program,
    measures: profile.measures,
    totals: {
      timeSecs: profile.metadata.totalTimeSecs,
      ticks: profile.metadata.totalTicks === null && !hasCallTree(profile) ? null : program.ticks,
      allocBytes: profile.measures.bytes === 'absent' ? null : program.bytes,
      secondsPerTick: profile.metadata.tickIntervalUs === null ? null : profile.metadata.tickIntervalUs / 1e6,
      systemTicks: profile.system?.ticks ?? null,
      systemBytes: profile.system?.bytes ?? null,
    },
    stats: origin.stats ?? {},
  };
}
