// Where command output goes: stdout, or a file written atomically (temp file + rename),
// so a reader never sees half a file and a failed run leaves the old file in place.
import { once } from 'node:events';
import { accessSync, constants, createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './run-command.js';
import type { Writable } from 'node:stream';

export interface OutputTarget {
  /** Text, or bytes already encoded as UTF-8 (large outputs skip a decode and re-encode). */
  write(data: string | Uint8Array): Promise<void>;
  /** Makes the output visible (renames the temp file); call once at the end. */
  commit(): Promise<void>;
  /** Drops a partial output file after a failure. */
  abort(): void;
}

async function writeWithBackpressure(stream: Writable, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

/** Fails before any work when the output's folder is missing or read-only. */
export function checkWritableDirectory(path: string): void {
  const directory = dirname(resolve(path));
  try {
    accessSync(directory, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : 'directory not writable';
    throw new UsageError(`cannot write ${path}: ${reason} (${directory})`);
  }
}

export function openOutput(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') {
    return {
      write: (text) => writeWithBackpressure(process.stdout, text),
      commit: async () => {},
      abort: () => {},
    };
  }
  checkWritableDirectory(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  // Remember a write error (disk full, ...) and raise it from the next write or the commit.
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const check = (): void => {
    if (failure !== null) throw new UsageError(`cannot write ${path}: ${failure.message}`);
  };
  return {
    write: async (data) => {
      check();
      await Promise.race([writeWithBackpressure(stream, data), once(stream, 'error')]);
      check();
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
export async function writeOutput(path: string | undefined, produce: (write: (data: string | Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  const output = openOutput(path);
  try {
    await produce((text) => output.write(text));
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
}
