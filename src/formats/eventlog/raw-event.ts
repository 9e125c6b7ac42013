// The low-level view of one event handed to an `EventVisitor`: where its bytes are, not what they
// mean. One object is reused for every event, so visitors that only count or aggregate allocate
// nothing per event; `materializeEvent` (materialize.ts) builds a full `EventlogEvent` on demand.
import type { EventlogHeader } from './header.js';
import type { InputWarning } from '../../model/diagnostic.js';

export interface RawEvent {
  typeId: number;
  /** Nanoseconds since the RTS started; exact below 2^53 (about 104 days). */
  timeNs: number;
  /** Capability of the enclosing block, or -1 for none (global buffer, or after a block's end). */
  cap: number;
  /** Absolute offset in the input of the event's first byte (its type field). */
  byteOffset: number;
  /** The bytes holding the event; valid only during the `event` call. */
  bytes: Uint8Array;
  /** A DataView over `bytes` (same offsets) for reading big-endian fields. */
  view: DataView;
  /** Index in `bytes` of the first payload byte (after the type, time and, if variable, length). */
  payloadOffset: number;
  payloadBytes: number;
}

export interface EventVisitor {
  /** Called once, before any event. */
  header?(header: EventlogHeader): void;
  /** Called for every complete event in file order, block markers included. Do not keep `event`. */
  event(event: RawEvent): void;
  /** Called when decoding stops early (truncation, corruption); the warning is also kept on the decoder. */
  warning?(warning: InputWarning): void;
}

/** A pull-style walk over stored events (store-cursors.ts). */
export interface RawEventCursor {
  /** The current event; reused, and valid until the next call of `next`. */
  readonly raw: RawEvent;
  /** Moves to the next event; false when there is none. */
  next(): boolean;
}
