// Reads only the eventlog events a consumer asks for, as full objects: the decoder hands
// every event over as raw bytes, and only the wanted types are decoded, so a summary of a
// gigabyte log allocates per interesting event, not per event.
import type { EventlogEvent } from './event-info.js';
import type { EventlogHeader } from './header.js';
import { materializeOrStop } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import type { RawEvent } from './raw-event.js';
import { EventlogStreamDecoder } from './stream-decoder.js';
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import type { ByteChunks } from '../common/byte-chunks.js';

export interface SelectedEventsResult {
  header: EventlogHeader;
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
  chunks: ByteChunks,
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
  // Every consumer needs the header's event types: a log cut inside it has nothing to read.
  if (decoder.header === null) throw new InputError({ source, byteOffset: 0 }, 'the eventlog ends inside its header; no events to read');
  return { header: decoder.header, eventCount: decoder.eventCount, warnings: decoder.warnings };
}
