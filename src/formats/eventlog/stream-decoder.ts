// A push decoder for GHC's binary eventlog: feed it the input's bytes in order, in chunks of any
// size; it hands every complete event to a visitor without building objects, and holds only the
// few bytes of an event that straddles two chunks. The visitor may end the read at an event, or
// pause the decoder until it is resumed (the rest of the chunk is kept as it is, uncopied).
// Platform-neutral (no Node APIs).
//
// Data section (EventLogFormat.h): events are u16 type, u64 time, [u16 payload length if the
// header declared the type variable-size], payload; a type of 0xFFFF ends the data. It stops with a
// warning, keeping everything before, when the input ends early (a killed program's log), when an
// event's type was never declared (a misaligned or corrupt stream: there is no way to resynchronise,
// ghc-events #58, #109), or when an event lies outside its block's time range (block-tracker.ts).
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import { BlockTracker } from './block-tracker.js';
import { DATA_END, EVENT_HEADER_BYTES, EventId, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
import { payloadSizeTable, readEventlogHeader, UNDECLARED_PAYLOAD, VARIABLE_PAYLOAD, type EventlogHeader } from './header.js';
import { BLOCK_MARKER } from './payloads/block-marker.js';
import { PAUSE, type DecoderVisitor, type RawEvent, type Stop } from './raw-event.js';

/** The largest event: a variable-size header and a 65535-byte payload (`EVENT_PAYLOAD_SIZE_MAX`). */
const MAX_EVENT_BYTES = VARIABLE_EVENT_HEADER_BYTES + 0xffff;
const TWO_TO_32 = 4294967296;

type Phase = 'header' | 'events' | 'ended' | 'stopped';

/** The part of a chunk still to decode after a pause. */
interface PausedAt {
  chunk: Uint8Array;
  chunkOffset: number;
  start: number;
}

export class EventlogStreamDecoder {
  /** Warnings so far: why decoding stopped early, if it did. */
  readonly warnings: InputWarning[] = [];
  /** The header, once read. */
  header: EventlogHeader | null = null;
  /** Events handed to the visitor, block markers included. */
  eventCount = 0;
  /** Bytes pushed so far. */
  bytesSeen = 0;

  private phase: Phase = 'header';
  private pausedAt: PausedAt | null = null;
  /** Set by `decodeEvents` when the visitor paused it. */
  private pausing = false;
  private headerChunks: Uint8Array[] = [];
  private headerNeededBytes = 1;
  /** Bytes of an incomplete event carried over to the next chunk, and where they start in the input. */
  private carry: Uint8Array | null = null;
  private carryOffset = 0;
  /** Payload size by event id (`payloadSizeTable`), once the header is read. */
  private sizeById: Int32Array = new Int32Array(0);
  private blockMarkersUsable = false;
  private readonly blocks = new BlockTracker();
  private readonly raw: RawEvent = {
    typeId: 0,
    timeNs: 0,
    cap: -1,
    byteOffset: 0,
    bytes: new Uint8Array(0),
    view: new DataView(new ArrayBuffer(0)),
    payloadOffset: 0,
    payloadBytes: 0,
  };

  constructor(
    readonly source: string,
    private readonly visitor: DecoderVisitor,
  ) {}

  /** True once the end-of-data marker was read or decoding stopped: further input is ignored. */
  get done(): boolean {
    return this.phase === 'ended' || this.phase === 'stopped';
  }

  /** True while the visitor has paused decoding: call `resume` before pushing more input. */
  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Feeds the next bytes of the input. Throws `InputError` if the input is not an eventlog. */
  push(input: Uint8Array): void {
    if (this.pausedAt !== null) throw new Error('EventlogStreamDecoder.push while paused');
    const chunk = plainBytes(input);
    const chunkOffset = this.bytesSeen;
    this.bytesSeen += chunk.length;
    if (chunk.length === 0 || this.done) return;
    if (this.phase === 'header') {
      this.pushHeaderBytes(chunk);
      return;
    }
    this.pushEventBytes(chunk, chunkOffset);
  }

  /** Goes on decoding the chunk the visitor paused in (it may pause again). */
  resume(): void {
    const at = this.pausedAt;
    if (at === null) return;
    this.pausedAt = null;
    if (!this.done) this.decodeRest(at.chunk, at.chunkOffset, at.start);
  }

  /** Declares the end of the input; adds a warning if the log was cut short. */
  finish(): void {
    if (this.phase === 'header') {
      if (this.bytesSeen === 0) throw new InputError({ source: this.source, byteOffset: 0 }, 'empty input, expected a GHC eventlog');
      this.stop(this.bytesSeen, 'log is cut short: input ends inside the eventlog header; no events');
    } else if (this.phase === 'events') {
      if (this.carry !== null) {
        this.stop(
          this.carryOffset,
          `log is cut short: incomplete event (input ends at byte ${this.bytesSeen}); stopped after ${this.eventCount} events`,
        );
      } else {
        this.stop(this.bytesSeen, `log is cut short: input ends without the end-of-data marker; stopped after ${this.eventCount} events`);
      }
    }
  }

  /** Stops decoding, with a warning located at `byteOffset` unless `message` is null. */
  private stop(byteOffset: number, message: string | null): void {
    if (this.done) return;
    this.phase = 'stopped';
    this.carry = null;
    this.pausedAt = null;
    if (message !== null) this.warnings.push({ location: { source: this.source, byteOffset }, message });
  }

  private pushHeaderBytes(chunk: Uint8Array): void {
    this.headerChunks.push(chunk);
    const available = this.bytesSeen;
    if (available >= this.headerNeededBytes) {
      const bytes = this.headerChunks.length === 1 ? chunk : concat(this.headerChunks, available);
      const result = readEventlogHeader(bytes, this.source);
      if (result.status === 'complete') {
        this.headerChunks = [];
        this.acceptHeader(result.header);
        this.phase = 'events';
        if (result.dataOffset < bytes.length) this.pushEventBytes(bytes.subarray(result.dataOffset), result.dataOffset);
        return;
      }
      this.headerChunks = [bytes];
      this.headerNeededBytes = result.neededBytes;
    }
    // Kept for the next attempt: copy what is the caller's, who may reuse its buffer.
    const last = this.headerChunks.length - 1;
    if (this.headerChunks[last] === chunk) this.headerChunks[last] = chunk.slice();
  }

  private acceptHeader(header: EventlogHeader): void {
    this.header = header;
    this.sizeById = payloadSizeTable(header);
    const markerSize = this.sizeById[EventId.BLOCK_MARKER]!;
    this.blockMarkersUsable = markerSize >= BLOCK_MARKER.payloadBytes;
    this.visitor.header(header);
  }

  private pushEventBytes(chunk: Uint8Array, chunkOffset: number): void {
    let start = 0;
    if (this.carry !== null) {
      // Complete the straddling event from the front of this chunk; it is at most MAX_EVENT_BYTES long.
      const carry = this.carry;
      const taken = Math.min(chunk.length, MAX_EVENT_BYTES);
      const joined = new Uint8Array(carry.length + taken);
      joined.set(carry, 0);
      joined.set(chunk.subarray(0, taken), carry.length);
      this.carry = null;
      const consumed = this.decodeEvents(joined, this.carryOffset, 1);
      if (this.done) return;
      if (consumed === 0) {
        // Still incomplete: the chunk was smaller than the rest of the event.
        this.carry = taken === chunk.length ? joined : concat([carry, chunk], carry.length + chunk.length);
        return;
      }
      start = consumed - carry.length;
      if (this.pausing) {
        this.pause(chunk, chunkOffset, start);
        return;
      }
    }
    this.decodeRest(chunk, chunkOffset, start);
  }

  /** Decodes `chunk` from index `start`, keeping an incomplete last event for the next chunk. */
  private decodeRest(chunk: Uint8Array, chunkOffset: number, start: number): void {
    const rest = start === 0 ? chunk : chunk.subarray(start);
    const consumed = this.decodeEvents(rest, chunkOffset + start, Infinity);
    if (this.done) return;
    if (this.pausing) {
      this.pause(chunk, chunkOffset, start + consumed);
    } else if (consumed < rest.length) {
      this.carry = rest.slice(consumed);
      this.carryOffset = chunkOffset + start + consumed;
    }
  }

  private pause(chunk: Uint8Array, chunkOffset: number, start: number): void {
    this.pausing = false;
    this.pausedAt = { chunk, chunkOffset, start };
  }

  /**
   * Decodes up to `maxEvents` complete events from the front of `bytes` (which starts at input
   * offset `baseOffset`); returns the number of bytes consumed.
   *
   * The events run from block marker to block marker: `decodeRun` decodes them and stops before
   * each marker, which is entered here, then taken by the next run as its first event. A block
   * marker comes every 2 MB: inside the per-event loop, its handling would not have run yet when
   * the JIT optimises the loop, so the first marker after that (and the next) would throw the
   * loop back to slow code until it was optimised again.
   */
  private decodeEvents(bytes: Uint8Array, baseOffset: number, maxEvents: number): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.raw.bytes = bytes;
    this.raw.view = view;
    const lastCount = this.eventCount + maxEvents;
    let position = 0;
    let enteredAt = -1;
    let enteredCap = -1;
    for (;;) {
      position = this.decodeRun(bytes, view, baseOffset, position, lastCount, enteredAt, enteredCap);
      if (this.done || this.pausing || this.eventCount >= lastCount || !this.isMarkerToEnter(bytes, position, enteredAt)) return position;
      enteredAt = position;
      enteredCap = this.enterBlock(view, baseOffset, position);
    }
  }

  /** Whether a complete block marker, not the one at `enteredAt`, starts at `position`: where `decodeRun` stops for one. */
  private isMarkerToEnter(bytes: Uint8Array, position: number, enteredAt: number): boolean {
    if (!this.blockMarkersUsable || position === enteredAt || position + 2 > bytes.length) return false;
    const typeId = (bytes[position]! << 8) | bytes[position + 1]!;
    return typeId === EventId.BLOCK_MARKER && position + EVENT_HEADER_BYTES + this.sizeById[typeId]! <= bytes.length;
  }

  /**
   * The hot loop of the decoder: events from `position` until a block marker other than the one
   * at `enteredAt` (entered already: it belongs to `enteredCap`), the end of `bytes`, the
   * `lastCount`th event, or a stop. Returns where it stopped. It writes no field on the way out:
   * the JIT optimises the loop while it runs, before its exit has run once, and optimised code
   * gives up, back to slow code, at whatever it reaches that had not run when it was made.
   */
  private decodeRun(bytes: Uint8Array, view: DataView, baseOffset: number, position: number, lastCount: number, enteredAt: number, enteredCap: number): number {
    const length = bytes.length;
    const sizeById = this.sizeById;
    const blocks = this.blocks;
    const raw = this.raw;
    const visitor = this.visitor;
    const markerType = this.blockMarkersUsable ? EventId.BLOCK_MARKER : -1;
    while (this.eventCount < lastCount && position + 2 <= length) {
      const typeId = (bytes[position]! << 8) | bytes[position + 1]!;
      const eventOffset = baseOffset + position;
      if (typeId === DATA_END) {
        this.phase = 'ended';
        position += 2;
        break;
      }
      const declaredSize = sizeById[typeId]!;
      if (declaredSize === UNDECLARED_PAYLOAD) {
        this.stop(
          eventOffset,
          `event type ${typeId} is not declared in the header: the log is corrupt from here; stopped after ${this.eventCount} events`,
        );
        break;
      }
      let payloadOffset = position + EVENT_HEADER_BYTES;
      let payloadBytes = declaredSize;
      if (declaredSize === VARIABLE_PAYLOAD) {
        if (position + VARIABLE_EVENT_HEADER_BYTES > length) break;
        payloadBytes = (bytes[payloadOffset]! << 8) | bytes[payloadOffset + 1]!;
        payloadOffset = position + VARIABLE_EVENT_HEADER_BYTES;
      }
      const end = payloadOffset + payloadBytes;
      if (end > length) break;
      // Worked out for every event, so that a marker adds no step the loop has not taken before.
      const isEntered = position === enteredAt;
      if (typeId === markerType && !isEntered) break;
      const timeNs = view.getUint32(position + 2) * TWO_TO_32 + view.getUint32(position + 6);
      if (!isEntered && blocks.isOutOfRange(eventOffset, timeNs, typeId)) {
        this.stop(
          eventOffset,
          `event type ${typeId} has time ${timeNs} ns, outside its block (${blocks.describeBlock()}): the log is corrupt from here (as GHC #25165 leaves it); stopped after ${this.eventCount} events`,
        );
        break;
      }
      const cap = isEntered ? enteredCap : blocks.attribute(end - position);

      raw.typeId = typeId;
      raw.timeNs = timeNs;
      raw.cap = cap;
      raw.byteOffset = eventOffset;
      raw.payloadOffset = payloadOffset;
      raw.payloadBytes = payloadBytes;
      this.eventCount++;
      const signal = visitor.event(raw);
      position = end;
      if (signal !== undefined) {
        if (signal === PAUSE) this.pausing = true;
        else this.stopAt(eventOffset, signal);
        break;
      }
    }
    return position;
  }

  /** Follows the block marker at `position` (a complete one); returns the marker's capability. */
  private enterBlock(view: DataView, baseOffset: number, position: number): number {
    const timeNs = view.getUint32(position + 2) * TWO_TO_32 + view.getUint32(position + 6);
    const payloadOffset = position + EVENT_HEADER_BYTES;
    const blockSizeBytes = view.getUint32(payloadOffset + BLOCK_MARKER.sizeOffset);
    const endAt = payloadOffset + BLOCK_MARKER.endTimeOffset;
    const endTimeNs = view.getUint32(endAt) * TWO_TO_32 + view.getUint32(endAt + 4);
    return this.blocks.enterBlock(baseOffset + position, timeNs, blockSizeBytes, endTimeNs, view.getUint16(payloadOffset + BLOCK_MARKER.capOffset));
  }

  /** Ends the read at the last event handed to the visitor, which starts at `byteOffset`, as the visitor asked. */
  stopAt(byteOffset: number, signal: Stop): void {
    const message = signal.stop === null ? null : `${signal.stop}; stopped after ${this.eventCount - 1} events`;
    this.stop(byteOffset, message);
  }
}

/**
 * The bytes as a plain Uint8Array over the same memory: Node hands out Buffers, a subclass, and
 * the decoder joins the bytes around chunk ends into plain arrays. Seeing both, the hot loop
 * would be deoptimised and then serve both more slowly.
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concat(parts: Uint8Array[], totalBytes: number): Uint8Array {
  const joined = new Uint8Array(totalBytes);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
