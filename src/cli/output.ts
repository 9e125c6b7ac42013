// Where command output goes: stdout, a regular file written atomically (temp file + rename, so
// a reader never sees half a file and a failed run leaves the old file in place), or a FIFO or
// device written straight into (output-place.ts says which). Every output of a command is
// checked before any is written, and committed only once all are produced.
import { constants, createWriteStream, fchmodSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { fsErrorReason } from '../runs/fs-error.js';
import { outputPlace, temporaryPathFor, type OutputPlace } from './output-place.js';
import { UsageError } from './run-command.js';
import { removeOnExit } from './temporary-files.js';

export interface OutputTarget {
  /**
   * Text, or bytes already encoded as UTF-8 (large outputs skip a decode and re-encode).
   * Resolves once the data is written (a chunk may then be reused), to false when the reader
   * at the other end (of stdout, of a FIFO) has gone away (`| head`): the command may stop
   * producing. One write at a time.
   */
  write(data: string | Uint8Array): Promise<boolean>;
  /** Makes the output visible (renames the temp file); call once at the end. */
  commit(): Promise<void>;
  /** Drops a partial output file after a failure. */
  abort(): void;
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

/**
 * Writes to a stream, `name` in messages. No listener per write, only the write's own
 * callback: a listener per chunk (`once(stream, 'drain')` beside an error race) piles up on
 * a large output and Node warns (MaxListenersExceededWarning). A text write that the stream
 * buffers resolves at once, so small pieces are gathered into larger writes; bytes, and text
 * past the buffer's limit, wait for their callback: the caller may reuse the bytes, and the
 * buffer stays bounded.
 */
class StreamWriter {
  private failure: Error | null = null;
  /** The reader of a FIFO has gone (EPIPE): stop as stdout stops. */
  readerGone = false;

  constructor(
    readonly stream: WriteStream,
    private readonly name: string,
  ) {
    // The one listener for the stream's life: a failure is raised from the next write or the end.
    stream.on('error', (error) => this.failed(error));
  }

  private failed(error: Error): void {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') this.readerGone = true;
    else this.failure ??= error;
  }

  private check(): void {
    if (this.failure !== null) throw new UsageError(`cannot write ${this.name}: ${fsErrorReason(this.failure)}`);
  }

  async write(data: string | Uint8Array): Promise<boolean> {
    this.check();
    if (this.readerGone) return false;
    let buffered = false;
    const written = new Promise<void>((resolve) => {
      buffered = this.stream.write(data, (error) => {
        if (error) this.failed(error);
        resolve();
      });
    });
    if (!buffered || typeof data !== 'string') await written;
    this.check();
    return !this.readerGone;
  }

  /** Flushes and closes the stream, raising a failure of the last writes or of the close. */
  async end(): Promise<void> {
    this.check();
    // Not events.once: its rejection on 'error' would come before the file is closed.
    if (!this.stream.closed) {
      const closed = new Promise<void>((resolve) => this.stream.once('close', resolve));
      // A stream that failed (a FIFO's reader gone) is closing already: nothing more to end.
      if (!this.stream.destroyed) this.stream.end();
      await closed;
    }
    this.check();
  }
}

/** A regular file (or a new one): written to a temporary file beside it, renamed onto it at the end. */
function atomicTarget(name: string, place: Extract<OutputPlace, { kind: 'file' }>): OutputTarget {
  const temporary = temporaryPathFor(place.path);
  let fd: number;
  try {
    // O_EXCL: never write through a file or link that happens to be there under that name.
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  } catch (error) {
    throw new UsageError(`cannot write ${name}: ${fsErrorReason(error)}`);
  }
  const pending = removeOnExit(temporary);
  // The file replaced keeps its permissions (a private report stays private).
  if (place.mode !== null) fchmodSync(fd, place.mode);
  const writer = new StreamWriter(createWriteStream('', { fd }), name);
  const drop = (): void => {
    writer.stream.destroy();
    rmSync(temporary, { force: true });
    pending.release();
  };
  return {
    write: (data) => writer.write(data),
    commit: async () => {
      try {
        await writer.end();
        renameSync(temporary, place.path);
      } catch (error) {
        drop();
        throw error instanceof UsageError ? error : new UsageError(`cannot write ${name}: ${fsErrorReason(error)}`);
      }
      pending.release();
    },
    abort: drop,
  };
}

/**
 * A FIFO or a device, opened as it is (no create, no truncate) and written into. The open is
 * not waited for: a FIFO's blocks until a reader comes, as a shell's `>` into one does.
 */
function streamTarget(name: string, path: string): OutputTarget {
  // Numeric flags reach open(2) as they are (Node's "file system flags"; @types/node types them as text only).
  const writeOnly = constants.O_WRONLY as unknown as string;
  const writer = new StreamWriter(createWriteStream(path, { flags: writeOnly }), name);
  return {
    write: (data) => writer.write(data),
    commit: () => writer.end(),
    abort: () => writer.stream.destroy(),
  };
}

export function openOutput(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') return stdoutTarget();
  const place = outputPlace(path);
  return place.kind === 'file' ? atomicTarget(path, place) : streamTarget(path, place.path);
}

/** Which outputs of one command land in one file (stdout may take several). */
function checkDistinct(paths: readonly (string | undefined)[]): void {
  const seen = new Map<string, string>();
  for (const path of paths) {
    if (path === undefined || path === '-') continue;
    const place = outputPlace(path);
    const other = seen.get(place.path);
    if (other !== undefined) throw new UsageError(`cannot write ${other} and ${path}: they are the same file`);
    seen.set(place.path, path);
  }
}

/**
 * Runs `produce` with an output opened for each of `paths` (stdout for undefined or `-`):
 * every one is checked, and its temporary file made, before anything is read or written, so
 * a bad last path leaves the first file as it was; all are committed once `produce` has
 * written them all, and all dropped when it throws.
 */
export async function withOutputs(paths: readonly (string | undefined)[], produce: (outputs: OutputTarget[]) => Promise<void>): Promise<void> {
  checkDistinct(paths);
  const outputs: OutputTarget[] = [];
  try {
    for (const path of paths) outputs.push(openOutput(path));
    await produce(outputs);
    for (const output of outputs) await output.commit();
  } catch (error) {
    for (const output of outputs) output.abort();
    throw error;
  }
}

/**
 * Writes a command's output to `path` (stdout when undefined or `-`): commits it when
 * `produce` succeeds, drops the partial file when it throws.
 */
export async function writeOutput(path: string | undefined, produce: (write: (data: string | Uint8Array) => Promise<boolean>) => Promise<void>): Promise<void> {
  await withOutputs([path], ([output]) => produce((data) => output!.write(data)));
}
