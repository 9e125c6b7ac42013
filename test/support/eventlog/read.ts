// Reads eventlogs for tests, through the one reading API (readEventlog): every event as an
// object, a bare count of the events, and the `ghc-events show` text.
import type { InputWarning } from '../../../src/model/diagnostic.js';
import {
  readEventlog,
  type ByteChunks,
  type EventlogEvent,
  type EventlogReadResult,
  type EventOrder,
} from '../../../src/formats/eventlog/index.js';
import { ChunkPool, EventsTextPrinter } from '../../../src/render/events-text/index.js';

export interface Decoded {
  events: EventlogEvent[];
  warnings: InputWarning[];
  headerSeen: boolean;
}

/** Every event, decoded, in file order (or time order), with the warnings. */
export async function decodeAll(chunks: ByteChunks, source = 'test.eventlog', order: EventOrder = 'file'): Promise<Decoded> {
  const decoded: Decoded = { events: [], warnings: [], headerSeen: false };
  const result = await readEventlog(chunks, { source, order }, {
    header: () => {
      decoded.headerSeen = true;
    },
    event: (event) => {
      decoded.events.push(event);
    },
  });
  decoded.warnings.push(...result.warnings);
  return decoded;
}

/** Reads every event as bytes only, decoding nothing; `visit` sees each one. */
export function scanEventlog(chunks: ByteChunks, source: string, visit: () => void): Promise<EventlogReadResult> {
  return readEventlog(chunks, { source, order: 'file', types: [] }, { raw: visit });
}

export interface Rendered {
  text: string;
  warnings: InputWarning[];
}

export interface ShowOptions {
  /** Time order (the default) is `ghc-events show`'s. */
  order?: EventOrder;
  /** Hand the chunks over to the reader (it may keep them uncopied). */
  keepChunks?: boolean;
  /** Size of the printer's output chunks; each is copied, then given back to be printed into again. */
  chunkBytes?: number;
}

/** The `ghc-events show` text of a log given as chunks (events sorted by time). */
export async function renderShow(chunks: ByteChunks, source = 'test.eventlog', options: ShowOptions = {}): Promise<Rendered> {
  const warnings: InputWarning[] = [];
  const pieces: Buffer[] = [];
  const pool = new ChunkPool();
  const printer = new EventsTextPrinter({
    onWarning: (warning) => warnings.push(warning),
    chunkBytes: options.chunkBytes,
    pool,
    write: (piece) => {
      pieces.push(Buffer.from(piece));
      pool.release(piece);
    },
  });
  await readEventlog(chunks, { source, order: options.order ?? 'time', keepChunks: options.keepChunks ?? false }, printer);
  await printer.finish();
  return { text: Buffer.concat(pieces).toString('utf8'), warnings };
}
