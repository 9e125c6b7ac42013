// The two ways to read an eventlog from a stream of chunks:
//  - `scanEventlog` drives a low-level visitor (no object per event; for aggregation over big logs);
//  - `decodeEventlog` yields the header, then batches of full event objects (one batch per chunk),
//    then any warning.
// Both stop reading the input once the log ends or turns out corrupt, and throw `InputError` only
// when the input is not an eventlog at all.
import type { InputWarning } from '../../model/diagnostic.js';
import type { ByteChunks } from '../common/byte-chunks.js';
import type { EventlogEvent } from './event-info.js';
import type { EventlogHeader } from './header.js';
import { materializeOrStop } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import type { EventVisitor, RawEvent } from './raw-event.js';
import { EventlogStreamDecoder } from './stream-decoder.js';

export interface EventlogScanResult {
  /** Null when the input ended inside the header. */
  header: EventlogHeader | null;
  eventCount: number;
  bytesRead: number;
  /** Why decoding stopped early, if it did (at most one). */
  warnings: InputWarning[];
}

/** Feeds every chunk to a fresh decoder driving `visitor`, until the input or the log ends. */
export async function scanEventlog(chunks: ByteChunks, sourceName: string, visitor: EventVisitor): Promise<EventlogScanResult> {
  const decoder = new EventlogStreamDecoder(sourceName, visitor);
  for await (const chunk of chunks) {
    decoder.push(chunk);
    if (decoder.done) break;
  }
  decoder.finish();
  return { header: decoder.header, eventCount: decoder.eventCount, bytesRead: decoder.bytesSeen, warnings: decoder.warnings };
}

export type EventlogPart =
  | { kind: 'header'; header: EventlogHeader }
  | { kind: 'events'; events: EventlogEvent[] }
  | { kind: 'warning'; warning: InputWarning };

/** Collects full event objects from the low-level decoder, one batch per input chunk. */
class EventCollector {
  decoder!: EventlogStreamDecoder;
  header: EventlogHeader | null = null;
  batch: EventlogEvent[] = [];
  warnings: InputWarning[] = [];
  private decoders: PayloadDecoders | null = null;

  headerRead(header: EventlogHeader): void {
    this.header = header;
    this.decoders = new PayloadDecoders(header);
  }

  event(raw: RawEvent): void {
    const event = materializeOrStop(raw, this.decoders!, this.decoder);
    if (event !== null) this.batch.push(event);
  }

  warning(warning: InputWarning): void {
    this.warnings.push(warning);
  }
}

/**
 * Decodes an eventlog from its chunks: yields `header` once, `events` batches in file order, and a
 * `warning` part if the log was cut short or corrupt (everything decoded before it is yielded).
 */
export async function* decodeEventlog(chunks: ByteChunks, sourceName: string): AsyncGenerator<EventlogPart> {
  const collector = new EventCollector();
  const decoder = new EventlogStreamDecoder(sourceName, {
    header: (header) => collector.headerRead(header),
    event: (raw) => collector.event(raw),
    warning: (warning) => collector.warning(warning),
  });
  collector.decoder = decoder;
  let headerYielded = false;

  function* drain(): Generator<EventlogPart> {
    if (!headerYielded && collector.header !== null) {
      headerYielded = true;
      yield { kind: 'header', header: collector.header };
    }
    if (collector.batch.length > 0) {
      const events = collector.batch;
      collector.batch = [];
      yield { kind: 'events', events };
    }
    for (const warning of collector.warnings.splice(0)) yield { kind: 'warning', warning };
  }

  for await (const chunk of chunks) {
    decoder.push(chunk);
    yield* drain();
    if (decoder.done) break;
  }
  decoder.finish();
  yield* drain();
}
