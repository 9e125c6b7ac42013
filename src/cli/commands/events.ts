// `ghcprof events FILE`: print a GHC eventlog as text, line for line what `ghc-events show`
// prints (event-type table, then events sorted by time).
import { once } from 'node:events';
import { Command } from 'commander';
import { formatWarning, InputError, type InputWarning } from '../../model/diagnostic.js';
import { decodeEventlog } from '../../parse/eventlog/decode-eventlog.js';
import { decodeEventlogInTimeOrder } from '../../parse/eventlog/time-order.js';
import { openInput } from '../../parse/input.js';
import { renderEventsText } from '../../render/events-text.js';

interface EventsOptions {
  fileOrder?: boolean;
}

export function eventsCommand(): Command {
  return new Command('events')
    .description('print the events of a GHC eventlog (+RTS -l) as `ghc-events show` does')
    .argument('<file>', 'an .eventlog file, gzipped or not; - reads standard input')
    .option(
      '--file-order',
      'print events in the order they are stored, as soon as they are read, instead of sorted by time (`ghc-events show` sorts, which needs the whole log in memory)',
    )
    .action(async (file: string, options: EventsOptions) => {
      try {
        await printEvents(file, options);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        process.stderr.write(`ghcprof: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}

async function printEvents(path: string, options: EventsOptions): Promise<void> {
  const input = openInput(path);
  const decode = options.fileOrder ? decodeEventlog : decodeEventlogInTimeOrder;
  const printWarning = (warning: InputWarning): void => {
    process.stderr.write(`${formatWarning(warning)}\n`);
  };
  const output = new StdoutWriter();
  for await (const text of renderEventsText(decode(input.chunks(), input.name), { onWarning: printWarning })) {
    if (!(await output.write(text))) break;
  }
  for (const warning of input.warnings) printWarning(warning);
}

/** Writes to stdout in the pieces given, waiting while its buffer is full; stops quietly if the reader goes away (`| head`). */
class StdoutWriter {
  private closed = false;
  private failure: Error | null = null;

  constructor() {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else this.failure = error;
    });
  }

  /** Returns false once nobody reads the output any more. */
  async write(text: string): Promise<boolean> {
    if (this.failure !== null) throw this.failure;
    if (this.closed) return false;
    if (!process.stdout.write(text)) {
      try {
        await once(process.stdout, 'drain');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        this.closed = true;
      }
    }
    return !this.closed;
  }
}
