// The `ghc-events show` text of an eventlog: `EventsTextPrinter` (an eventlog visitor printing
// the whole text as byte chunks) and the text of single decoded events.
export { ChunkPool } from './chunk-pool.js';
export { EventsTextPrinter, type ChunkSink, type PrinterOptions } from './events-text-printer.js';
export { formatEvent } from './event-text.js';
