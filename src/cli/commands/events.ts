// `ghcprof events FILE`: print a GHC eventlog as text, byte for byte what `ghc-events show`
// prints (event-type table, then events sorted by time).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Command } from 'commander';
import type { InputWarning } from '../../model/diagnostic.js';
import { GZIP_MAGIC_BYTES, isGzip } from '../../formats/common/gzip.js';
import { readEventlog, type RandomAccessInput } from '../../formats/eventlog/index.js';
import { openInput } from '../../runs/input.js';
import { ChunkPool, EventsTextPrinter } from '../../render/events-text/index.js';
import { openOutput } from '../output.js';
import { runAction } from '../run-command.js';
import { printWarnings } from '../warnings.js';

/** Output chunks: far above a Node stream's 16 KB buffer, so a write resolves once written. */
const CHUNK_BYTES = 1 << 20;

interface EventsOptions {
  fileOrder?: boolean;
  output?: string;
}

export function eventsCommand(): Command {
  return new Command('events')
    .description('print the events of a GHC eventlog (+RTS -l) as `ghc-events show` does')
    .argument('<file>', 'an .eventlog file, gzipped or not; - reads standard input')
    .option(
      '--file-order',
      'print events in the order they are stored, as soon as they are read, instead of sorted by time (`ghc-events show` sorts, which needs the whole log first: kept in memory when it comes gzipped or from stdin, read again from the file otherwise)',
    )
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(runAction((file: string, options: EventsOptions) => printEvents(file, options)));
}

async function printEvents(path: string, options: EventsOptions): Promise<void> {
  const input = openInput(path);
  const output = openOutput(options.output);
  const printWarning = (warning: InputWarning): void => printWarnings([warning]);
  const pool = new ChunkPool();
  // Each chunk is written while the next one is printed, then given back to be printed into again.
  let writing: Promise<boolean> = Promise.resolve(true);
  let inFlight: Uint8Array | null = null;
  const write = async (chunk: Uint8Array): Promise<boolean> => {
    if (!(await writing)) return false;
    if (inFlight !== null) pool.release(inFlight);
    inFlight = chunk;
    writing = output.write(chunk);
    // Its failure is seen at the next await; until then it must not count as unhandled.
    writing.catch(() => undefined);
    return true;
  };
  const printer = new EventsTextPrinter({ write, onWarning: printWarning, pool, chunkBytes: CHUNK_BYTES });
  const file = options.fileOrder ? null : openRereadable(path);
  try {
    // Events read again from the file (time order), or printed as they are read (file order),
    // keep nothing of a chunk: it can be read into reused buffers. Otherwise the reader keeps
    // the input's chunks rather than copy them, and they must be fresh.
    const keepsNothing = file !== null || options.fileOrder === true;
    await readEventlog(
      keepsNothing ? input.transientChunks() : input.chunks(),
      { source: input.name, order: options.fileOrder ? 'file' : 'time', keepChunks: true, reread: file?.input },
      printer,
    );
    await printer.finish();
    await writing;
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  } finally {
    file?.close();
  }
  for (const warning of input.warnings) printWarning(warning);
}

/**
 * The file at `path` to read events from again, when it is a file on disk holding the eventlog
 * itself (not gzipped); null otherwise, and for stdin. Failures to open it are for the input's own
 * reading to report.
 */
function openRereadable(path: string): { input: RandomAccessInput; close(): void } | null {
  if (path === '-') return null;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  const head = new Uint8Array(GZIP_MAGIC_BYTES);
  if (!fstatSync(fd).isFile() || readSync(fd, head, 0, head.length, 0) < head.length || isGzip(head)) {
    closeSync(fd);
    return null;
  }
  return { input: { readAt: (into, position) => readSync(fd, into, 0, into.length, position) }, close: () => closeSync(fd) };
}
