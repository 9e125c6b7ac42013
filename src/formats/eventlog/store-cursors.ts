// Walks the events of an EventStore as `RawEvent`s in ghc-events' time order.
//
// Time order is a merge of the lanes (lanes.ts): each lane is already in time order, so the next
// event is the smallest lane head by (time, file ordinal). The ordinal settles equal times the way
// ghc-events' stable sort does (file order). A binary heap holds the lanes; a log has a handful.
import type { StoredEvents } from './event-store.js';
import { EVENT_HEADER_BYTES, VARIABLE_EVENT_HEADER_BYTES } from './format.js';
import { VARIABLE_PAYLOAD } from './header.js';
import type { RawEvent, RawEventCursor } from './raw-event.js';
import type { SegmentLogReader } from './segment-log.js';

const TWO_TO_32 = 4294967296;

const NO_BYTES: Uint8Array = new Uint8Array(0);
const NO_VIEW: DataView = new DataView(NO_BYTES.buffer);

function emptyRaw(): RawEvent {
  return { typeId: 0, timeNs: 0, cap: -1, byteOffset: 0, bytes: NO_BYTES, view: NO_VIEW, payloadOffset: 0, payloadBytes: 0 };
}

/** Where one lane's walk is: its place in the lane's segment records and in the stored bytes. */
class Walk {
  /** Events left in the segment, the current one included. */
  remaining = 0;
  /** File ordinal just past the walk's segment. */
  nextOrdinal = 0;
  /** The page the walk is in, held while it is there (pages read again are not kept otherwise). */
  page = -1;
  bytes = NO_BYTES;
  view = NO_VIEW;
  pageInputOffset = 0;
  position = 0;
  ordinal = 0;
  cap = -1;
  timeNs = 0;

  constructor(
    readonly lane: number,
    readonly records: SegmentLogReader,
  ) {}
}

abstract class StoreCursor implements RawEventCursor {
  readonly raw = emptyRaw();
  /** Bytes of the current event, to step over it. */
  private currentBytes = 0;

  constructor(protected readonly stored: StoredEvents) {}

  abstract next(): boolean;

  /** Puts `walk` on the first event of its lane's next segment, `skipped` stored bytes past where it is and the gap before the segment; false when the lane has no more. */
  protected enterNext(walk: Walk, skipped: number): boolean {
    const records = walk.records;
    if (!records.next()) {
      if (walk.page >= 0) this.stored.pages.release(walk.page);
      return false;
    }
    const record = records.record;
    walk.remaining = record.eventCount;
    walk.ordinal = walk.nextOrdinal + record.gapEvents;
    walk.nextOrdinal = walk.ordinal + record.eventCount;
    walk.cap = record.cap;
    this.moveBy(walk, skipped + record.gapBytes);
    walk.timeNs = this.timeAt(walk);
    return true;
  }

  /** Moves `walk` past the event last loaded from it; false when its lane ends. */
  protected step(walk: Walk): boolean {
    const bytes = this.currentBytes;
    if (--walk.remaining === 0) return this.enterNext(walk, bytes);
    walk.ordinal++;
    // Within the page held, the common case, no page lengths need asking.
    if (walk.position + bytes < walk.bytes.length) walk.position += bytes;
    else this.moveBy(walk, bytes);
    walk.timeNs = this.timeAt(walk);
    return true;
  }

  /** Moves `walk` on by `count` stored bytes, onto an event that is there, turning pages as needed. */
  private moveBy(walk: Walk, count: number): void {
    let page = Math.max(walk.page, 0);
    let position = walk.position + count;
    const pages = this.stored.pages;
    // The event after a page's last is the next page's first.
    for (let length = pages.length(page); position >= length; length = pages.length(page)) {
      position -= length;
      page++;
    }
    if (page !== walk.page) this.turnTo(walk, page);
    walk.position = position;
  }

  private turnTo(walk: Walk, page: number): void {
    if (walk.page >= 0) this.stored.pages.release(walk.page);
    const bytes = this.stored.pages.bytes(page);
    walk.page = page;
    walk.bytes = bytes;
    walk.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    walk.pageInputOffset = this.stored.pages.inputOffset(page);
  }

  protected timeAt(walk: Walk): number {
    const view = walk.view;
    return view.getUint32(walk.position + 2) * TWO_TO_32 + view.getUint32(walk.position + 6);
  }

  /** Points `raw` at the event under `walk`. */
  protected load(walk: Walk): void {
    const raw = this.raw;
    const view = walk.view;
    const at = walk.position;
    const typeId = view.getUint16(at);
    let payloadOffset = at + EVENT_HEADER_BYTES;
    let payloadBytes = this.stored.payloadSizes[typeId]!;
    if (payloadBytes === VARIABLE_PAYLOAD) {
      payloadBytes = view.getUint16(at + EVENT_HEADER_BYTES);
      payloadOffset = at + VARIABLE_EVENT_HEADER_BYTES;
    }
    raw.typeId = typeId;
    raw.timeNs = walk.timeNs;
    raw.cap = walk.cap;
    raw.byteOffset = walk.pageInputOffset + at;
    raw.bytes = walk.bytes;
    raw.view = view;
    raw.payloadOffset = payloadOffset;
    raw.payloadBytes = payloadBytes;
    this.currentBytes = payloadOffset + payloadBytes - at;
  }
}

/** The events sorted by time, equal times in file order (ghc-events `sortEvents`). */
export class TimeOrderCursor extends StoreCursor {
  private readonly walks: Walk[];
  /** Lane indexes, a min-heap by (head time, head ordinal). */
  private readonly heap: Int32Array;
  private heapSize = 0;
  /**
   * The smallest head after the top's, or null. While the top lane's next event comes before it,
   * the top stays the top and the heap needs no work: most events follow the previous one in its
   * lane (22 in a row on average in samples/big/gc-heavy.eventlog).
   */
  private runnerUp: Walk | null = null;
  private started = false;

  constructor(stored: StoredEvents) {
    super(stored);
    this.walks = stored.laneSegments.map((segments, lane) => new Walk(lane, segments.reader()));
    this.heap = new Int32Array(this.walks.length);
  }

  next(): boolean {
    if (!this.started) {
      this.started = true;
      // Every lane has a first event: a lane opens with one.
      for (const walk of this.walks) {
        this.enterNext(walk, 0);
        this.heap[this.heapSize++] = walk.lane;
      }
      for (let i = (this.heapSize >>> 1) - 1; i >= 0; i--) this.siftDown(i);
      this.findRunnerUp();
    } else if (this.heapSize > 0) {
      const top = this.walks[this.heap[0]!]!;
      if (!this.step(top)) {
        this.heap[0] = this.heap[--this.heapSize]!;
        this.siftDown(0);
        this.findRunnerUp();
      } else if (this.runnerUp !== null && !before(top, this.runnerUp)) {
        this.siftDown(0);
        this.findRunnerUp();
      }
    }
    if (this.heapSize === 0) return false;
    this.load(this.walks[this.heap[0]!]!);
    return true;
  }

  private findRunnerUp(): void {
    const heap = this.heap;
    const walks = this.walks;
    if (this.heapSize < 2) this.runnerUp = null;
    else if (this.heapSize === 2) this.runnerUp = walks[heap[1]!]!;
    else this.runnerUp = before(walks[heap[2]!]!, walks[heap[1]!]!) ? walks[heap[2]!]! : walks[heap[1]!]!;
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    const walks = this.walks;
    const size = this.heapSize;
    const lane = heap[from]!;
    const walk = walks[lane]!;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && before(walks[heap[child + 1]!]!, walks[heap[child]!]!)) child++;
      if (!before(walks[heap[child]!]!, walk)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = lane;
  }
}

/** Whether the head of `a` comes before the head of `b` in ghc-events' order. */
function before(a: Walk, b: Walk): boolean {
  return a.timeNs < b.timeNs || (a.timeNs === b.timeNs && a.ordinal < b.ordinal);
}
