// Progress on stderr while a large input is read, only when stderr is a terminal
// (never in pipes, logs or CI). cli-progress draws and throttles the bar.
import { SingleBar } from 'cli-progress';
import type { InputSource } from './input.js';

const MIN_BYTES_FOR_PROGRESS = 16 << 20;

export interface ProgressHandle {
  stop(): void;
}

export function showReadProgress(input: InputSource, what: string): ProgressHandle {
  const size = input.sizeBytes;
  if (!process.stderr.isTTY || size === null || size < MIN_BYTES_FOR_PROGRESS) return { stop: () => {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${what} {bar} {percentage}% | {value}/{total} MB`,
    clearOnComplete: true,
    hideCursor: true,
  });
  const megabytes = (bytes: number): number => Math.round(bytes / (1 << 20));
  bar.start(megabytes(size), 0);
  // The parser yields between chunks, so a timer gets to run.
  const timer = setInterval(() => bar.update(megabytes(input.bytesRead())), 200);
  return {
    stop: () => {
      clearInterval(timer);
      bar.stop();
    },
  };
}
