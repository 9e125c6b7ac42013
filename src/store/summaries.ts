// Summaries of the runs a user names (`ghcprof summarize`, `ghcprof store add`): profiles are
// hashed and read, summary files are read as they are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { summarizeProfile, unsummarizableReason } from '../analyze/summarize-run.js';
import { InputError } from '../model/diagnostic.js';
import type { RunDirectoryInfo } from '../model/run-meta.js';
import { isSummaryPath, parseRunSummary, type RunSummary, type SummaryRunDirectory } from '../model/run-summary.js';
import { readProfile } from '../formats/read-profile.js';
import { timingStart } from '../runs/builds.js';
import type { CollectedRuns, RunInput } from '../runs/collect-runs.js';
import { openInput } from '../runs/input.js';
import { numericStats } from '../runs/numeric-stats.js';
import { readInput } from '../runs/read-input.js';

/** sha256 (hex) of a profile's bytes, decompressed (a .prof and its .prof.gz are one run). */
export async function hashProfile(path: string): Promise<string> {
  const hash = createHash('sha256');
  // The hash copies nothing it is given: the file can be read into reused buffers.
  for await (const chunk of openInput(path).transientChunks()) hash.update(chunk);
  return hash.digest('hex');
}

function summaryRunDirectory(info: RunDirectoryInfo): SummaryRunDirectory {
  return { path: info.path, meta: info.meta, start: timingStart(info.path) };
}

function readSummaryFile(path: string): RunSummary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError({ source: path }, (error as Error).message);
  }
  return parseRunSummary(text, path);
}

/** A profile read into its summary: hashed as it is read, so the file is read once. */
export async function summarizeProfileInput(input: RunInput, runDirectory: RunDirectoryInfo | null, knownSha256?: string): Promise<RunSummary | { skipped: string }> {
  const hash = createHash('sha256');
  let hashedToEnd = false;
  async function* hashing(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      hash.update(chunk);
      yield chunk;
    }
    hashedToEnd = true;
  }
  const profile = await readInput(input.profilePath, (chunks, name) => readProfile(knownSha256 === undefined ? hashing(chunks) : chunks, name, { stacks: 'merged' }));
  const skipped = unsummarizableReason(profile);
  if (skipped !== null) return { skipped: `${input.profilePath}: ${skipped}` };
  // A reader that stopped early (a damaged eventlog) saw part of the file: hash all of it.
  const sha256 = knownSha256 ?? (hashedToEnd ? hash.digest('hex') : await hashProfile(input.profilePath));
  return summarizeProfile(profile, {
    input,
    stats: numericStats(input.statsPath),
    runDirectory: runDirectory === null ? null : summaryRunDirectory(runDirectory),
    sha256,
  });
}

export type SummarizedRun = { input: RunInput; summary: RunSummary } | { input: RunInput; skipped: string } | { input: RunInput; alreadyStored: number };

/**
 * One collected run's summary. `storedId(sha256)` lets the store skip reading a profile it
 * already holds. Throws an InputError for a run that cannot be read.
 */
export async function summarizeRun(input: RunInput, collected: CollectedRuns, storedId?: (sha256: string) => number | null): Promise<SummarizedRun> {
  if (input.profilePath === '-') throw new InputError({ source: '-' }, 'a run needs a file (its bytes are hashed and it is read once): save standard input to a file first');
  if (isSummaryPath(input.profilePath)) return { input, summary: readSummaryFile(input.profilePath) };
  let sha256: string | undefined;
  if (storedId !== undefined) {
    sha256 = await hashProfile(input.profilePath);
    const id = storedId(sha256);
    if (id !== null) return { input, alreadyStored: id };
  }
  const runDirectory = input.runDirectory === null ? null : (collected.runDirectories.find((info) => info.path === input.runDirectory) ?? null);
  const result = await summarizeProfileInput(input, runDirectory, sha256);
  return 'skipped' in result ? { input, skipped: result.skipped } : { input, summary: result };
}

/** The summaries of collected runs, one at a time (a profile is dropped once summarized). */
export async function* summarizeRuns(collected: CollectedRuns, storedId?: (sha256: string) => number | null): AsyncGenerator<SummarizedRun> {
  for (const input of collected.inputs) yield await summarizeRun(input, collected, storedId);
}
