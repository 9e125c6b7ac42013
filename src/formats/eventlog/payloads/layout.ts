// The shape shared by every payload decoder: which event type it reads, how many bytes of
// payload it reads (a version of the event), and how to turn those bytes into an `EventInfo`.
import type { EventInfo } from '../event-info.js';
import type { PayloadReader } from '../payload-reader.js';

/** Facts about the whole log that change how some payloads decode. */
export interface DecodeContext {
  /**
   * GHC 7.8.2 alone shifted the STOP_THREAD status codes from 8 up by one; it is recognised by
   * declaring USER_MARKER (58) but not HACK_BUG_T9003 (59) (ghc-events EventTypes.hs,
   * Note [Stop status in GHC-7.8.2]).
   */
  stopStatusEncoding: 'standard' | 'ghc-7.8.2';
}

export interface PayloadLayout {
  typeId: number;
  /**
   * Payload bytes this version of the event reads, or null for a variable-size event. Events grow
   * only at the end, so a log that declares a larger size is read with the largest layout that fits
   * and the rest is skipped (ghc-events EventParserUtils.hs `getFixedParser`, `padParser`).
   */
  sizeBytes: number | null;
  decode(reader: PayloadReader, context: DecodeContext): EventInfo;
}

/** A layout for an event without payload. */
export function payloadless(typeId: number, info: EventInfo): PayloadLayout {
  return { typeId, sizeBytes: 0, decode: () => info };
}
