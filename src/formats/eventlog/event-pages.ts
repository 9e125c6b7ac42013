// The bytes of the events an EventStore (event-store.ts) keeps for the time-order walk, in
// "pages": ranges of whole consecutive events, in file order, so the event after a page's last is
// the next page's first. Two ways to have them:
//
// `KeptPages` keeps the bytes. Consecutive events of one input chunk form a page. When the caller
// hands its chunks over (`keepChunks`), a range that makes up most of its chunk's memory is kept
// where it is, uncopied: copying a big log's bytes costs more than decoding them, mostly in page
// faults on fresh memory. Other ranges (events that straddle two chunks, small slices of a larger
// buffer, any caller's chunk that may be reused) are copied into the store's own buffers.
//
// `RereadPages` keeps only where each page is in the input, and reads it again when the walk gets
// there (random-access-input.ts): memory then stays at a few pages however big the log is. The
// lanes of the walk read the input forward, each at its own place, all within a few blocks of each
// other (the capabilities' blocks of one stretch of time); the last few pages left are kept for
// the lanes behind. Pages are read into buffers used again and again: fresh ones for each page
// would be garbage the size of the log, which the GC lets pile up.
import { InputError } from '../../model/diagnostic.js';
import type { RandomAccessInput } from './random-access-input.js';
import type { RawEvent } from './raw-event.js';

export interface EventPages {
  /** Takes one whole event, `raw.bytes[start, end)`, the next in file order. */
  add(raw: RawEvent, start: number, end: number): void;
  /** Ends the page being gathered. */
  flush(): void;
  /** Offset in the input of a page's first byte. */
  inputOffset(page: number): number;
  /** Bytes in a page, known without reading it. */
  length(page: number): number;
  /** A page's bytes, which stay as they are until the caller releases the page. */
  bytes(page: number): Uint8Array;
  /** The caller is done with the bytes of a page it asked for. */
  release(page: number): void;
}

/** The store's own buffers start small (short logs, tests) and double up to this size. */
const FIRST_BUFFER_BYTES = 64 << 10;
const MAX_BUFFER_BYTES = 4 << 20;

export class KeptPages implements EventPages {
  private readonly pages: Uint8Array[] = [];
  private readonly pageInputOffsets: number[] = [];
  /** The range being gathered: consecutive events of one buffer of the decoder. */
  private pendingBytes: Uint8Array | null = null;
  private pendingStart = 0;
  private pendingEnd = 0;
  private pendingInputOffset = 0;
  /** The own buffer that ranges are copied into, and how much of it is used. */
  private buffer: Uint8Array | null = null;
  private bufferUsed = 0;

  /**
   * `keepChunks`: the caller hands its input chunks over and never changes them afterwards, so
   * they may be kept instead of copied (true for fresh buffers from a stream).
   */
  constructor(private readonly keepChunks: boolean) {}

  add(raw: RawEvent, start: number, end: number): void {
    // A range that will be copied must fit the own buffer; a kept one may grow to its whole chunk.
    if (raw.bytes !== this.pendingBytes || start !== this.pendingEnd || (!this.keepChunks && end - this.pendingStart > this.bufferRoom())) {
      this.flush();
      if (!this.keepChunks && end - start > this.bufferRoom()) this.newBuffer(end - start);
      this.pendingBytes = raw.bytes;
      this.pendingStart = start;
      this.pendingInputOffset = raw.byteOffset;
    }
    this.pendingEnd = end;
  }

  flush(): void {
    const bytes = this.pendingBytes;
    if (bytes === null) return;
    const range = bytes.subarray(this.pendingStart, this.pendingEnd);
    this.pages.push(this.keepChunks && range.length * 2 >= range.buffer.byteLength ? range : this.copy(range));
    this.pageInputOffsets.push(this.pendingInputOffset);
    this.pendingBytes = null;
  }

  inputOffset(page: number): number {
    return this.pageInputOffsets[page]!;
  }

  length(page: number): number {
    return this.pages[page]!.length;
  }

  bytes(page: number): Uint8Array {
    return this.pages[page]!;
  }

  release(): void {}

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
}

/** Pages read again are at most this long (an event is at most 64 KiB), so a lane holds at most this much... */
const MAX_REREAD_PAGE_BYTES = 1 << 20;
/** ...and this many pages left last are kept besides, for the lanes that follow. */
const KEPT_REREAD_PAGES = 8;

/** A page read again, and how many callers hold it. */
interface ReadPage {
  /** The whole buffer, to use again for another page. */
  buffer: Uint8Array;
  bytes: Uint8Array;
  holders: number;
}

export class RereadPages implements EventPages {
  private readonly pageInputOffsets: number[] = [];
  private readonly pageLengths: number[] = [];
  /** The page being gathered, or -1. */
  private pendingInputOffset = -1;
  private pendingLength = 0;
  /** Pages read, held or left lately (least recently first); buffers free to read into. */
  private readonly held = new Map<number, ReadPage>();
  private readonly left = new Map<number, ReadPage>();
  private readonly freeBuffers: Uint8Array[] = [];

  constructor(
    private readonly input: RandomAccessInput,
    private readonly source: string,
  ) {}

  add(raw: RawEvent, start: number, end: number): void {
    const eventBytes = end - start;
    if (
      this.pendingInputOffset < 0 ||
      raw.byteOffset !== this.pendingInputOffset + this.pendingLength ||
      this.pendingLength + eventBytes > MAX_REREAD_PAGE_BYTES
    ) {
      this.flush();
      this.pendingInputOffset = raw.byteOffset;
      this.pendingLength = 0;
    }
    this.pendingLength += eventBytes;
  }

  flush(): void {
    if (this.pendingInputOffset < 0) return;
    this.pageInputOffsets.push(this.pendingInputOffset);
    this.pageLengths.push(this.pendingLength);
    this.pendingInputOffset = -1;
  }

  inputOffset(page: number): number {
    return this.pageInputOffsets[page]!;
  }

  length(page: number): number {
    return this.pageLengths[page]!;
  }

  bytes(page: number): Uint8Array {
    let read = this.held.get(page);
    if (read === undefined) {
      read = this.left.get(page) ?? this.read(page);
      this.left.delete(page);
      this.held.set(page, read);
    }
    read.holders++;
    return read.bytes;
  }

  release(page: number): void {
    const read = this.held.get(page)!;
    if (--read.holders > 0) return;
    this.held.delete(page);
    this.left.set(page, read);
    if (this.left.size > KEPT_REREAD_PAGES) {
      const [oldestPage, oldest] = this.left.entries().next().value!;
      this.left.delete(oldestPage);
      this.freeBuffers.push(oldest.buffer);
    }
  }

  private read(page: number): ReadPage {
    const length = this.pageLengths[page]!;
    const buffer = this.freeBuffers.pop() ?? new Uint8Array(MAX_REREAD_PAGE_BYTES);
    const bytes = buffer.subarray(0, length);
    const offset = this.pageInputOffsets[page]!;
    let filled = 0;
    while (filled < bytes.length) {
      const count = this.input.readAt(bytes.subarray(filled), offset + filled);
      if (count <= 0) {
        throw new InputError({ source: this.source, byteOffset: offset + filled }, 'the input ends before the events read from it a moment ago: it changed while it was read');
      }
      filled += count;
    }
    return { buffer, bytes, holders: 0 };
  }
}
