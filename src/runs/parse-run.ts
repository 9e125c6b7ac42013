// What a parse worker makes of its task (parse-task.ts): the profile read and reduced to what
// the main thread merges, by the same functions the main thread would use, so that a run read
// in a worker adds up to what it does read in the main thread.
import { summarizeProfile, unsummarizableReason } from '../analyze/summarize-run.js';
import { formatWarning } from '../model/diagnostic.js';
import { hashProfile, summarizeProfileInput } from '../store/summaries.js';
import { flatCallTreeOf } from './flat-call-tree.js';
import { loadProfile } from './load-profile.js';
import { numericStats } from './numeric-stats.js';
import type { AggregateTask, ParsedRun, StoreOutcome, StoreTask } from './parse-task.js';

/** An aggregate keeps no run: a summary for one is not worth a pass over the bytes for their hash. */
const NOT_HASHED = '';

/** loadRuns' reading of a profile (load-runs.ts, addRunHere), stopping short of the aggregator. */
export async function parseRun(task: AggregateTask): Promise<ParsedRun> {
  const { input } = task;
  const profile = await loadProfile(input.profilePath, { stacks: 'merged' });
  const skipped = unsummarizableReason(profile);
  if (skipped !== null) return { skipped, warnings: profile.warnings.map(formatWarning) };
  const summary = summarizeProfile(profile, { input, stats: numericStats(input.statsPath), runDirectory: null, sha256: NOT_HASHED });
  return { summary, callTree: task.callTree ? flatCallTreeOf(profile) : null };
}

/** summarizeRun's way with a profile (store/summaries.ts), the store asked through `storedId`. */
export async function summarizeForStore(task: StoreTask, storedId: (sha256: string) => Promise<number | null>): Promise<StoreOutcome> {
  const sha256 = await hashProfile(task.input.profilePath);
  const id = await storedId(sha256);
  if (id !== null) return { alreadyStored: id };
  const result = await summarizeProfileInput(task.input, task.runDirectory, sha256);
  return 'skipped' in result ? result : { summary: result };
}
