// Keeps the events of a log compactly until they can be put in time order: their bytes exactly as
// in the file (type, time, payload), and one small record per *segment* instead of anything per
// event.
//
// Bytes: consecutive events of one input chunk form a range, stored as one "page". When the caller
// hands its chunks over (`keepChunks`), a range that makes up most of its chunk's memory is kept
// where it is, uncopied: copying a big log's bytes costs more than decoding them, mostly in page
// faults on fresh memory. Other ranges (events that straddle two chunks, small slices of a larger
// buffer, any caller's chunk that may be reused) are copied into the store's own buffers.
//
// Segments: a segment is a stretch of consecutive events (in file order) that share a lane
// (lanes.ts) and a capability; the capability is not in the event bytes (it comes from the
// enclosing block marker), so it is kept here. Segments of one lane are linked in file order, which
// lets store-cursors.ts walk each lane and merge the lanes without an index of the events.
// samples/big/gc-heavy.eventlog (3.4 M events, 68 MB) has about 310 000 segments, 9 MB, where an
// index of time and position per event would take 40 MB and its sort as much again.
import { EVENT_HEADER_BYTES, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
import { payloadSizeTable, VARIABLE_PAYLOAD, type EventlogHeader } from './header.js';
import { LaneAssigner } from './lanes.js';
import type { RawEvent } from './raw-event.js';

/** The store's own buffers start small (short logs, tests) and double up to this size. */
const FIRST_BUFFER_BYTES = 64 << 10;
const MAX_BUFFER_BYTES = 4 << 20;

/** Segments per block of columns: blocks are added as needed, so nothing is copied or left half empty. */
const SEGMENT_BLOCK_BITS = 14;
export const SEGMENT_BLOCK_MASK = (1 << SEGMENT_BLOCK_BITS) - 1;

class SegmentBlock {
  /** Ordinal in file order of the segment's first event (breaks ties between lanes). */
  readonly firstOrdinal = new Float64Array(1 << SEGMENT_BLOCK_BITS);
  readonly eventCount = new Uint32Array(1 << SEGMENT_BLOCK_BITS);
  /** Page and offset in it of the first event. */
  readonly page = new Uint32Array(1 << SEGMENT_BLOCK_BITS);
  readonly position = new Uint32Array(1 << SEGMENT_BLOCK_BITS);
  /** Capability of the segment's events, or -1 for none. */
  readonly cap = new Int32Array(1 << SEGMENT_BLOCK_BITS);
  /** The lane's next segment, or -1. */
  readonly nextInLane = new Int32Array(1 << SEGMENT_BLOCK_BITS);
}

/** Segment records, 28 bytes each. */
export class SegmentTable {
  count = 0;
  private readonly blocks: SegmentBlock[] = [];

  push(firstOrdinal: number, page: number, position: number, cap: number): number {
    const index = this.count++;
    const slot = index & SEGMENT_BLOCK_MASK;
    if (slot === 0) this.blocks.push(new SegmentBlock());
    const block = this.blocks[index >>> SEGMENT_BLOCK_BITS]!;
    block.firstOrdinal[slot] = firstOrdinal;
    block.eventCount[slot] = 1;
    block.page[slot] = page;
    block.position[slot] = position;
    block.cap[slot] = cap;
    block.nextInLane[slot] = -1;
    return index;
  }

  /** The block holding segment `index`; its fields are at `index & SEGMENT_BLOCK_MASK`. */
  block(index: number): SegmentBlock {
    return this.blocks[index >>> SEGMENT_BLOCK_BITS]!;
  }

  addEvent(index: number): void {
    this.blocks[index >>> SEGMENT_BLOCK_BITS]!.eventCount[index & SEGMENT_BLOCK_MASK]!++;
  }

  link(from: number, to: number): void {
    this.blocks[from >>> SEGMENT_BLOCK_BITS]!.nextInLane[from & SEGMENT_BLOCK_MASK] = to;
  }
}

/** What the cursors read: the stored bytes and how to walk them. */
export interface StoredEvents {
  /** Ranges of whole events, in file order: the event after a page's last is the next page's first. */
  readonly pages: readonly Uint8Array[];
  /** Offset in the input of each page's first byte. */
  readonly pageInputOffsets: readonly number[];
  readonly segments: SegmentTable;
  /** First segment of each lane. */
  readonly laneFirstSegment: readonly number[];
  /** `payloadSizeTable` of the log, to find where each stored event ends. */
  readonly payloadSizes: Int32Array;
  readonly eventCount: number;
}

export interface EventStoreOptions {
  /**
   * The caller hands its input chunks over and never changes them afterwards, so the store may
   * keep them instead of copying them (true for fresh buffers from a stream).
   */
  keepChunks?: boolean;
}

export class EventStore implements StoredEvents {
  readonly pages: Uint8Array[] = [];
  readonly pageInputOffsets: number[] = [];
  readonly segments = new SegmentTable();
  readonly laneFirstSegment: number[] = [];
  readonly payloadSizes: Int32Array;
  eventCount = 0;

  private readonly keepChunks: boolean;
  private readonly lanes = new LaneAssigner();
  private readonly laneLastSegment: number[] = [];
  private segment = -1;
  private segmentLane = -1;
  private segmentCap = -2;
  /** The range being gathered: consecutive events of one buffer of the decoder. */
  private pendingBytes: Uint8Array | null = null;
  private pendingStart = 0;
  private pendingEnd = 0;
  private pendingInputOffset = 0;
  /** The own buffer that ranges are copied into, and how much of it is used. */
  private buffer: Uint8Array | null = null;
  private bufferUsed = 0;

  constructor(header: EventlogHeader, options: EventStoreOptions = {}) {
    this.payloadSizes = payloadSizeTable(header);
    this.keepChunks = options.keepChunks ?? false;
  }

  /** Records one event, in file order. Call `flush` before the buffer of `raw` may change. */
  add(raw: RawEvent): void {
    const headerBytes = this.payloadSizes[raw.typeId] === VARIABLE_PAYLOAD ? VARIABLE_EVENT_HEADER_BYTES : EVENT_HEADER_BYTES;
    const start = raw.payloadOffset - headerBytes;
    const end = raw.payloadOffset + raw.payloadBytes;
    // A range that will be copied must fit the own buffer; a kept one may grow to its whole chunk.
    if (raw.bytes !== this.pendingBytes || start !== this.pendingEnd || (!this.keepChunks && end - this.pendingStart > this.bufferRoom())) {
      this.flush();
      if (!this.keepChunks && end - start > this.bufferRoom()) this.newBuffer(end - start);
      this.pendingBytes = raw.bytes;
      this.pendingStart = start;
      this.pendingInputOffset = raw.byteOffset;
    }
    this.pendingEnd = end;

    const lane = this.lanes.assign(raw.timeNs);
    if (lane === this.segmentLane && raw.cap === this.segmentCap) {
      this.segments.addEvent(this.segment);
    } else {
      // The pending range becomes the next page when it is flushed.
      this.openSegment(lane, raw.cap, this.pages.length, start - this.pendingStart);
    }
    this.eventCount++;
  }

  /** Stores the pending range as a page. */
  flush(): void {
    const bytes = this.pendingBytes;
    if (bytes === null) return;
    const range = bytes.subarray(this.pendingStart, this.pendingEnd);
    this.pages.push(this.keepChunks && range.length * 2 >= range.buffer.byteLength ? range : this.copy(range));
    this.pageInputOffsets.push(this.pendingInputOffset);
    this.pendingBytes = null;
  }

  private copy(range: Uint8Array): Uint8Array {
    if (range.length > this.bufferRoom()) this.newBuffer(range.length);
    const page = this.buffer!.subarray(this.bufferUsed, this.bufferUsed + range.length);
    page.set(range);
    this.bufferUsed += range.length;
    return page;
  }

  private bufferRoom(): number {
    return this.buffer === null ? 0 : this.buffer.length - this.bufferUsed;
  }

  private newBuffer(atLeastBytes: number): void {
    const size = this.buffer === null ? FIRST_BUFFER_BYTES : Math.min(this.buffer.length * 2, MAX_BUFFER_BYTES);
    this.buffer = new Uint8Array(Math.max(size, atLeastBytes));
    this.bufferUsed = 0;
  }

  private openSegment(lane: number, cap: number, page: number, position: number): void {
    const segment = this.segments.push(this.eventCount, page, position, cap);
    if (lane === this.laneFirstSegment.length) {
      this.laneFirstSegment.push(segment);
      this.laneLastSegment.push(segment);
    } else {
      this.segments.link(this.laneLastSegment[lane]!, segment);
      this.laneLastSegment[lane] = segment;
    }
    this.segment = segment;
    this.segmentLane = lane;
    this.segmentCap = cap;
  }
}
