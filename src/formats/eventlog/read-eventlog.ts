// The one way to read an eventlog: `readEventlog(chunks, options, visitor)` drives a visitor over
// the events, in file order while the input is read, or in ghc-events' time order once it is.
//
// A visitor sees each event as bytes (`raw`: type, time, capability and where the payload is; no
// object per event, for counting and aggregating over big logs), as a decoded object (`event`,
// for the types it asks for), or both. It can end the read by returning a `Stop`, and hold it up
// by returning a promise (a printer waiting for its output to drain). The read stops with a warning,
// keeping everything before, when the log is cut short or corrupt, and throws `InputError` only
// when the input is not an eventlog at all.
//
// Time order needs the whole input first: each capability flushes its own blocks, so a block read
// late can hold the earliest events (ghc-events `hello-ghc-8.6.5.eventlog`: the global block at
// 586900 follows the cap-0 block at 587000). The events are kept compactly meanwhile
// (event-store.ts) and merged by time (store-cursors.ts). From an input that can be read again at
// any offset (a file on disk, `reread`), only where they are is kept, and the merge reads them
// again from the input: memory then stays small however big the log.
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import type { ByteChunks } from '../common/byte-chunks.js';
import type { EventlogEvent } from './event-info.js';
import { KeptPages, RereadPages } from './event-pages.js';
import { EventStore } from './event-store.js';
import type { EventlogHeader } from './header.js';
import { materializeEvent, materializeOrStop } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import type { RandomAccessInput } from './random-access-input.js';
import { PAUSE, type DecoderSignal, type DecoderVisitor, type RawEvent, type Stop } from './raw-event.js';
import { TimeOrderCursor } from './store-cursors.js';
import { EventlogStreamDecoder } from './stream-decoder.js';

/**
 * `file`: the order the events are stored in, as the input is read (memory stays within a chunk).
 * `time`: ghc-events' order (`sortEvents`: sorted by time, equal times in file order), once the
 * whole input is read.
 */
export type EventOrder = 'file' | 'time';

export interface ReadEventlogOptions {
  /** Names the input in warnings and errors. */
  source: string;
  order: EventOrder;
  /**
   * The event types whose payloads are decoded: each is checked (a malformed one ends the read
   * there, as a corrupt log does) and, if the visitor has `event`, handed to it. Default: every
   * type. Events of other types reach `raw` unchecked.
   */
  types?: Iterable<number>;
  /**
   * Time order: the caller hands its chunks over and never changes them afterwards, so they may
   * be kept instead of copied (true for fresh buffers from a stream).
   */
  keepChunks?: boolean;
  /**
   * Time order: the same bytes as the chunks, readable at any offset, and unchanged until the read
   * ends (a file on disk, not a pipe or a gzip stream). The events are then read from it again in
   * time order instead of kept.
   */
  reread?: RandomAccessInput;
}

/**
 * Nothing to go on; a `Stop` to end the read at this event; or a promise to wait for before the
 * next event (which may itself settle to a `Stop`). Any other value is ignored, as `void`
 * functions may return one (`(event) => list.push(event)`).
 */
export type VisitResult = void | Stop | PromiseLike<void | Stop>;

export interface EventlogVisitor {
  /** Called once, before any event. */
  header?(header: EventlogHeader): void;
  /** Every event, block markers included. Valid only during the call (and the wait it returns). */
  raw?(event: RawEvent): VisitResult;
  /** Every event of the selected `types`, decoded; after `raw` when the visitor has both. */
  event?(event: EventlogEvent): VisitResult;
  /** Why the read stopped early, if it did; called after every event was visited. */
  warning?(warning: InputWarning): void;
}

export interface EventlogReadResult {
  /** Null when the input ended inside the header. */
  header: EventlogHeader | null;
  /** Events read from the input, block markers included. */
  eventCount: number;
  bytesRead: number;
  /** Why the read stopped early, if it did. */
  warnings: InputWarning[];
}

export async function readEventlog(chunks: ByteChunks, options: ReadEventlogOptions, visitor: EventlogVisitor): Promise<EventlogReadResult> {
  const types = options.types === undefined ? null : new Set(options.types);
  const result = options.order === 'time' ? await readInTimeOrder(chunks, options, types, visitor) : await readInFileOrder(chunks, options.source, types, visitor);
  for (const warning of result.warnings) visitor.warning?.(warning);
  return result;
}

/** The header of a read, for readers that need its event types: throws when the input ended inside it. */
export function requireHeader(result: EventlogReadResult, source: string): EventlogHeader {
  if (result.header === null) throw new InputError({ source, byteOffset: 0 }, 'the eventlog ends inside its header; no events to read');
  return result.header;
}

/** For each event type of a log (by id): 1 when the reader decodes it. */
interface TypeMasks {
  /** Decoded ahead of the visitor, to stop the read at a malformed payload. */
  check: Uint8Array;
  /** Decoded and handed to the visitor's `event`. */
  deliver: Uint8Array;
  /** Either: most events of a big log are neither, and only reach `raw`. */
  decoded: Uint8Array;
}

function typeMasks(header: EventlogHeader, decoders: PayloadDecoders, types: ReadonlySet<number> | null, visitor: EventlogVisitor): TypeMasks {
  const check = new Uint8Array(0x10000);
  const deliver = new Uint8Array(0x10000);
  const decoded = new Uint8Array(0x10000);
  for (const id of header.byId.keys()) {
    if (types !== null && !types.has(id)) continue;
    if (decoders.mayReject(id)) check[id] = 1;
    if (visitor.event !== undefined) deliver[id] = 1;
    decoded[id] = check[id]! | deliver[id]!;
  }
  return { check, deliver, decoded };
}

/** What a visitor returned, as the reader takes it. */
type Signal = Stop | PromiseLike<unknown> | undefined;

function signalOf(result: unknown): Signal {
  if (typeof result !== 'object' || result === null) return undefined;
  if ('stop' in result) return result as Stop;
  return typeof (result as { then?: unknown }).then === 'function' ? (result as PromiseLike<unknown>) : undefined;
}

function isStop(signal: Stop | PromiseLike<unknown>): signal is Stop {
  return 'stop' in signal;
}

/** The `Stop` a wait settled to, if any. */
function stopOf(settled: unknown): Stop | undefined {
  const signal = signalOf(settled);
  return signal !== undefined && isStop(signal) ? signal : undefined;
}

/** Both signals, `first` first: a `Stop` wins, waits are waited for together. */
function combine(first: Signal, second: Signal): Signal {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return Promise.all([first, second]).then(([a, b]) => stopOf(a) ?? stopOf(b));
}

/** Drives the visitor from the decoder, event by event, as the input is read. */
class FileOrderReading implements DecoderVisitor {
  logHeader: EventlogHeader | null = null;
  /** What the visitor asked to wait for, and the offset of the event it asked at. */
  waitFor: PromiseLike<unknown> | null = null;
  waitAt = 0;
  private decoders: PayloadDecoders | null = null;
  private masks: TypeMasks | null = null;

  constructor(
    private readonly visitor: EventlogVisitor,
    private readonly types: ReadonlySet<number> | null,
  ) {}

  header(header: EventlogHeader): void {
    this.logHeader = header;
    this.decoders = new PayloadDecoders(header);
    this.masks = typeMasks(header, this.decoders, this.types, this.visitor);
    this.visitor.header?.(header);
  }

  event(raw: RawEvent): DecoderSignal {
    const masks = this.masks!;
    const visitor = this.visitor;
    if (masks.decoded[raw.typeId] === 0) {
      if (visitor.raw === undefined) return undefined;
      const result = visitor.raw(raw);
      return result === undefined ? undefined : this.decoderSignal(signalOf(result), raw);
    }
    let event: EventlogEvent | null = null;
    if (masks.check[raw.typeId] === 1) {
      const decoded = materializeOrStop(raw, this.decoders!);
      if ('stop' in decoded) return decoded;
      event = decoded;
    }
    let signal: Signal;
    if (visitor.raw !== undefined) {
      const result = visitor.raw(raw);
      signal = result === undefined ? undefined : signalOf(result);
    }
    if (masks.deliver[raw.typeId] === 1 && (signal === undefined || !isStop(signal))) {
      signal = combine(signal, signalOf(visitor.event!(event ?? materializeEvent(raw, this.decoders!))));
    }
    return this.decoderSignal(signal, raw);
  }

  /** What the decoder is to do after `raw`, given what the visitor said. */
  private decoderSignal(signal: Signal, raw: RawEvent): DecoderSignal {
    if (signal === undefined) return undefined;
    if (isStop(signal)) return signal;
    this.waitFor = signal;
    this.waitAt = raw.byteOffset;
    return PAUSE;
  }
}

async function readInFileOrder(chunks: ByteChunks, source: string, types: ReadonlySet<number> | null, visitor: EventlogVisitor): Promise<EventlogReadResult> {
  const reading = new FileOrderReading(visitor, types);
  const decoder = new EventlogStreamDecoder(source, reading);
  for await (const chunk of chunks) {
    decoder.push(chunk);
    while (decoder.paused) {
      const stop = stopOf(await reading.waitFor!);
      reading.waitFor = null;
      if (stop === undefined) decoder.resume();
      else decoder.stopAt(reading.waitAt, stop);
    }
    if (decoder.done) break;
  }
  decoder.finish();
  return { header: reading.logHeader, eventCount: decoder.eventCount, bytesRead: decoder.bytesSeen, warnings: decoder.warnings };
}

/** Stores every sound event the decoder reads, for the time-order walk. */
class StoringReading implements DecoderVisitor {
  logHeader: EventlogHeader | null = null;
  store: EventStore | null = null;
  decoders: PayloadDecoders | null = null;
  masks: TypeMasks | null = null;

  constructor(
    private readonly visitor: EventlogVisitor,
    private readonly types: ReadonlySet<number> | null,
    private readonly options: ReadEventlogOptions,
  ) {}

  header(header: EventlogHeader): void {
    this.logHeader = header;
    this.decoders = new PayloadDecoders(header);
    this.masks = typeMasks(header, this.decoders, this.types, this.visitor);
    const { reread, keepChunks, source } = this.options;
    this.store = new EventStore(header, reread === undefined ? new KeptPages(keepChunks ?? false) : new RereadPages(reread, source));
    this.visitor.header?.(header);
  }

  event(raw: RawEvent): DecoderSignal {
    // A malformed payload ends the log at its place in the file, as in file order.
    if (this.masks!.check[raw.typeId] === 1) {
      const decoded = materializeOrStop(raw, this.decoders!);
      if ('stop' in decoded) return decoded;
    }
    this.store!.add(raw);
    return undefined;
  }
}

async function readInTimeOrder(
  chunks: ByteChunks,
  options: ReadEventlogOptions,
  types: ReadonlySet<number> | null,
  visitor: EventlogVisitor,
): Promise<EventlogReadResult> {
  const reading = new StoringReading(visitor, types, options);
  const decoder = new EventlogStreamDecoder(options.source, reading);
  for await (const chunk of chunks) {
    decoder.push(chunk);
    // Store the last range of the chunk while it is as the caller gave it.
    reading.store?.flush();
    if (decoder.done) break;
  }
  decoder.finish();
  const warnings = decoder.warnings;
  const store = reading.store;
  if (store !== null) {
    store.finish();
    if (store.eventCount > 0) {
      const stopped = await visitInTimeOrder(new TimeOrderCursor(store), reading.decoders!, reading.masks!.deliver, visitor, options.source);
      if (stopped !== null) warnings.push(stopped);
    }
  }
  return { header: reading.logHeader, eventCount: decoder.eventCount, bytesRead: decoder.bytesSeen, warnings };
}

/** Hands the stored events to the visitor in time order; the warning if it stopped the read with a reason. */
async function visitInTimeOrder(
  cursor: TimeOrderCursor,
  decoders: PayloadDecoders,
  deliver: Uint8Array,
  visitor: EventlogVisitor,
  source: string,
): Promise<InputWarning | null> {
  const raw = cursor.raw;
  const hasRaw = visitor.raw !== undefined;
  const hasEvent = visitor.event !== undefined;
  let visited = 0;
  while (cursor.next()) {
    let signal: Signal;
    if (hasRaw) {
      const result = visitor.raw!(raw);
      signal = result === undefined ? undefined : signalOf(result);
    }
    if (hasEvent && deliver[raw.typeId] === 1 && (signal === undefined || !isStop(signal))) {
      // Cannot throw: the read stopped the log before any payload that does not decode.
      signal = combine(signal, signalOf(visitor.event!(materializeEvent(raw, decoders))));
    }
    if (signal !== undefined) {
      const stop = isStop(signal) ? signal : stopOf(await signal);
      if (stop !== undefined) {
        if (stop.stop === null) return null;
        return { location: { source, byteOffset: raw.byteOffset }, message: `${stop.stop}; stopped after ${visited} events` };
      }
    }
    visited++;
  }
  return null;
}
