// Progress on stderr while a large input is read, only when stderr is a terminal
// (never in pipes, logs or CI). cli-progress draws and throttles the bar. In a parse worker
// the reads' progress goes to the main thread instead (showReadProgressWith), which draws
// the bar of the run it is waiting for.
import type { SingleBar as ProgressBar } from 'cli-progress';
import { createRequire } from 'node:module';
import type { InputSource } from './input.js';
import { textBytesOf } from './size-on-disk.js';

/** cli-progress (and the readline it loads) costs ~6 ms to load: only when a bar is drawn. */
const loadBar = (): typeof ProgressBar => (createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress')).SingleBar;

/** Below this much text a read is over in well under a second: no bar. Gauged on the text, not the bytes on disk, so that a small .gz holding much text gets one. */
const MIN_TEXT_BYTES_FOR_PROGRESS = 16 << 20;
/** How often a bar is redrawn, and a worker's progress posted. */
export const PROGRESS_INTERVAL_MS = 200;

export interface ProgressHandle {
  stop(): void;
}

/**
 * What a bar needs of a read: the size of the file on disk, whether it is gzip, and how far the
 * read has got in the file's own bytes (compressed ones for gzip): the bar counts those.
 */
export type ReadProgressSource = Pick<InputSource, 'sizeBytes' | 'gzip' | 'bytesRead'>;

type ReadProgressView = (input: ReadProgressSource, what: string) => ProgressHandle;

let view: ReadProgressView = terminalBar;

/** Shows the progress of the reads of this thread with `replacement` from now on (a parse worker posts it). */
export function showReadProgressWith(replacement: ReadProgressView): void {
  view = replacement;
}

export function showReadProgress(input: ReadProgressSource, what: string): ProgressHandle {
  return view(input, what);
}

function terminalBar(input: ReadProgressSource, what: string): ProgressHandle {
  const size = input.sizeBytes;
  if (!process.stderr.isTTY || size === null || textBytesOf({ sizeBytes: size, gzip: input.gzip }) < MIN_TEXT_BYTES_FOR_PROGRESS) return { stop: () => {} };
  const SingleBar = loadBar();
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${what} {bar} {percentage}% | {value}/{total} MB${input.gzip ? ' compressed' : ''}`,
    clearOnComplete: true,
    hideCursor: true,
  });
  const megabytes = (bytes: number): number => Math.round(bytes / (1 << 20));
  bar.start(megabytes(size), 0);
  // The parser yields between chunks, so a timer gets to run.
  const timer = setInterval(() => bar.update(megabytes(input.bytesRead())), PROGRESS_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      bar.stop();
    },
  };
}
