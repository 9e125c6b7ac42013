// A big eventlog made from a bundled one, for the bench's scratch folder: the source's header,
// then its events (everything between `datb` and the end marker) repeated until a size is
// reached, then the end marker.
//
// Each repeat is shifted forward in time by one period, the source's largest timestamp, so the
// next repeat starts where this one's clock stopped (plus the source's own start-up gap, 30 ms for
// gc-heavy.eventlog): every capability's time keeps increasing, which the time-order walk of
// `ghcprof events` and the readers' block range check rely on. What is shifted (docs/formats.md
// §5.3, §5.4): every event's u64 time, right after its u16 type; a block marker's u64 end time,
// first after its u32 size; and WALL_CLOCK_TIME's seconds and nanoseconds, so that it still pairs
// with its own elapsed time (wall clock minus elapsed time, the RTS's start, is the same in every
// repeat). No other event gc-heavy.eventlog holds carries a time.
//
// The repeats are whole runs, start-up and shut-down included (capsets, capabilities and threads
// are created again, so the summary counts them once per repeat; HEAP_ALLOCATED's running total
// starts again): the reader's work per byte stays the source's, which is what the bench measures.
import { closeSync, openSync, writeSync } from 'node:fs';
import {
  BLOCK_MARKER_EVENT_BYTES,
  DATA_END,
  EVENT_HEADER_BYTES,
  EventId,
  payloadSizeTable,
  readEventlogHeader,
  UNDECLARED_PAYLOAD,
  VARIABLE_EVENT_HEADER_BYTES,
  VARIABLE_PAYLOAD,
} from '../src/formats/eventlog/index.js';

const TWO_TO_32 = 4294967296;
const NS_PER_SEC = 1e9;
/** Offset of a block marker's end time: after the event header and its u32 size. */
const BLOCK_END_TIME_OFFSET = EVENT_HEADER_BYTES + 4;
/** Offsets in WALL_CLOCK_TIME: u32 capset, then u64 seconds and u32 nanoseconds. */
const WALL_SECONDS_OFFSET = EVENT_HEADER_BYTES + 4;
const WALL_NANOS_OFFSET = EVENT_HEADER_BYTES + 12;

/** The parts of an eventlog the repeats are made of. */
interface EventlogParts {
  /** `hdrb` to `datb`, written once. */
  header: Uint8Array;
  /** The events, without the end marker. */
  events: Uint8Array;
  /** Where in `events` a u64 elapsed time is (event times, block end times), and its value there. */
  timeOffsets: Uint32Array;
  times: Float64Array;
  /** Where WALL_CLOCK_TIME events start in `events`. */
  wallClocks: number[];
  /** The largest elapsed time in `events`, in ns. */
  lastTimeNs: number;
}

export interface RepeatedEventlog {
  bytes: number;
  repeats: number;
  /** How far each repeat is shifted from the one before, in ns. */
  periodNs: number;
}

/** Writes `source` (an unzipped eventlog) repeated into `target` until at least `targetBytes`, each repeat later in time. */
export function repeatEventlog(source: Uint8Array, target: string, targetBytes: number): RepeatedEventlog {
  const parts = splitEventlog(source);
  const periodNs = parts.lastTimeNs;
  // Patched in place for each repeat: every field it changes is set from the source's values.
  const events = Buffer.from(parts.events);
  const view = new DataView(events.buffer, events.byteOffset, events.byteLength);
  const fd = openSync(target, 'w');
  try {
    let bytes = writeAll(fd, parts.header);
    let repeats = 0;
    while (bytes < targetBytes) {
      const shiftNs = repeats * periodNs;
      shiftTimes(view, parts, shiftNs);
      shiftWallClocks(view, parts, shiftNs);
      bytes += writeAll(fd, events);
      repeats++;
    }
    bytes += writeAll(fd, Uint8Array.of(DATA_END >>> 8, DATA_END & 0xff));
    return { bytes, repeats, periodNs };
  } finally {
    closeSync(fd);
  }
}

/** Finds the events and every time in them; throws unless the log is whole (all types declared, an end marker). */
function splitEventlog(source: Uint8Array): EventlogParts {
  const read = readEventlogHeader(source, 'the eventlog to repeat');
  if (read.status !== 'complete') throw new Error('the eventlog to repeat ends inside its header');
  const sizes = payloadSizeTable(read.header);
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  const timeOffsets: number[] = [];
  const wallClocks: number[] = [];
  const start = read.dataOffset;
  let at = start;
  for (;;) {
    if (at + 2 > source.length) throw new Error(`the eventlog to repeat has no end marker (cut short at byte ${at})`);
    const type = view.getUint16(at);
    if (type === DATA_END) break;
    timeOffsets.push(at + 2 - start);
    if (type === EventId.BLOCK_MARKER) timeOffsets.push(at + BLOCK_END_TIME_OFFSET - start);
    if (type === EventId.WALL_CLOCK_TIME) wallClocks.push(at - start);
    at += eventBytes(view, at, sizes);
  }
  const times = new Float64Array(timeOffsets.length);
  let lastTimeNs = 0;
  for (let i = 0; i < times.length; i++) {
    times[i] = readU64(view, start + timeOffsets[i]!);
    lastTimeNs = Math.max(lastTimeNs, times[i]!);
  }
  const events = source.subarray(start, at);
  return { header: source.subarray(0, start), events, timeOffsets: Uint32Array.from(timeOffsets), times, wallClocks, lastTimeNs };
}

/** The whole length of the event at `at`: header, payload length for variable-size types, payload. */
function eventBytes(view: DataView, at: number, sizes: Int32Array): number {
  const type = view.getUint16(at);
  const size = sizes[type]!;
  if (size === UNDECLARED_PAYLOAD) throw new Error(`event type ${type} at byte ${at} is not declared in the header`);
  if (size === VARIABLE_PAYLOAD) return VARIABLE_EVENT_HEADER_BYTES + view.getUint16(at + EVENT_HEADER_BYTES);
  // A block marker's size field counts the following events too; the marker itself is 24 bytes.
  if (type === EventId.BLOCK_MARKER && EVENT_HEADER_BYTES + size !== BLOCK_MARKER_EVENT_BYTES) throw new Error(`block marker at byte ${at} is not ${BLOCK_MARKER_EVENT_BYTES} bytes`);
  return EVENT_HEADER_BYTES + size;
}

function shiftTimes(view: DataView, parts: EventlogParts, shiftNs: number): void {
  const { timeOffsets, times } = parts;
  for (let i = 0; i < timeOffsets.length; i++) writeU64(view, timeOffsets[i]!, times[i]! + shiftNs);
}

/** Moves the wall clock with the elapsed time, so `started` (wall clock minus elapsed) stays put. */
function shiftWallClocks(view: DataView, parts: EventlogParts, shiftNs: number): void {
  const source = new DataView(parts.events.buffer, parts.events.byteOffset, parts.events.byteLength);
  for (const at of parts.wallClocks) {
    const nanos = source.getUint32(at + WALL_NANOS_OFFSET) + (shiftNs % NS_PER_SEC);
    const seconds = readU64(source, at + WALL_SECONDS_OFFSET) + Math.floor(shiftNs / NS_PER_SEC) + Math.floor(nanos / NS_PER_SEC);
    writeU64(view, at + WALL_SECONDS_OFFSET, seconds);
    view.setUint32(at + WALL_NANOS_OFFSET, nanos % NS_PER_SEC);
  }
}

/** A big-endian u64 as a number: exact below 2^53 ns (104 days), far beyond any repeated log here. */
function readU64(view: DataView, at: number): number {
  return view.getUint32(at) * TWO_TO_32 + view.getUint32(at + 4);
}

function writeU64(view: DataView, at: number, value: number): void {
  if (!Number.isSafeInteger(value)) throw new Error(`time ${value} does not fit a safe integer`);
  view.setUint32(at, Math.floor(value / TWO_TO_32));
  view.setUint32(at + 4, value % TWO_TO_32);
}

/** writeSync may write less than asked, as write(2) may; the repeats are tens of MB each. */
function writeAll(fd: number, bytes: Uint8Array): number {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
  return written;
}
