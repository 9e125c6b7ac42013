// The low-level view of one event: where its bytes are, not what they mean. One object is reused
// for every event, so readers that only count or aggregate allocate nothing per event;
// `materializeEvent` (materialize.ts) builds a full `EventlogEvent` on demand.
import type { EventlogHeader } from './header.js';

export interface RawEvent {
  typeId: number;
  /** Nanoseconds since the RTS started; exact below 2^53 (about 104 days). */
  timeNs: number;
  /** Capability of the enclosing block, or -1 for none (global buffer, or after a block's end). */
  cap: number;
  /** Absolute offset in the input of the event's first byte (its type field). */
  byteOffset: number;
  /** The bytes holding the event; valid only while the event is being visited. */
  bytes: Uint8Array;
  /** A DataView over `bytes` (same offsets) for reading big-endian fields. */
  view: DataView;
  /** Index in `bytes` of the first payload byte (after the type, time and, if variable, length). */
  payloadOffset: number;
  payloadBytes: number;
}

/**
 * Returned by a visitor to end the read at the current event. A reason says why the log cannot be
 * read further and becomes the read's warning, located at the event, as for a corrupt log; null
 * ends the read quietly (the visitor has what it needs, or nobody reads its output any more).
 */
export interface Stop {
  readonly stop: string | null;
}

/** Returned by a decoder visitor to stop decoding until the decoder's `resume()`. */
export const PAUSE: unique symbol = Symbol('pause');

export type DecoderSignal = undefined | Stop | typeof PAUSE;

/** What the stream decoder (stream-decoder.ts) drives. */
export interface DecoderVisitor {
  /** Called once, before any event. */
  header(header: EventlogHeader): void;
  /** Called for every complete event in file order, block markers included. Do not keep `event`. */
  event(event: RawEvent): DecoderSignal;
}

/** A pull-style walk over stored events (store-cursors.ts). */
export interface RawEventCursor {
  /** The current event; reused, and valid until the next call of `next`. */
  readonly raw: RawEvent;
  /** Moves to the next event; false when there is none. */
  next(): boolean;
}
