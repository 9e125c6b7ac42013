// Public API of the eventlog reader (GHC `+RTS -l` binary eventlogs): the only module code outside
// src/formats/eventlog/ imports.
//
// Reading: `readEventlog(chunks, { source, order, types? }, visitor)` (read-eventlog.ts); a
// visitor of raw events reads the fields it needs straight from their bytes (integer-fields.ts).
// Layouts: each payload's fields are declared once, in a table per event family (payloads/*.ts);
// the decoder, the `EventInfo` types and the `ghc-events show` printer's byte-level lines
// (render/events-text/) are derived from the tables.
export type { ByteChunks } from '../common/byte-chunks.js';
export {
  readEventlog,
  requireHeader,
  type EventlogReadResult,
  type EventlogVisitor,
  type EventOrder,
  type ReadEventlogOptions,
  type VisitResult,
} from './read-eventlog.js';
export type { RawEvent, Stop } from './raw-event.js';
export type { RandomAccessInput } from './random-access-input.js';
export { integerField, type IntegerField } from './integer-fields.js';
export type { EventlogHeader, EventTypeDeclaration } from './header.js';
export type * from './event-info.js';
export { BLOCK_MARKER_EVENT_BYTES, DATA_END, EVENT_HEADER_BYTES, EventId, startsWithEventlogMagic, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
// The bench writes large logs from a sample's events (bench/generate-eventlog.ts): it walks them by the header's sizes.
export { payloadSizeTable, readEventlogHeader, UNDECLARED_PAYLOAD, VARIABLE_PAYLOAD } from './header.js';

// Readers of what GHC's other tools read from an eventlog.
export { readEventlogTimeProfile, type SampleWindow } from './eventlog-time-profile.js';
export { readEventlogHeapSeries } from './eventlog-heap-series.js';
export { impossibleWallClock, programName, wallClockIso } from './eventlog-process-info.js';

// Layouts, for printers that work from an event's bytes.
export { PayloadDecoders } from './payload-decoders.js';
export { ALL_LAYOUTS } from './payloads/all-layouts.js';
export type { FieldType } from './payloads/codecs.js';
export type { DecodeContext, LayoutField, PayloadLayout } from './payloads/layout.js';
export { threadStopStatus } from './payloads/thread-stop-status.js';
