// How many threads parse profiles: `--threads N` on aggregate, compare and store add, else the
// GHCPROF_THREADS environment variable, else one per core when the profiles are large enough
// to repay starting the workers. The variable as well as the option: it reaches the readers
// whose callers have no option to pass it (timeline through loadBuilds, library callers of
// loadRuns). The option is built here, beside the rule, so that every command that has it
// says and checks the same.
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option } from 'commander';
import { InputError } from '../model/diagnostic.js';
import { sizeOnDisk, textBytesOf } from './size-on-disk.js';

export const THREADS_VARIABLE = 'GHCPROF_THREADS';

const EXPECTED = 'a whole number of threads, 1 or more (1: read in the main thread only)';

function threadCount(text: string): number | null {
  return /^\s*[1-9][0-9]*\s*$/.test(text) ? Number(text) : null;
}

/**
 * Below this much profile text the default is the main thread alone: a worker's start (its
 * bundle loaded, the parsers built and warmed up) costs about what reading a few MB does.
 */
const MIN_BYTES_FOR_WORKERS = 16 << 20;
function textBytes(path: string): number {
  try {
    return textBytesOf(sizeOnDisk(path));
  } catch {
    return 0; // The read will say what is wrong with it.
  }
}

/** `option` (`--threads`) when given, else GHCPROF_THREADS when set, else one per core for profiles of 16 MB of text or more. */
export function threadsFor(paths: readonly string[], option: number | undefined): number {
  if (option !== undefined) return option;
  const text = process.env[THREADS_VARIABLE];
  if (text !== undefined && text.trim() !== '') {
    const count = threadCount(text);
    if (count === null) throw new InputError({ source: THREADS_VARIABLE }, `expected ${EXPECTED}, not ${JSON.stringify(text)}`);
    return count;
  }
  let bytes = 0;
  for (const path of paths) if ((bytes += textBytes(path)) >= MIN_BYTES_FOR_WORKERS) return availableParallelism();
  return 1;
}

/** `--threads <n>`; left undefined when not given, so that threadsFor falls back to the variable and the default. */
export function threadsOption(): Option {
  return new Option('--threads <n>', `threads that parse profiles, 1 = none but the main one (default: $${THREADS_VARIABLE}, else one per core for 16 MB of profiles or more)`).argParser((text) => {
    const count = threadCount(text);
    if (count === null) throw new InvalidArgumentError(`expected ${EXPECTED}`);
    return count;
  });
}
