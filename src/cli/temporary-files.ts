// The temporary files of outputs being written (output.ts), removed however the process ends
// before they are renamed into place: an interrupt (Ctrl-C: SIGINT), a `kill` (SIGTERM), a
// closed terminal (SIGHUP), or a process.exit elsewhere. Node's default for those signals ends
// the process at once and leaves a partial `.*.tmp` beside the target; while a file is pending
// the handlers here take their place, remove it, and exit as a killed process reports itself
// to a shell, 128 + the signal's number (130, 143, 129). With no file pending, Node's defaults
// are back.
import { rmSync } from 'node:fs';
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type CleanedUpSignal = (typeof SIGNALS)[number];

const pending = new Set<string>();

function removePending(): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Leaving: nothing more can be done about a file that cannot be removed.
    }
  }
  pending.clear();
}

function onSignal(signal: CleanedUpSignal): void {
  removePending();
  process.exit(128 + constants.signals[signal]);
}

function listen(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removePending);
}

function stopListening(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removePending);
}

/** Removes `path` if the process ends before `release` is called (once the file is renamed or removed). */
export function removeOnExit(path: string): { release(): void } {
  if (pending.size === 0) listen();
  pending.add(path);
  return {
    release: () => {
      if (!pending.delete(path)) return;
      if (pending.size === 0) stopListening();
    },
  };
}
