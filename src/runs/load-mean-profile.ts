// One Profile for pictures from any number of inputs: a single profile as it is, several
// runs (or run directories) as their mean.
import { meanProfile } from '../analyze/mean-profile.js';
import type { Profile } from '../model/profile.js';
import { collectRuns } from './collect-runs.js';
import { loadProfile } from './load-profile.js';
import { loadRuns } from './load-runs.js';

export interface LoadedMeanProfile {
  profile: Profile;
  runs: number;
  /** The programs the runs are of, each once. */
  programs: string[];
  warnings: string[];
}

export async function loadMeanProfile(paths: readonly string[], window?: { fromMarker?: string; toMarker?: string }): Promise<LoadedMeanProfile> {
  const collected = await collectRuns(paths);
  if (collected.inputs.length === 1) {
    const profile = await loadProfile(collected.inputs[0]!.profilePath, { window });
    return { profile, runs: 1, programs: profile.metadata.program === null ? [] : [profile.metadata.program], warnings: [] };
  }
  const loaded = await loadRuns(collected);
  const profile = meanProfile(loaded.aggregator, `mean of ${loaded.aggregator.runs.length} runs`);
  return { profile, runs: loaded.aggregator.runs.length, programs: [...loaded.aggregator.programs], warnings: loaded.warnings };
}
