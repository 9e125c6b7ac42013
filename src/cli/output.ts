// Where command output goes: stdout, or a file written atomically (temp file + rename),
// so a reader never sees half a file and a failed run leaves the old file in place.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export interface OutputTarget {
  write(text: string): Promise<void>;
  /** Makes the output visible (renames the temp file); call once at the end. */
  commit(): Promise<void>;
  /** Drops a partial output file after a failure. */
  abort(): void;
}

async function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function openOutput(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') {
    return {
      write: (text) => writeWithBackpressure(process.stdout, text),
      commit: async () => {},
      abort: () => {},
    };
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  return {
    write: (text) => writeWithBackpressure(stream, text),
    commit: async () => {
      stream.end();
      await once(stream, 'close');
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
export async function writeOutput(path: string | undefined, produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const output = openOutput(path);
  try {
    await produce((text) => output.write(text));
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
}
