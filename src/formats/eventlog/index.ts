// Public API of the eventlog reader (GHC `+RTS -l` binary eventlogs).
export type { ByteChunks } from '../common/byte-chunks.js';
export { decodeEventlog, scanEventlog, type EventlogPart, type EventlogScanResult } from './decode-eventlog.js';
export { decodeEventlogInTimeOrder } from './time-order.js';
export { readEventlogEvents, type EventOrder, type RawEventlogPart } from './read-events.js';
export { EventlogStreamDecoder } from './stream-decoder.js';
export { readEventlogHeader, type EventlogHeader, type EventTypeDeclaration, type HeaderReadResult } from './header.js';
export type { EventVisitor, RawEvent, RawEventCursor } from './raw-event.js';
export { materializeEvent } from './materialize.js';
export { PayloadDecoders } from './payload-decoders.js';
export { EventId } from './format.js';
export type * from './event-info.js';
