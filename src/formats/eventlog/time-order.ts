// Events as full objects in time order, as ghc-events presents a log (`sortEvents`: a stable sort
// on the timestamp, used by `ppEventLog` and `ghc-events show`). The events are stored compactly
// and merged by read-events.ts; objects are built only as each batch is handed out.
import type { ByteChunks } from '../common/byte-chunks.js';
import type { EventlogPart } from './decode-eventlog.js';
import type { EventlogEvent } from './event-info.js';
import { materializeEvent } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import { readEventlogEvents } from './read-events.js';

const BATCH_EVENTS = 4096;

/**
 * Like `decodeEventlog`, but yields the events sorted by time (all of them after the input has
 * been read), which is the order of `ghc-events show`. A payload that does not decode stops the
 * log at that event, as in file order.
 */
export async function* decodeEventlogInTimeOrder(chunks: ByteChunks, sourceName: string): AsyncGenerator<EventlogPart> {
  let decoders: PayloadDecoders | null = null;
  for await (const part of readEventlogEvents(chunks, sourceName, 'time')) {
    if (part.kind === 'header') decoders = new PayloadDecoders(part.header);
    if (part.kind !== 'events') {
      yield part;
      continue;
    }
    const cursor = part.events;
    let batch: EventlogEvent[] = [];
    while (cursor.next()) {
      // Cannot throw: the reader stopped the log before any payload that does not decode.
      batch.push(materializeEvent(cursor.raw, decoders!));
      if (batch.length === BATCH_EVENTS) {
        yield { kind: 'events', events: batch };
        batch = [];
      }
    }
    if (batch.length > 0) yield { kind: 'events', events: batch };
  }
}
