// The segments of one lane of an EventStore (event-store.ts), in file order, a few bytes each:
// how far the segment starts after the lane's previous one ended (in events and in stored bytes),
// its capability, its event count and its byte length, as varints (model/varint-list.ts). That is all a
// walk (store-cursors.ts) needs to find the lane's events among the others' and their file ordinals.
//
// Why not a table of fixed fields with links between a lane's segments: that took 28 bytes a
// segment, 130 MB on a 1 GB log (4.6 M segments), and grew with the log where the printout does
// not. These records take about 7 bytes a segment. One log of all lanes' segments would take 5, but
// every walk would then read every lane's records.
import { VarintList, type VarintReader } from '../../model/varint-list.js';

/** The varints of a record. */
const RECORD_VALUES = 5;

export interface SegmentRecord {
  /** Events and stored bytes between the end of the lane's previous segment (or the log's start) and this one. */
  gapEvents: number;
  gapBytes: number;
  /** The events' capability (from the enclosing block), or -1 for none. */
  cap: number;
  eventCount: number;
  /** Bytes of the segment's events as stored: their type, time and payload. */
  byteLength: number;
}

export class SegmentLog {
  private readonly records = new VarintList();

  push(gapEvents: number, gapBytes: number, cap: number, eventCount: number, byteLength: number): void {
    const records = this.records;
    records.reserve(RECORD_VALUES);
    records.push(gapEvents);
    records.push(gapBytes);
    records.push(cap + 1);
    records.push(eventCount);
    records.push(byteLength);
  }

  /** A reader at the first record; the log may not grow while it is read. */
  reader(): SegmentLogReader {
    return new SegmentLogReader(this.records.reader());
  }
}

/** Reads the records in order, one at a time into `record`. */
export class SegmentLogReader {
  readonly record: SegmentRecord = { gapEvents: 0, gapBytes: 0, cap: -1, eventCount: 0, byteLength: 0 };

  constructor(private readonly values: VarintReader) {}

  /** Loads the next record; false after the last. */
  next(): boolean {
    const values = this.values;
    if (values.done) return false;
    const record = this.record;
    record.gapEvents = values.next();
    record.gapBytes = values.next();
    record.cap = values.next() - 1;
    record.eventCount = values.next();
    record.byteLength = values.next();
    return true;
  }
}
