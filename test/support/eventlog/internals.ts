// The eventlog reader's and printer's internals that white-box tests look at: layouts, their
// decoders, the header reader, the store's segment records, and which layouts print straight from bytes.
export { ALL_LAYOUTS, PayloadDecoders } from '../../../src/formats/eventlog/payload-decoders.js';
export { PayloadReader } from '../../../src/formats/eventlog/payload-reader.js';
export type { PayloadLayout } from '../../../src/formats/eventlog/payloads/layout.js';
export { SegmentLog } from '../../../src/formats/eventlog/segment-log.js';
export { byteLineOf } from '../../../src/render/events-text/byte-lines.js';

import { readEventlogHeader, type EventlogHeader } from '../../../src/formats/eventlog/header.js';
export type { EventlogHeader };

/** The header of a whole log. */
export function headerOf(bytes: Uint8Array): EventlogHeader {
  const result = readEventlogHeader(bytes, 'test');
  if (result.status !== 'complete') throw new Error('incomplete header');
  return result.header;
}
