// The whole `ghc-events show` text of a log (ghc-events Events.hs `ppEventLog` with raw times):
// the event-type table, then one line per event, as UTF-8 chunks of about `chunkBytes` handed to
// a sink. An eventlog visitor: read the log with it in time order for ghc-events' output.
//
//   const printer = new EventsTextPrinter({ write });
//   await readEventlog(chunks, { source, order: 'time' }, printer);
//   await printer.finish();
import type { InputWarning } from '../../model/diagnostic.js';
import type { EventlogHeader, EventlogVisitor, RawEvent, Stop, VisitResult } from '../../formats/eventlog/index.js';
import { ByteWriter } from './byte-writer.js';
import { ChunkPool } from './chunk-pool.js';
import { formatEventType } from './event-text.js';
import { ShowPrinter } from './show-printer.js';

/**
 * Takes a chunk of output: it is the sink's until it gives it back to the printer's pool. A sink
 * that writes asynchronously returns a promise, to false if nobody reads any more (then the read ends).
 */
export type ChunkSink = (chunk: Uint8Array) => void | PromiseLike<boolean>;

export interface PrinterOptions {
  write: ChunkSink;
  /** Approximate size of each chunk. */
  chunkBytes?: number;
  /** Where the sink gives back chunks it has written, for the printer to fill again. */
  pool?: ChunkPool;
  /** Receives warnings found while reading (the text itself only holds events). */
  onWarning?: (warning: InputWarning) => void;
}

const STOP_QUIETLY: Stop = { stop: null };

export class EventsTextPrinter implements EventlogVisitor {
  private readonly chunkBytes: number;
  private readonly out: ByteWriter;
  private log: ShowPrinter | null = null;

  constructor(private readonly options: PrinterOptions) {
    this.chunkBytes = options.chunkBytes ?? 1 << 20;
    this.out = new ByteWriter(this.chunkBytes, options.pool ?? new ChunkPool());
  }

  header(header: EventlogHeader): void {
    this.log = new ShowPrinter(header);
    this.out.text(`Event Types:\n${header.eventTypes.map((declaration) => `${formatEventType(declaration)}\n`).join('')}\nEvents:\n`);
  }

  raw(event: RawEvent): VisitResult {
    this.log!.print(event, this.out);
    if (this.out.size >= this.chunkBytes) return this.emit();
  }

  warning(warning: InputWarning): void {
    this.options.onWarning?.(warning);
  }

  /** Hands over the rest of the text, once the read is done. */
  async finish(): Promise<void> {
    // `ghc-events show` ends with putStrLn of a text that already ends in a newline.
    if (this.log !== null) this.out.text('\n');
    if (this.out.size > 0) await this.emit();
  }

  private emit(): VisitResult {
    const written = this.options.write(this.out.take());
    if (written === undefined) return;
    return Promise.resolve(written).then((open) => (open ? undefined : STOP_QUIETLY));
  }
}
