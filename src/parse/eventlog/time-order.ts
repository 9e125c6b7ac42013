// Events in time order, as ghc-events presents a log (`sortEvents`: a stable sort on the
// timestamp, used by `ppEventLog` and `ghc-events show`).
//
// The file is not time-ordered: each capability and the global buffer flush their own blocks
// whenever they fill, so a block written late can start before events already read (ghc-events
// `hello-ghc-8.6.5.eventlog`: the global block at 586900 follows the cap-0 block at 587000). No
// event can be placed before the whole input is read, so the events are kept compactly (their
// payload bytes in large pages plus a few numbers each, not objects) and decoded again once
// sorted.
import type { InputWarning } from '../../model/diagnostic.js';
import type { ByteChunks, EventlogPart } from './decode-eventlog.js';
import type { EventlogEvent } from './event-info.js';
import type { EventlogHeader } from './header.js';
import { materializeOrStop } from './materialize.js';
import { PayloadDecoders } from './payload-decoders.js';
import type { RawEvent } from './raw-event.js';
import { stableOrderByTime } from './stable-order.js';
import { EventlogStreamDecoder } from './stream-decoder.js';

const PAGE_BYTES = 4 << 20;
const ROW_BLOCK_BITS = 16;
const ROWS_PER_BLOCK = 1 << ROW_BLOCK_BITS;
const BATCH_EVENTS = 4096;

/** One block of columns: numbers for ROWS_PER_BLOCK events. */
interface ColumnBlock {
  timeNs: Float64Array;
  byteOffset: Float64Array;
  /** Page index * PAGE_BYTES + offset of the payload within the page. */
  payloadPosition: Float64Array;
  payloadBytes: Uint16Array;
  typeId: Uint16Array;
  /** Capability + 1 (0 = none); 0xFFFF is never an event's capability, so this fits 16 bits. */
  capPlusOne: Uint16Array;
}

function newColumnBlock(): ColumnBlock {
  return {
    timeNs: new Float64Array(ROWS_PER_BLOCK),
    byteOffset: new Float64Array(ROWS_PER_BLOCK),
    payloadPosition: new Float64Array(ROWS_PER_BLOCK),
    payloadBytes: new Uint16Array(ROWS_PER_BLOCK),
    typeId: new Uint16Array(ROWS_PER_BLOCK),
    capPlusOne: new Uint16Array(ROWS_PER_BLOCK),
  };
}

/** Keeps raw events compactly (about 30 bytes each beside their payload) and returns them as full events in ghc-events' order. */
export class TimeOrderedEvents {
  private readonly blocks: ColumnBlock[] = [];
  private rows = 0;
  private readonly pages: Uint8Array[] = [];
  private pageUsed = PAGE_BYTES;

  constructor(private readonly decoders: PayloadDecoders) {}

  get count(): number {
    return this.rows;
  }

  /** Copies one event's payload and numbers (the raw event is only valid during the call). */
  add(raw: RawEvent): void {
    const length = raw.payloadBytes;
    if (this.pageUsed + length > PAGE_BYTES) {
      this.pages.push(new Uint8Array(PAGE_BYTES));
      this.pageUsed = 0;
    }
    const pageIndex = this.pages.length - 1;
    this.pages[pageIndex]!.set(raw.bytes.subarray(raw.payloadOffset, raw.payloadOffset + length), this.pageUsed);
    const index = this.rows & (ROWS_PER_BLOCK - 1);
    if (index === 0) this.blocks.push(newColumnBlock());
    const block = this.blocks[this.blocks.length - 1]!;
    block.timeNs[index] = raw.timeNs;
    block.byteOffset[index] = raw.byteOffset;
    block.payloadPosition[index] = pageIndex * PAGE_BYTES + this.pageUsed;
    block.payloadBytes[index] = length;
    block.typeId[index] = raw.typeId;
    block.capPlusOne[index] = raw.cap + 1;
    this.rows++;
    this.pageUsed += length;
  }

  /** Batches of events sorted by time; events with equal times keep their file order. */
  *sorted(): Generator<EventlogEvent[]> {
    const times = new Float64Array(this.rows);
    this.blocks.forEach((block, b) => times.set(block.timeNs.subarray(0, Math.min(ROWS_PER_BLOCK, this.rows - b * ROWS_PER_BLOCK)), b * ROWS_PER_BLOCK));
    const order = stableOrderByTime(times);
    const views = this.pages.map((page) => new DataView(page.buffer, page.byteOffset, page.byteLength));
    let batch: EventlogEvent[] = [];
    for (const row of order) {
      const block = this.blocks[row >>> ROW_BLOCK_BITS]!;
      const index = row & (ROWS_PER_BLOCK - 1);
      const position = block.payloadPosition[index]!;
      const pageIndex = Math.floor(position / PAGE_BYTES);
      const typeId = block.typeId[index]!;
      const capPlusOne = block.capPlusOne[index]!;
      batch.push({
        timeNs: block.timeNs[index]!,
        cap: capPlusOne === 0 ? null : capPlusOne - 1,
        typeId,
        byteOffset: block.byteOffset[index]!,
        info: this.decoders.decode(typeId, this.pages[pageIndex]!, views[pageIndex]!, position - pageIndex * PAGE_BYTES, block.payloadBytes[index]!),
      });
      if (batch.length === BATCH_EVENTS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/**
 * Like `decodeEventlog`, but yields the events sorted by time (all of them after the input has
 * been read), which is the order of `ghc-events show`. A payload that does not decode stops the
 * log at that event, as in file order.
 */
export async function* decodeEventlogInTimeOrder(chunks: ByteChunks, sourceName: string): AsyncGenerator<EventlogPart> {
  let header: EventlogHeader | null = null;
  let store: TimeOrderedEvents | null = null;
  let decoders: PayloadDecoders | null = null;
  const warnings: InputWarning[] = [];
  const decoder: EventlogStreamDecoder = new EventlogStreamDecoder(sourceName, {
    header(declared) {
      header = declared;
      decoders = new PayloadDecoders(declared);
      store = new TimeOrderedEvents(decoders);
    },
    event(raw) {
      // Decoded now too, only to find a malformed payload at its place in the file.
      if (materializeOrStop(raw, decoders!, decoder) !== null) store!.add(raw);
    },
    warning(warning) {
      warnings.push(warning);
    },
  });

  let headerYielded = false;
  for await (const chunk of chunks) {
    decoder.push(chunk);
    if (!headerYielded && header !== null) {
      headerYielded = true;
      yield { kind: 'header', header };
    }
    if (decoder.done) break;
  }
  decoder.finish();
  if (!headerYielded && header !== null) yield { kind: 'header', header };
  if (store !== null) {
    for (const events of (store as TimeOrderedEvents).sorted()) yield { kind: 'events', events };
  }
  for (const warning of warnings) yield { kind: 'warning', warning };
}
