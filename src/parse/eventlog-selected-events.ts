// Reads only the eventlog events a consumer asks for, as full objects: the decoder hands
// every event over as raw bytes, and only the wanted types are decoded, so a summary of a
// gigabyte log allocates per interesting event, not per event.
import type { EventlogEvent } from './eventlog/event-info.js';
import type { EventlogHeader } from './eventlog/header.js';
import { materializeOrStop } from './eventlog/materialize.js';
import { PayloadDecoders } from './eventlog/payload-decoders.js';
import type { RawEvent } from './eventlog/raw-event.js';
import { EventlogStreamDecoder } from './eventlog/stream-decoder.js';
import type { InputWarning } from '../model/diagnostic.js';

export interface SelectedEventsResult {
  header: EventlogHeader | null;
  eventCount: number;
  warnings: InputWarning[];
}

export interface SelectedEventsOptions {
  /** Event type ids to decode and hand to `onEvent`. */
  typeIds: ReadonlySet<number>;
  onEvent(event: EventlogEvent): void;
  /** Optional: sees every event's raw view (type and time) without decoding it. */
  onRawEvent?(raw: RawEvent): void;
}

export async function readSelectedEvents(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
  options: SelectedEventsOptions,
): Promise<SelectedEventsResult> {
  let decoders: PayloadDecoders | null = null;
  const decoder: EventlogStreamDecoder = new EventlogStreamDecoder(source, {
    header: (header) => {
      decoders = new PayloadDecoders(header);
    },
    event: (raw) => {
      options.onRawEvent?.(raw);
      if (!options.typeIds.has(raw.typeId)) return;
      const event = materializeOrStop(raw, decoders!, decoder);
      if (event === null) return;
      options.onEvent(event);
    },
  });
  for await (const chunk of chunks) {
    decoder.push(chunk);
    if (decoder.done) break;
  }
  decoder.finish();
  return { header: decoder.header, eventCount: decoder.eventCount, warnings: decoder.warnings };
}
