// Keeps the events of a log compactly until they can be put in time order: their bytes exactly as
// in the file (type, time, payload), in pages (event-pages.ts) that are either kept or read again
// from the input, and one small record per *segment* instead of anything per event.
//
// Segments: a segment is a stretch of consecutive events (in file order) that share a lane
// (lanes.ts) and a capability; the capability is not in the event bytes (it comes from the
// enclosing block marker), so it is kept here. Segments of one lane are linked in file order, which
// lets store-cursors.ts walk each lane and merge the lanes without an index of the events.
// samples/big/gc-heavy.eventlog (3.4 M events, 68 MB) has about 310 000 segments, 9 MB, where an
// index of time and position per event would take 40 MB and its sort as much again.
import type { EventPages } from './event-pages.js';
import { EVENT_HEADER_BYTES, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
import { payloadSizeTable, VARIABLE_PAYLOAD, type EventlogHeader } from './header.js';
import { LaneAssigner } from './lanes.js';
import type { RawEvent } from './raw-event.js';

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
  readonly pages: Pick<EventPages, 'bytes' | 'release' | 'inputOffset'>;
  readonly segments: SegmentTable;
  /** First segment of each lane. */
  readonly laneFirstSegment: readonly number[];
  /** `payloadSizeTable` of the log, to find where each stored event ends. */
  readonly payloadSizes: Int32Array;
  readonly eventCount: number;
}

export class EventStore implements StoredEvents {
  readonly segments = new SegmentTable();
  readonly laneFirstSegment: number[] = [];
  readonly payloadSizes: Int32Array;
  eventCount = 0;

  private readonly lanes = new LaneAssigner();
  private readonly laneLastSegment: number[] = [];
  private segment = -1;
  private segmentLane = -1;
  private segmentCap = -2;

  constructor(
    header: EventlogHeader,
    readonly pages: EventPages,
  ) {
    this.payloadSizes = payloadSizeTable(header);
  }

  /** Records one event, in file order. Call `flush` before the buffer of `raw` may change. */
  add(raw: RawEvent): void {
    const headerBytes = this.payloadSizes[raw.typeId] === VARIABLE_PAYLOAD ? VARIABLE_EVENT_HEADER_BYTES : EVENT_HEADER_BYTES;
    const position = this.pages.add(raw, raw.payloadOffset - headerBytes, raw.payloadOffset + raw.payloadBytes);
    const lane = this.lanes.assign(raw.timeNs);
    if (lane === this.segmentLane && raw.cap === this.segmentCap) {
      this.segments.addEvent(this.segment);
    } else {
      // The page being gathered becomes the next page when it is flushed.
      this.openSegment(lane, raw.cap, this.pages.pageCount, position);
    }
    this.eventCount++;
  }

  /** Ends the page being gathered: call it before the buffer of the last event added may change. */
  flush(): void {
    this.pages.flush();
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
