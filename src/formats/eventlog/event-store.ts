// Keeps the events of a log compactly until they can be put in time order: their bytes exactly as
// in the file (type, time, payload), in pages (event-pages.ts) that are either kept or read again
// from the input, and one small record per *segment* instead of anything per event.
//
// Segments: a segment is a stretch of consecutive events (in file order) that share a lane
// (lanes.ts) and a capability; the capability is not in the event bytes (it comes from the
// enclosing block marker), so it is kept here. Each lane's records (segment-log.ts) are in file
// order, which lets store-cursors.ts walk each lane and merge the lanes without an index of the
// events. samples/big/gc-heavy.eventlog (3.4 M events, 68 MB) has about 310 000 segments, 2 MB of
// records, where an index of time and position per event would take 40 MB and its sort as much again.
import type { EventPages } from './event-pages.js';
import { EVENT_HEADER_BYTES, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
import { payloadSizeTable, VARIABLE_PAYLOAD, type EventlogHeader } from './header.js';
import { LaneAssigner } from './lanes.js';
import type { RawEvent } from './raw-event.js';
import { SegmentLog } from './segment-log.js';

/** What the cursors read: the stored bytes and how to walk them. */
export interface StoredEvents {
  readonly pages: Pick<EventPages, 'bytes' | 'release' | 'inputOffset' | 'length'>;
  /** Each lane's segments. */
  readonly laneSegments: readonly SegmentLog[];
  /** `payloadSizeTable` of the log, to find where each stored event ends. */
  readonly payloadSizes: Int32Array;
  readonly eventCount: number;
}

export class EventStore implements StoredEvents {
  readonly laneSegments: SegmentLog[] = [];
  readonly payloadSizes: Int32Array;
  eventCount = 0;

  private readonly lanes = new LaneAssigner();
  /** The segment being gathered: its lane (-1 before the first event), capability, events and bytes. */
  private segmentLane = -1;
  private segmentCap = -2;
  private segmentEvents = 0;
  private segmentBytes = 0;
  /** Events and bytes stored so far, not counting the segment being gathered. */
  private storedEvents = 0;
  private storedBytes = 0;
  /** Where each lane's last segment ended, in events and bytes stored. */
  private readonly laneEndEvents: number[] = [];
  private readonly laneEndBytes: number[] = [];

  constructor(
    header: EventlogHeader,
    readonly pages: EventPages,
  ) {
    this.payloadSizes = payloadSizeTable(header);
  }

  /** Records one event, in file order. Call `flush` before the buffer of `raw` may change. */
  add(raw: RawEvent): void {
    const headerBytes = this.payloadSizes[raw.typeId] === VARIABLE_PAYLOAD ? VARIABLE_EVENT_HEADER_BYTES : EVENT_HEADER_BYTES;
    const start = raw.payloadOffset - headerBytes;
    const end = raw.payloadOffset + raw.payloadBytes;
    this.pages.add(raw, start, end);
    const lane = this.lanes.assign(raw.timeNs);
    if (lane !== this.segmentLane || raw.cap !== this.segmentCap) {
      this.endSegment();
      this.segmentLane = lane;
      this.segmentCap = raw.cap;
    }
    this.segmentEvents++;
    this.segmentBytes += end - start;
    this.eventCount++;
  }

  /** Ends the page being gathered: call it before the buffer of the last event added may change. */
  flush(): void {
    this.pages.flush();
  }

  /** After the last event: stores what is still being gathered. */
  finish(): void {
    this.pages.flush();
    this.endSegment();
  }

  private endSegment(): void {
    if (this.segmentEvents === 0) return;
    const lane = this.segmentLane;
    if (lane === this.laneSegments.length) {
      this.laneSegments.push(new SegmentLog());
      this.laneEndEvents.push(0);
      this.laneEndBytes.push(0);
    }
    const gapEvents = this.storedEvents - this.laneEndEvents[lane]!;
    const gapBytes = this.storedBytes - this.laneEndBytes[lane]!;
    this.laneSegments[lane]!.push(gapEvents, gapBytes, this.segmentCap, this.segmentEvents, this.segmentBytes);
    this.storedEvents += this.segmentEvents;
    this.storedBytes += this.segmentBytes;
    this.laneEndEvents[lane] = this.storedEvents;
    this.laneEndBytes[lane] = this.storedBytes;
    this.segmentEvents = 0;
    this.segmentBytes = 0;
  }
}
