// The segments of one lane of an EventStore (event-store.ts), in file order, a few bytes each:
// how far the segment starts after the lane's previous one ended (in events and in stored bytes),
// its capability, its event count and its byte length, as unsigned LEB128 varints. That is all a
// walk (store-cursors.ts) needs to find the lane's events among the others' and their file ordinals.
//
// Why not a table of fixed fields with links between a lane's segments: that took 28 bytes a
// segment, 130 MB on a 1 GB log (4.6 M segments), and grew with the log where the printout does
// not. These records take about 7 bytes a segment. One log of all lanes' segments would take 5, but
// every walk would then read every lane's records.

/** Chunks of records start small (a log has a few lanes, a short log few segments) and double up to this size. */
const FIRST_CHUNK_BYTES = 4 << 10;
const MAX_CHUNK_BYTES = 1 << 20;
/** Five varints of at most 8 bytes (up to 2^53): a record that might not fit starts the next chunk. */
const MAX_RECORD_BYTES = 40;

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
  private readonly chunks: Uint8Array[] = [];
  /** Bytes used of each chunk (the last one's grows). */
  private readonly used: number[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;

  push(gapEvents: number, gapBytes: number, cap: number, eventCount: number, byteLength: number): void {
    if (this.at + MAX_RECORD_BYTES > this.chunk.length) {
      this.chunk = new Uint8Array(this.chunk.length === 0 ? FIRST_CHUNK_BYTES : Math.min(this.chunk.length * 2, MAX_CHUNK_BYTES));
      this.chunks.push(this.chunk);
      this.used.push(0);
      this.at = 0;
    }
    this.writeVarint(gapEvents);
    this.writeVarint(gapBytes);
    this.writeVarint(cap + 1);
    this.writeVarint(eventCount);
    this.writeVarint(byteLength);
    this.used[this.used.length - 1] = this.at;
  }

  /** A reader at the first record. */
  reader(): SegmentLogReader {
    return new SegmentLogReader(this.chunks, this.used);
  }

  private writeVarint(value: number): void {
    const chunk = this.chunk;
    while (value >= 0x80) {
      chunk[this.at++] = (value & 0x7f) | 0x80;
      // Division, not a shift: a long log has gaps and segments beyond 2^32 bytes.
      value = (value - (value & 0x7f)) / 0x80;
    }
    chunk[this.at++] = value;
  }
}

/** Reads the records in order, one at a time into `record`. */
export class SegmentLogReader {
  readonly record: SegmentRecord = { gapEvents: 0, gapBytes: 0, cap: -1, eventCount: 0, byteLength: 0 };
  private chunkIndex = 0;
  private at = 0;

  constructor(
    private readonly chunks: readonly Uint8Array[],
    private readonly used: readonly number[],
  ) {}

  /** Loads the next record; false after the last. */
  next(): boolean {
    if (this.chunkIndex < this.chunks.length && this.at >= this.used[this.chunkIndex]!) {
      this.chunkIndex++;
      this.at = 0;
    }
    if (this.chunkIndex >= this.chunks.length) return false;
    const record = this.record;
    record.gapEvents = this.readVarint();
    record.gapBytes = this.readVarint();
    record.cap = this.readVarint() - 1;
    record.eventCount = this.readVarint();
    record.byteLength = this.readVarint();
    return true;
  }

  private readVarint(): number {
    const chunk = this.chunks[this.chunkIndex]!;
    let byte = chunk[this.at++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let shift = 7;
    do {
      byte = chunk[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80);
    return value;
  }
}
