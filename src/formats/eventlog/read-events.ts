// Reads an eventlog for consumers that work from each event's bytes rather than from objects (the
// `ghc-events show` printer): the events are kept in an EventStore as they are read, then handed
// out through a cursor, in time order or in file order.
//
// Time order needs the whole input first: each capability flushes its own blocks, so a block read
// late can hold the earliest events (ghc-events `hello-ghc-8.6.5.eventlog`: the global block at
// 586900 follows the cap-0 block at 587000).
import type { InputWarning } from '../../model/diagnostic.js';
import type { ByteChunks } from '../common/byte-chunks.js';
import { EventStore, type EventStoreOptions } from './event-store.js';
import type { EventlogHeader } from './header.js';
import { materializeOrStop } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import type { EventVisitor, RawEvent, RawEventCursor } from './raw-event.js';
import { FileOrderCursor, TimeOrderCursor } from './store-cursors.js';
import { EventlogStreamDecoder } from './stream-decoder.js';

export type RawEventlogPart =
  | { kind: 'header'; header: EventlogHeader }
  /** The events read so far (file order) or all of them (time order). */
  | { kind: 'events'; events: RawEventCursor }
  | { kind: 'warning'; warning: InputWarning };

/**
 * `time`: ghc-events' order (sorted by time, equal times in file order), all events in one cursor
 * once the input is read. `file`: the stored order, one cursor per input chunk as soon as it is
 * read, so memory stays within a chunk.
 */
export type EventOrder = 'time' | 'file';

/** Stores every sound event the decoder reads. */
class StoringVisitor implements EventVisitor {
  logHeader: EventlogHeader | null = null;
  store: EventStore | null = null;
  readonly warnings: InputWarning[] = [];
  private decoders: PayloadDecoders | null = null;

  constructor(
    private readonly stopper: () => EventlogStreamDecoder,
    private readonly storeOptions: EventStoreOptions,
  ) {}

  header(header: EventlogHeader): void {
    this.logHeader = header;
    this.decoders = new PayloadDecoders(header);
    this.store = new EventStore(header, this.storeOptions);
  }

  warning(warning: InputWarning): void {
    this.warnings.push(warning);
  }

  event(raw: RawEvent): void {
    // A malformed payload stops the log at its place in the file, as in `decodeEventlog`; only
    // variable-size payloads can be malformed, so only those are decoded here.
    if (this.decoders!.mayReject(raw.typeId) && materializeOrStop(raw, this.decoders!, this.stopper()) === null) return;
    this.store!.add(raw);
  }

  /** The events stored so far, leaving an empty store for the next ones. */
  takeStore(): EventStore | null {
    const store = this.store;
    if (store !== null) this.store = new EventStore(this.logHeader!, this.storeOptions);
    return store;
  }
}

/**
 * Yields `header` once, the events through cursors in `order`, and a `warning` part if the log was
 * cut short or corrupt (every event before the fault is yielded). Throws `InputError` only when the
 * input is not an eventlog. With `keepChunks`, the chunks are handed over (see EventStoreOptions).
 */
export async function* readEventlogEvents(
  chunks: ByteChunks,
  sourceName: string,
  order: EventOrder,
  options: EventStoreOptions = {},
): AsyncGenerator<RawEventlogPart> {
  const visitor: StoringVisitor = new StoringVisitor(() => decoder, options);
  const decoder = new EventlogStreamDecoder(sourceName, visitor);

  let headerYielded = false;
  function* ready(final: boolean): Generator<RawEventlogPart> {
    if (!headerYielded && visitor.logHeader !== null) {
      headerYielded = true;
      yield { kind: 'header', header: visitor.logHeader };
    }
    if (order === 'time' && !final) return;
    const store = visitor.store;
    if (store === null || store.eventCount === 0) return;
    visitor.takeStore();
    yield { kind: 'events', events: order === 'time' ? new TimeOrderCursor(store) : new FileOrderCursor(store) };
  }

  for await (const chunk of chunks) {
    decoder.push(chunk);
    // Store the last range of the chunk while it is as the caller gave it.
    visitor.store?.flush();
    yield* ready(false);
    if (decoder.done) break;
  }
  decoder.finish();
  visitor.store?.flush();
  yield* ready(true);
  for (const warning of visitor.warnings) yield { kind: 'warning', warning };
}
