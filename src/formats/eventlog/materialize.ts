// Builds full event objects from the decoder's low-level view, for readers that want them.
import type { EventlogEvent } from './event-info.js';
import type { PayloadDecoders } from './payload-decoders.js';
import { InvalidFieldError, PayloadTooShortError } from './payload-reader.js';
import type { RawEvent, Stop } from './raw-event.js';

/**
 * The `EventlogEvent` for a raw event. Throws `PayloadTooShortError` / `InvalidFieldError`
 * (payload-reader.ts) when the payload does not hold the fields its declared type needs.
 */
export function materializeEvent(raw: RawEvent, decoders: PayloadDecoders): EventlogEvent {
  return {
    timeNs: raw.timeNs,
    cap: raw.cap < 0 ? null : raw.cap,
    typeId: raw.typeId,
    byteOffset: raw.byteOffset,
    info: decoders.decode(raw.typeId, raw.bytes, raw.view, raw.payloadOffset, raw.payloadBytes),
  };
}

/**
 * Like `materializeEvent`, but a malformed payload gives the `Stop` that ends the read at the
 * event: after a payload that contradicts its declared type nothing can be trusted, as after an
 * undeclared event type.
 */
export function materializeOrStop(raw: RawEvent, decoders: PayloadDecoders): EventlogEvent | Stop {
  try {
    return materializeEvent(raw, decoders);
  } catch (error) {
    if (!(error instanceof PayloadTooShortError || error instanceof InvalidFieldError)) throw error;
    return { stop: `event type ${raw.typeId} is malformed (${error.message}): the log is corrupt from here` };
  }
}
