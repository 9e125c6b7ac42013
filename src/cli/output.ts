// Where command output goes: stdout, or a file written atomically (temp file + rename),
// so a reader never sees half a file and a failed run leaves the old file in place.
import { once } from 'node:events';
import { accessSync, constants, createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './run-command.js';
import type { Writable } from 'node:stream';

export interface OutputTarget {
  /**
   * Text, or bytes already encoded as UTF-8 (large outputs skip a decode and re-encode).
   * Resolves once the data is written (a chunk may then be reused), to false when stdout's
   * reader has gone away (`| head`): the command may stop producing.
   */
  write(data: string | Uint8Array): Promise<boolean>;
  /** Makes the output visible (renames the temp file); call once at the end. */
  commit(): Promise<void>;
  /** Drops a partial output file after a failure. */
  abort(): void;
}

async function writeWithBackpressure(stream: Writable, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

let stdoutReaderGone = false;

/** Stdout; stops quietly once its reader goes away (EPIPE), as command-line tools do. */
function stdoutTarget(): OutputTarget {
  // Failures also reach the write callbacks; without a listener they would crash the process.
  if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', () => undefined);
  return {
    write: async (data) => {
      if (stdoutReaderGone) return false;
      try {
        await new Promise<void>((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        stdoutReaderGone = true;
      }
      return !stdoutReaderGone;
    },
    commit: async () => {},
    abort: () => {},
  };
}

/** Fails before any work when the output's folder is missing or read-only. */
function checkWritableDirectory(path: string): void {
  const directory = dirname(resolve(path));
  try {
    accessSync(directory, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : 'directory not writable';
    throw new UsageError(`cannot write ${path}: ${reason} (${directory})`);
  }
}

export function openOutput(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') return stdoutTarget();
  checkWritableDirectory(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  // Remember a write error (disk full, ...) and raise it from the next write or the commit.
  let failure: Error | null = null;
  // One listener for the stream's life; each write waits on this promise, not on a listener of its own.
  const failed = new Promise<void>((resolve) => {
    stream.on('error', (error) => {
      failure = error;
      resolve();
    });
  });
  const check = (): void => {
    if (failure !== null) throw new UsageError(`cannot write ${path}: ${failure.message}`);
  };
  return {
    write: async (data) => {
      check();
      await Promise.race([writeWithBackpressure(stream, data), failed]);
      check();
      return true;
    },
    commit: async () => {
      check();
      stream.end();
      await once(stream, 'close');
      check();
      renameSync(temporary, path);
    },
    abort: () => {
      stream.destroy();
      rmSync(temporary, { force: true });
    },
  };
}

/**
 * Writes a command's output to `path` (stdout when undefined or `-`): commits it when
 * `produce` succeeds, drops the partial file when it throws.
 */
export async function writeOutput(path: string | undefined, produce: (write: (data: string | Uint8Array) => Promise<boolean>) => Promise<void>): Promise<void> {
  const output = openOutput(path);
  try {
    await produce((text) => output.write(text));
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
}
