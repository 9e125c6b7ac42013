// `ghcprof events FILE`: print a GHC eventlog as text, byte for byte what `ghc-events show`
// prints (event-type table, then events sorted by time).
import { Command } from 'commander';
import { formatWarning, type InputWarning } from '../../model/diagnostic.js';
import { readEventlog } from '../../formats/eventlog/index.js';
import { openInput } from '../../runs/input.js';
import { ChunkPool, EventsTextPrinter } from '../../render/events-text/index.js';
import { openOutput } from '../output.js';
import { runAction } from '../run-command.js';

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
      'print events in the order they are stored, as soon as they are read, instead of sorted by time (`ghc-events show` sorts, which needs the whole log in memory)',
    )
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(runAction((file: string, options: EventsOptions) => printEvents(file, options)));
}

async function printEvents(path: string, options: EventsOptions): Promise<void> {
  const input = openInput(path);
  const output = openOutput(options.output);
  const printWarning = (warning: InputWarning): void => {
    process.stderr.write(`${formatWarning(warning)}\n`);
  };
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
  try {
    // The input's chunks are fresh buffers, never reused: the reader may keep them rather than copy.
    await readEventlog(input.chunks(), { source: input.name, order: options.fileOrder ? 'file' : 'time', keepChunks: true }, printer);
    await printer.finish();
    await writing;
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  for (const warning of input.warnings) printWarning(warning);
}
