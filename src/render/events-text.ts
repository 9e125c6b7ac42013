// Prints an eventlog exactly as `ghc-events show` does (ghc-events Events.hs `ppEventLog` with raw
// times, `buildEventType`, `buildEvent`, `buildEventInfo`): the event-type table, then one line per
// event, `<time ns>: [cap <n>: ]<description>`, as UTF-8 chunks of about a megabyte.
//
// Big logs are printed straight from each event's bytes, with no object or string per event: the
// event types that fill big logs (GC, heap, scheduler, spark and sample events) have a line
// template reading their payload fields (FAST_LINES), payloadless events print a constant, and any
// other event is decoded to an `EventInfo` and printed by `formatEventInfo`, which stays the
// definition of the text (test/formats/eventlog/printer.test.ts checks that every template prints
// what it prints). Platform-neutral: no Node APIs.
import type { InputWarning } from '../model/diagnostic.js';
import type { EventInfo, EventlogEvent, HeapProfBreakdown, ThreadStopStatus } from '../formats/eventlog/event-info.js';
import { EventId } from '../formats/eventlog/format.js';
import type { EventlogHeader, EventTypeDeclaration } from '../formats/eventlog/header.js';
import { PayloadDecoders } from '../formats/eventlog/payload-decoders.js';
import type { DecodeContext } from '../formats/eventlog/payloads/layout.js';
import { threadStopStatus } from '../formats/eventlog/payloads/thread-stop-status.js';
import type { RawEvent, RawEventCursor } from '../formats/eventlog/raw-event.js';
import type { RawEventlogPart } from '../formats/eventlog/read-events.js';

/** `<id>: <description> (size <n>|variable)` (`buildEventType`). */
export function formatEventType(declaration: EventTypeDeclaration): string {
  const size = declaration.sizeBytes === null ? 'variable' : String(declaration.sizeBytes);
  return `${declaration.id}: ${declaration.description} (size ${size})`;
}

/** One event line without its newline (`buildEvent RawTime`), from a decoded event. */
export function formatEvent(event: EventlogEvent, header: EventlogHeader): string {
  const cap = event.cap === null ? '' : `cap ${event.cap}: `;
  return `${event.timeNs}: ${cap}${describeEvent(event.info, event.typeId, header)}`;
}

/** An event type the decoder has no layout for is shown by its declared description. */
function describeEvent(info: EventInfo, typeId: number, header: EventlogHeader): string {
  return info.kind === 'unknown' ? (header.byId.get(typeId)?.description ?? '') : formatEventInfo(info);
}

export interface RenderOptions {
  /** Receives warnings found while decoding (the text itself only holds events). */
  onWarning?: (warning: InputWarning) => void;
  /** Approximate size of each yielded chunk. */
  chunkBytes?: number;
  /** Where the caller gives back chunks it has written, for the printer to fill again. */
  pool?: ChunkPool;
}

/**
 * Chunks given back to the printer. Printing a big log to new chunks would have the garbage
 * collector hold tens of megabytes of written chunks, and fresh memory is slow to fault in.
 */
export class ChunkPool {
  private readonly spare: Uint8Array[] = [];

  /** Gives back a chunk the printer yielded; the caller must not read it afterwards. */
  release(chunk: Uint8Array): void {
    this.spare.push(new Uint8Array(chunk.buffer, 0, chunk.buffer.byteLength));
  }

  /** A spare buffer of at least `bytes`, or a new one. */
  take(bytes: number): Uint8Array {
    for (let buffer = this.spare.pop(); buffer !== undefined; buffer = this.spare.pop()) {
      if (buffer.length >= bytes) return buffer;
    }
    return new Uint8Array(bytes);
  }
}

/**
 * The whole `ghc-events show` text of the parts (from `readEventlogEvents`; use time order for
 * ghc-events' output), as UTF-8 chunks of about `chunkBytes`. Each chunk is the caller's, unless
 * it gives the chunk back to `options.pool`.
 */
export async function* renderEventsText(parts: AsyncIterable<RawEventlogPart>, options: RenderOptions = {}): AsyncGenerator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const out = new ByteWriter(chunkBytes, options.pool ?? new ChunkPool());
  let printer: ShowPrinter | null = null;
  for await (const part of parts) {
    if (part.kind === 'warning') {
      options.onWarning?.(part.warning);
    } else if (part.kind === 'header') {
      printer = new ShowPrinter(part.header);
      out.text(`Event Types:\n${part.header.eventTypes.map((declaration) => `${formatEventType(declaration)}\n`).join('')}\nEvents:\n`);
    } else if (printer !== null) {
      while (printer.printUntilFull(part.events, out, chunkBytes)) yield out.take();
    }
  }
  // `ghc-events show` ends with putStrLn of a text that already ends in a newline.
  if (printer !== null) out.text('\n');
  if (out.size > 0) yield out.take();
}

/** Prints the events of one log. */
class ShowPrinter {
  private readonly decoders: PayloadDecoders;
  /** How each declared type prints from its bytes, or null to decode it first. */
  private readonly lines: (CompiledLine | null)[] = new Array<CompiledLine | null>(0x10000).fill(null);
  private readonly capPrefixes: Literal[] = [];

  constructor(private readonly header: EventlogHeader) {
    this.decoders = new PayloadDecoders(header);
    for (const declaration of header.byId.values()) this.lines[declaration.id] = this.compile(declaration.id);
  }

  /** Prints events until `out` holds `limitBytes` (true) or the cursor ends (false). */
  printUntilFull(cursor: RawEventCursor, out: ByteWriter, limitBytes: number): boolean {
    while (out.size < limitBytes) {
      if (!cursor.next()) return false;
      this.print(cursor.raw, out);
    }
    return true;
  }

  private print(raw: RawEvent, out: ByteWriter): void {
    const line = this.lines[raw.typeId]!;
    out.reserve(LINE_PREFIX_MAX_BYTES + (line === null ? 0 : line.maxBytes + (line.hasStack ? raw.payloadBytes * STACK_BYTES_PER_PAYLOAD_BYTE : 0)));
    out.uint(raw.timeNs);
    out.literal(raw.cap < 0 ? COLON_SPACE : (this.capPrefixes[raw.cap] ?? this.capPrefix(raw.cap)));
    if (line !== null) {
      writeLine(line, raw, out, this.decoders.context);
      out.newline();
    } else {
      // Cannot throw: the reader stopped the log before any payload that does not decode.
      const info = this.decoders.decode(raw.typeId, raw.bytes, raw.view, raw.payloadOffset, raw.payloadBytes);
      out.text(`${describeEvent(info, raw.typeId, this.header)}\n`);
    }
  }

  /** `: cap <n>: ` (after the time) by capability, made when first needed. */
  private capPrefix(cap: number): Literal {
    const prefix = new Literal(`: cap ${cap}: `);
    this.capPrefixes[cap] = prefix;
    return prefix;
  }

  private compile(typeId: number): CompiledLine | null {
    const layout = this.decoders.layoutFor(typeId);
    if (layout === null) return null;
    if (layout.sizeBytes === 0) {
      const info = this.decoders.decode(typeId, NO_BYTES, new DataView(NO_BYTES.buffer), 0, 0);
      return compileTemplate({ typeId, layoutBytes: 0, literals: [formatEventInfo(info)], fields: [] });
    }
    const template = FAST_LINES.find((candidate) => candidate.typeId === typeId && candidate.layoutBytes === layout.sizeBytes);
    return template === undefined ? null : compileTemplate(template);
  }
}

const NO_BYTES = new Uint8Array(0);

// Line templates. A template applies to one layout of its event type (`PayloadLayout.sizeBytes`,
// null for variable-size); its fields name payload offsets as that layout reads them (see
// formats/eventlog/payloads/). Each field prints as `formatEventInfo` prints the decoded value.

const U8 = 0;
const U16 = 1;
const U32 = 2;
/** Read as the decoder reads it (a Number, exact below 2^53) and printed as JavaScript prints it. */
const U64 = 3;
/** u8 depth, then that many u32 cost-centre ids, printed comma-separated (cost-centre-stack.ts). */
const CC_STACK = 4;
/** STOP_THREAD's u16 status, with the u32 info at `infoOffset` (or none, before GHC 7.6). */
const STOP_STATUS = 5;
/** The field kinds, for tests that build payloads from templates. */
export const FIELD_KINDS = { U8, U16, U32, U64, CC_STACK, STOP_STATUS } as const;

interface Field {
  kind: number;
  offset: number;
  infoOffset: number;
}

const field = (kind: number) => (offset: number): Field => ({ kind, offset, infoOffset: -1 });
const u8 = field(U8);
const u16 = field(U16);
const u32 = field(U32);
const u64 = field(U64);
const ccStack = field(CC_STACK);
const stopStatus = (offset: number, infoOffset: number): Field => ({ kind: STOP_STATUS, offset, infoOffset });

interface LineTemplate {
  typeId: number;
  layoutBytes: number | null;
  literals: readonly string[];
  fields: readonly Field[];
}

/** line(id, layout bytes)`text ${field} text`: the description of events of type `id` read with that layout. */
function line(typeId: number, layoutBytes: number | null) {
  return (literals: TemplateStringsArray, ...fields: Field[]): LineTemplate => ({ typeId, layoutBytes, literals: [...literals], fields });
}

/** The lines `formatEventInfo` prints for the event types that fill big logs. */
export const FAST_LINES: readonly LineTemplate[] = [
  line(EventId.CREATE_THREAD, 4)`creating thread ${u32(0)}`,
  line(EventId.RUN_THREAD, 4)`running thread ${u32(0)}`,
  line(EventId.THREAD_RUNNABLE, 4)`thread ${u32(0)} is runnable`,
  line(EventId.STOP_THREAD, 6)`stopping thread ${u32(0)} (${stopStatus(4, -1)})`,
  line(EventId.STOP_THREAD, 10)`stopping thread ${u32(0)} (${stopStatus(4, 6)})`,
  line(EventId.MIGRATE_THREAD, 6)`migrating thread ${u32(0)} to cap ${u16(4)}`,
  line(EventId.THREAD_WAKEUP, 6)`waking up thread ${u32(0)} on cap ${u16(4)}`,
  line(EventId.CREATE_SPARK_THREAD, 4)`creating spark thread ${u32(0)}`,
  line(EventId.SPARK_STEAL, 2)`stealing a spark from cap ${u16(0)}`,
  // The counters are stored created, dud, overflowed, converted, gcd, fizzled, remaining.
  line(EventId.SPARK_COUNTERS, 56)`spark stats: ${u64(0)} created, ${u64(24)} converted, ${u64(48)} remaining (${u64(16)} overflowed, ${u64(8)} dud, ${u64(32)} GC'd, ${u64(40)} fizzled)`,
  line(EventId.GC_STATS_GHC, 50)`GC stats for heap capset ${u32(0)}: generation ${u16(4)}, ${u64(6)} bytes copied, ${u64(14)} bytes slop, ${u64(22)} bytes fragmentation, ${u32(30)} par threads, ${u64(34)} bytes max par copied, ${u64(42)} bytes total par copied`,
  line(EventId.GC_STATS_GHC, 58)`GC stats for heap capset ${u32(0)}: generation ${u16(4)}, ${u64(6)} bytes copied, ${u64(14)} bytes slop, ${u64(22)} bytes fragmentation, ${u32(30)} par threads, ${u64(34)} bytes max par copied, ${u64(42)} bytes total par copied, ${u64(50)} bytes balanced par copied`,
  line(EventId.HEAP_ALLOCATED, 12)`allocated on heap capset ${u32(0)}: ${u64(4)} total bytes till now`,
  line(EventId.HEAP_SIZE, 12)`size of heap capset ${u32(0)}: ${u64(4)} bytes`,
  line(EventId.BLOCKS_SIZE, 12)`blocks size of heap capset ${u32(0)}: ${u64(4)} bytes`,
  line(EventId.HEAP_LIVE, 12)`live data in heap capset ${u32(0)}: ${u64(4)} bytes`,
  line(EventId.MEM_RETURN, 16)`memory returned (mblocks): current(${u32(4)}) needed(${u32(8)}) returned(${u32(12)})`,
  // ghc-events ends this one with a newline of its own, so a blank line follows it.
  line(EventId.BLOCK_MARKER, 14)`event block: cap ${u16(12)}, end time: ${u64(4)}\n`,
  line(EventId.HEAP_PROF_SAMPLE_BEGIN, 8)`start heap prof sample ${u64(0)}`,
  line(EventId.HEAP_PROF_SAMPLE_END, 8)`end prof sample ${u64(0)}`,
  line(EventId.HEAP_PROF_SAMPLE_COST_CENTRE, null)`heap prof sample ${u8(0)}, residency ${u64(1)}, cost centre stack ${ccStack(9)}`,
  // The capability is an i32 narrowed to its low 16 bits (time-profile.ts): the last two bytes.
  line(EventId.PROF_SAMPLE_COST_CENTRE, null)`cap no ${u16(2)}, prof sample ${u64(4)}, cost centre stack ${ccStack(12)}`,
];

/** Most bytes a field prints; a cost-centre stack adds up to STACK_BYTES_PER_PAYLOAD_BYTE per payload byte. */
const FIELD_MAX_BYTES = [3, 5, 10, 21, 0, 64];
/** A u32 id (4 bytes) prints as at most 10 digits and ", ". */
const STACK_BYTES_PER_PAYLOAD_BYTE = 3;
/** `<time>: cap <n>: ` and the newline. */
const LINE_PREFIX_MAX_BYTES = 48;

interface CompiledLine {
  /** Text before each field and after the last. */
  literals: Literal[];
  kinds: number[];
  offsets: number[];
  infoOffsets: number[];
  /** Most bytes the line takes, beside a cost-centre stack. */
  maxBytes: number;
  hasStack: boolean;
}

const utf8 = new TextEncoder();

function compileTemplate(template: LineTemplate): CompiledLine {
  const literals = template.literals.map((text) => new Literal(text));
  let maxBytes = literals.reduce((sum, literal) => sum + literal.bytes.length, 0);
  for (const { kind } of template.fields) maxBytes += FIELD_MAX_BYTES[kind]!;
  return {
    literals,
    kinds: template.fields.map((f) => f.kind),
    offsets: template.fields.map((f) => f.offset),
    infoOffsets: template.fields.map((f) => f.infoOffset),
    maxBytes,
    hasStack: template.fields.some((f) => f.kind === CC_STACK),
  };
}

const TWO_TO_32 = 4294967296;

/** The description of `raw` by its template; `out` has room for it. */
function writeLine(line: CompiledLine, raw: RawEvent, out: ByteWriter, context: DecodeContext): void {
  const view = raw.view;
  const payload = raw.payloadOffset;
  const kinds = line.kinds;
  out.literal(line.literals[0]!);
  for (let i = 0; i < kinds.length; i++) {
    const at = payload + line.offsets[i]!;
    switch (kinds[i]) {
      case U8:
        out.uint(raw.bytes[at]!);
        break;
      case U16:
        out.uint(view.getUint16(at));
        break;
      case U32:
        out.uint(view.getUint32(at));
        break;
      case U64:
        out.uint(view.getUint32(at) * TWO_TO_32 + view.getUint32(at + 4));
        break;
      case CC_STACK: {
        const depth = raw.bytes[at]!;
        for (let k = 0; k < depth; k++) {
          if (k > 0) out.literal(COMMA_SPACE);
          out.uint(view.getUint32(at + 1 + 4 * k));
        }
        break;
      }
      case STOP_STATUS: {
        const infoOffset = line.infoOffsets[i]!;
        const info = infoOffset < 0 ? 0 : view.getUint32(payload + infoOffset);
        out.ascii(formatThreadStopStatus(threadStopStatus(view.getUint16(at), info, context)));
        break;
      }
    }
    out.literal(line.literals[i + 1]!);
  }
}

/** Text to copy into the output often: its UTF-8 bytes, and the leading ones also as big-endian u32s. */
class Literal {
  readonly bytes: Uint8Array;
  /** Bytes 0..4*words.length, four at a time: a `setUint32` copies them faster than four stores. */
  readonly words: Uint32Array;

  constructor(text: string) {
    this.bytes = utf8.encode(text);
    const view = viewOf(this.bytes);
    this.words = Uint32Array.from({ length: this.bytes.length >>> 2 }, (_, i) => view.getUint32(4 * i));
  }
}

const COLON_SPACE = new Literal(': ');
const COMMA_SPACE = new Literal(', ');

/** The four ASCII digits of 0000..9999 as big-endian u32s, written with one `setUint32`. */
const FOUR_DIGITS = Uint32Array.from({ length: 10000 }, (_, n) => {
  const digits = String(n).padStart(4, '0');
  return ((digits.charCodeAt(0) << 24) | (digits.charCodeAt(1) << 16) | (digits.charCodeAt(2) << 8) | digits.charCodeAt(3)) >>> 0;
});

/**
 * UTF-8 output built in a byte buffer, handed over in chunks (`take`). Writes assume room was
 * reserved (`reserve`), except `text`, which reserves its own.
 */
class ByteWriter {
  private bytes: Uint8Array;
  private view: DataView;
  private at = 0;

  constructor(
    private readonly chunkBytes: number,
    private readonly pool: ChunkPool,
  ) {
    // Small logs (tests print thousands) need no more; `reserve` grows it for big ones.
    this.bytes = pool.take(Math.min(this.capacity(), 64 << 10));
    this.view = viewOf(this.bytes);
  }

  get size(): number {
    return this.at;
  }

  /** The bytes written so far; the writer starts a new buffer. */
  take(): Uint8Array {
    const written = this.bytes.subarray(0, this.at);
    this.setBuffer(this.pool.take(this.capacity()));
    this.at = 0;
    return written;
  }

  reserve(count: number): void {
    if (this.at + count > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + count));
      bigger.set(this.bytes.subarray(0, this.at));
      this.setBuffer(bigger);
    }
  }

  literal(literal: Literal): void {
    const view = this.view;
    const words = literal.words;
    const at = this.at;
    let i = 0;
    for (; i < words.length; i++) view.setUint32(at + 4 * i, words[i]!);
    const text = literal.bytes;
    const bytes = this.bytes;
    for (i *= 4; i < text.length; i++) bytes[at + i] = text[i]!;
    this.at = at + text.length;
  }

  newline(): void {
    this.bytes[this.at++] = 10;
  }

  /** Text known to be ASCII. */
  ascii(text: string): void {
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.at = at;
  }

  text(text: string): void {
    this.reserve(text.length * 3);
    this.at += utf8.encodeInto(text, this.bytes.subarray(this.at)).written;
  }

  /** A non-negative integer, as `String(value)` prints it; four digits at a time. */
  uint(value: number): void {
    if (value < 10000) {
      this.upToFourDigits(value);
    } else if (value < 100000000) {
      const high = (value / 10000) | 0;
      this.upToFourDigits(high);
      this.view.setUint32(this.at, FOUR_DIGITS[value - high * 10000]!);
      this.at += 4;
    } else if (value < 9007199254740992) {
      const high = Math.floor(value / 100000000);
      this.uint(high);
      const low = value - high * 100000000;
      const middle = (low / 10000) | 0;
      this.view.setUint32(this.at, FOUR_DIGITS[middle]!);
      this.view.setUint32(this.at + 4, FOUR_DIGITS[low - middle * 10000]!);
      this.at += 8;
    } else {
      this.ascii(String(value));
    }
  }

  /** 0..9999 without leading zeros. */
  private upToFourDigits(value: number): void {
    const digits = FOUR_DIGITS[value]!;
    const bytes = this.bytes;
    let at = this.at;
    if (value >= 1000) bytes[at++] = digits >>> 24;
    if (value >= 100) bytes[at++] = (digits >>> 16) & 0xff;
    if (value >= 10) bytes[at++] = (digits >>> 8) & 0xff;
    bytes[at++] = digits & 0xff;
    this.at = at;
  }

  private setBuffer(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.view = viewOf(bytes);
  }

  /** Room for a chunk and the line that crosses its limit. */
  private capacity(): number {
    return this.chunkBytes + (64 << 10);
  }
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const BREAKDOWN_NAMES: Record<HeapProfBreakdown, string> = {
  costCentre: 'cost centre',
  module: 'module',
  closureDescr: 'closure description',
  typeDescr: 'type description',
  retainer: 'retainer',
  biography: 'biography',
  closureType: 'closure type',
  infoTable: 'info table',
  era: 'era',
};

/** `showThreadStopStatus`. */
export function formatThreadStopStatus(status: ThreadStopStatus): string {
  switch (status.reason) {
    case 'noStatus':
      return 'No stop thread status';
    case 'heapOverflow':
      return 'heap overflow';
    case 'stackOverflow':
      return `stack overflow, size ${status.info}`;
    case 'threadYielding':
      return 'thread yielding';
    case 'threadBlocked':
      return 'thread blocked';
    case 'threadFinished':
      return 'thread finished';
    case 'foreignCall':
      return 'making a foreign call';
    case 'blockedOnMVar':
      return 'blocked on an MVar';
    case 'blockedOnMVarRead':
      return 'blocked reading an MVar';
    case 'blockedOnBlackHole':
      return `blocked on black hole owned by thread ${status.info}`;
    case 'blockedOnRead':
      return 'blocked on I/O read';
    case 'blockedOnWrite':
      return 'blocked on I/O write';
    case 'blockedOnDelay':
      return 'blocked on threadDelay';
    case 'blockedOnSTM':
      return 'blocked in STM retry';
    case 'blockedOnDoProc':
      return 'blocked on asyncDoProc';
    case 'blockedOnCCall':
      return 'blocked in a foreign call';
    case 'blockedOnMsgThrowTo':
      return 'blocked in throwTo';
    case 'threadMigrating':
      return 'thread migrating';
  }
}

/** Eden's message tags (ghc-events EventTypes.hs `MessageTag`, encoded from 0x50). */
const EDEN_MESSAGE_TAGS = ['Ready', 'NewPE', 'PETIDS', 'Finish', 'FailPE', 'RFork', 'Connect', 'DataMes', 'Head', 'Constr', 'Part', 'Terminate', 'Packet'];

function edenTag(tag: number): string {
  return EDEN_MESSAGE_TAGS[tag - 0x50] ?? `MessageTag ${tag}`;
}

const hex = (value: bigint): string => value.toString(16);

/** The description part of an event line (`buildEventInfo`). */
export function formatEventInfo(info: EventInfo): string {
  switch (info.kind) {
    case 'blockMarker':
      // ghc-events ends this one with a newline of its own, so a blank line follows it.
      return `event block: cap ${info.cap}, end time: ${info.endTimeNs}\n`;
    case 'unknown':
      return `Unknown event type ${info.typeId}`;
    case 'startup':
      return `startup: ${info.capCount} capabilities`;
    case 'createThread':
      return `creating thread ${info.thread}`;
    case 'runThread':
      return `running thread ${info.thread}`;
    case 'stopThread':
      return `stopping thread ${info.thread} (${formatThreadStopStatus(info.status)})`;
    case 'threadRunnable':
      return `thread ${info.thread} is runnable`;
    case 'migrateThread':
      return `migrating thread ${info.thread} to cap ${info.newCap}`;
    case 'wakeupThread':
      return `waking up thread ${info.thread} on cap ${info.otherCap}`;
    case 'threadLabel':
      return `thread ${info.thread} has label "${info.label}"`;
    case 'createSparkThread':
      return `creating spark thread ${info.sparkThread}`;
    case 'sparkCounters':
      return (
        `spark stats: ${info.created} created, ${info.converted} converted, ${info.remaining} remaining ` +
        `(${info.overflowed} overflowed, ${info.dud} dud, ${info.gcd} GC'd, ${info.fizzled} fizzled)`
      );
    case 'sparkCreate':
      return 'spark created';
    case 'sparkDud':
      return 'dud spark discarded';
    case 'sparkOverflow':
      return 'overflowed spark discarded';
    case 'sparkRun':
      return 'running a local spark';
    case 'sparkSteal':
      return `stealing a spark from cap ${info.victimCap}`;
    case 'sparkFizzle':
      return 'spark fizzled';
    case 'sparkGC':
      return 'spark GCed';
    case 'taskCreate':
      return `task 0x${hex(info.taskId)} created on cap ${info.cap} with OS kernel thread ${info.kernelThreadId}`;
    case 'taskMigrate':
      return `task 0x${hex(info.taskId)} migrated from cap ${info.cap} to cap ${info.newCap}`;
    case 'taskDelete':
      return `task 0x${hex(info.taskId)} deleted`;
    case 'requestSeqGC':
      return 'requesting sequential GC';
    case 'requestParGC':
      return 'requesting parallel GC';
    case 'gcStart':
      return 'starting GC';
    case 'gcEnd':
      return 'finished GC';
    case 'gcWork':
      return 'GC working';
    case 'gcIdle':
      return 'GC idle';
    case 'gcDone':
      return 'GC done';
    case 'gcGlobalSync':
      return 'all caps stopped for GC';
    case 'gcStats':
      return (
        `GC stats for heap capset ${info.heapCapset}: generation ${info.generation}, ${info.copiedBytes} bytes copied, ` +
        `${info.slopBytes} bytes slop, ${info.fragmentationBytes} bytes fragmentation, ${info.parallelThreads} par threads, ` +
        `${info.parallelMaxCopiedBytes} bytes max par copied, ${info.parallelTotalCopiedBytes} bytes total par copied` +
        (info.parallelBalancedCopiedBytes === null ? '' : `, ${info.parallelBalancedCopiedBytes} bytes balanced par copied`)
      );
    case 'memReturn':
      return `memory returned (mblocks): current(${info.currentMblocks}) needed(${info.neededMblocks}) returned(${info.returnedMblocks})`;
    case 'heapAllocated':
      return `allocated on heap capset ${info.heapCapset}: ${info.allocatedBytes} total bytes till now`;
    case 'heapSize':
      return `size of heap capset ${info.heapCapset}: ${info.sizeBytes} bytes`;
    case 'blocksSize':
      return `blocks size of heap capset ${info.heapCapset}: ${info.blocksSizeBytes} bytes`;
    case 'heapLive':
      return `live data in heap capset ${info.heapCapset}: ${info.liveBytes} bytes`;
    case 'heapInfo':
      return (
        `heap stats for heap capset ${info.heapCapset}: generations ${info.generations}, ${info.maxHeapSizeBytes} bytes max heap size, ` +
        `${info.allocAreaSizeBytes} bytes alloc area size, ${info.mblockSizeBytes} bytes mblock size, ${info.blockSizeBytes} bytes block size`
      );
    case 'capCreate':
      return `created cap ${info.cap}`;
    case 'capDelete':
      return `deleted cap ${info.cap}`;
    case 'capDisable':
      return `disabled cap ${info.cap}`;
    case 'capEnable':
      return `enabled cap ${info.cap}`;
    case 'capsetCreate':
      return `created capset ${info.capset} of type ${info.capsetType}`;
    case 'capsetDelete':
      return `deleted capset ${info.capset}`;
    case 'capsetAssignCap':
      return `assigned cap ${info.cap} to capset ${info.capset}`;
    case 'capsetRemoveCap':
      return `removed cap ${info.cap} from capset ${info.capset}`;
    case 'rtsIdentifier':
      return `capset ${info.capset}: RTS version "${info.identifier}"`;
    case 'programArgs':
      return `capset ${info.capset}: args: ${showHaskellStringList(info.args)}`;
    case 'programEnv':
      return `capset ${info.capset}: env: ${showHaskellStringList(info.env)}`;
    case 'osProcessPid':
      return `capset ${info.capset}: pid ${info.pid}`;
    case 'osProcessParentPid':
      return `capset ${info.capset}: parent pid ${info.parentPid}`;
    case 'wallClockTime':
      return `capset ${info.capset}: wall clock time ${info.seconds}s ${info.nanoseconds}ns (unix epoch)`;
    case 'logMessage':
    case 'userMessage':
      return info.message;
    case 'userMarker':
      return `marker: ${info.name}`;
    case 'userBinaryMessage':
      return `binary message ${printableBytes(info.payload)}`;
    case 'internString':
      return `Interned string: "${info.text}" with id ${info.stringId}`;
    case 'heapProfBegin': {
      const filters = [
        info.moduleFilter,
        info.closureDescrFilter,
        info.typeDescrFilter,
        info.costCentreFilter,
        info.costCentreStackFilter,
        info.retainerFilter,
        info.biographyFilter,
      ].filter((filter) => filter.length > 0);
      const filtered = filters.length === 0 ? '' : ` filtered by ${filters.map((filter) => `${filter}, `).join('')}`;
      return (
        `start heap profiling ${info.profileId} at sampling period ${info.samplingPeriodNs} ` +
        `broken down by ${BREAKDOWN_NAMES[info.breakdown]}${filtered}`
      );
    }
    case 'heapProfCostCentre':
      return `cost centre ${info.costCentreId} ${info.label} in ${info.module} at ${info.srcLoc}${info.isCaf ? ' CAF' : ''}`;
    case 'infoTableProvenance':
      return `Info Table: ${hex(info.infoTableAddress)}:${info.closureDesc}:${info.tableName} - ${info.srcLoc}`;
    case 'heapProfSampleBegin':
      return `start heap prof sample ${info.era}`;
    case 'heapProfSampleEnd':
      return `end prof sample ${info.era}`;
    case 'heapBioProfSampleBegin':
      return `start heap prof sample ${info.era} at time ${info.sampleTimeNs}`;
    case 'heapProfSampleCostCentre':
      return `heap prof sample ${info.profileId}, residency ${info.residencyBytes}, cost centre stack ${info.stack.join(', ')}`;
    case 'heapProfSampleString':
      return `heap prof sample ${info.profileId}, residency ${info.residencyBytes}, label ${info.label}`;
    case 'profSampleCostCentre':
      return `cap no ${info.capability}, prof sample ${info.ticks}, cost centre stack ${info.stack.join(', ')}`;
    case 'profBegin':
      return `start time profiling, tick interval ${info.tickIntervalNs} (ns)`;
    case 'concMarkBegin':
      return 'concurrent mark began';
    case 'concMarkEnd':
      return `concurrent mark ended: marked ${info.markedObjectCount} objects`;
    case 'concSyncBegin':
      return 'post-mark synchronization began';
    case 'concSyncEnd':
      return 'post-mark synchronization ended';
    case 'concSweepBegin':
      return 'concurrent sweep began';
    case 'concSweepEnd':
      return 'concurrent sweep ended';
    case 'concUpdRemSetFlush':
      return `update remembered set flushed by ${info.cap}`;
    case 'nonmovingHeapCensus':
      return (
        `nonmoving heap census ${info.blockSizeBytes}: ${info.activeSegments} active segments, ` +
        `${info.filledSegments} filled segments, ${info.liveBlocks} live blocks`
      );
    case 'nonmovingPrunedSegments':
      return `nonmoving segments pruned: ${info.prunedSegments} pruned segments, ${info.freeSegments} free segments retained`;
    case 'tickyCounterDef':
      return (
        `ticky counter definition ${info.counterId}, arity: ${info.arity}, def kinds: ${info.argKinds}, ` +
        `name: ${info.name}, itbl: ${hex(info.infoTableAddress)}`
      );
    case 'tickyCounterSample':
      return `ticky counter sample ${info.counterId}: entry count: ${info.entryCount}, ${info.allocs} allocs, ${info.allocd} allocd`;
    case 'tickyBeginSample':
      return 'ticky begin counter sample';
    case 'version':
      return `compiler version is ${info.version}`;
    case 'programInvocation':
      return `program invocation: ${info.commandLine}`;
    case 'edenStartReceive':
      return 'starting to receive';
    case 'edenEndReceive':
      return 'stop receiving';
    case 'createProcess':
      return `creating process ${info.process}`;
    case 'killProcess':
      return `killing process ${info.process}`;
    case 'assignThreadToProcess':
      return `assigning thread ${info.thread} to process ${info.process}`;
    case 'createMachine':
      return `creating machine ${info.machine} at ${info.realTime}`;
    case 'killMachine':
      return `killing machine ${info.machine}`;
    case 'sendMessage':
      return (
        `sending message with tag ${edenTag(info.tag)} from process ${info.senderProcess}, thread ${info.senderThread} ` +
        `to machine ${info.receiverMachine}, process ${info.receiverProcess} on inport ${info.receiverInport}`
      );
    case 'receiveMessage':
      return (
        `receiving message with tag ${edenTag(info.tag)} at process ${info.receiverProcess}, inport ${info.receiverInport} ` +
        `from machine ${info.senderMachine}, process ${info.senderProcess}, thread ${info.senderThread} with size ${info.messageSizeBytes}`
      );
    case 'sendReceiveLocalMessage':
      return (
        `sending/receiving message with tag ${edenTag(info.tag)} from process ${info.senderProcess}, thread ${info.senderThread} ` +
        `to process ${info.receiverProcess} on inport ${info.receiverInport}`
      );
    case 'merStartParConjunction':
      return `Start a parallel conjunction 0x${hex(info.dynamicId)}, static_id: ${info.staticId}`;
    case 'merEndParConjunction':
      return `End par conjunction: 0x${hex(info.dynamicId)}`;
    case 'merEndParConjunct':
      return `End par conjunct: 0x${hex(info.dynamicId)}`;
    case 'merCreateSpark':
      return `Create spark for conjunction: 0x${hex(info.dynamicId)} spark: 0x${info.sparkId.toString(16)}`;
    case 'merFutureCreate':
      return `Create future 0x${hex(info.futureId)} named ${info.nameId}`;
    case 'merFutureWaitNosuspend':
      return `Wait didn't suspend for future: 0x${hex(info.futureId)}`;
    case 'merFutureWaitSuspended':
      return `Wait suspended on future: 0x${hex(info.futureId)}`;
    case 'merFutureSignal':
      return `Signaled future 0x${hex(info.futureId)}`;
    case 'merLookingForGlobalThread':
      return 'Looking for global thread to resume';
    case 'merWorkStealing':
      return 'Trying to steal a spark';
    case 'merLookingForLocalSpark':
      return 'Looking for a local spark to execute';
    case 'merReleaseThread':
      return `Releasing thread ${info.thread} to the free pool`;
    case 'merCapSleeping':
      return 'Capability going to sleep';
    case 'merCallingMain':
      return 'About to call the program entry point';
    case 'perfName':
      return `perf event ${info.perfNum} named "${info.name}"`;
    case 'perfCounter':
      return `perf event counter ${info.perfNum} incremented by ${info.period + 1n} in OS thread ${info.kernelThreadId}`;
    case 'perfTracepoint':
      return `perf event tracepoint ${info.perfNum} reached in OS thread ${info.kernelThreadId}`;
  }
}

// Haskell's `show` for a list of strings (GHC.Show `showLitString`), as ghc-events prints
// program arguments and environment.

const ASCII_CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

export function showHaskellString(text: string): string {
  let shown = '"';
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < codePoints.length; i++) {
    const code = codePoints[i]!;
    const next = codePoints[i + 1];
    if (code === 0x22) shown += '\\"';
    else if (code === 0x5c) shown += '\\\\';
    else if (code >= 0x20 && code < 0x7f) shown += String.fromCodePoint(code);
    else if (code === 0x7f) shown += '\\DEL';
    else if (code > 0x7f) {
      // A numeric escape is separated by `\&` from a digit that follows it.
      shown += `\\${code}`;
      if (next !== undefined && next >= 0x30 && next <= 0x39) shown += '\\&';
    } else {
      shown += `\\${ASCII_CONTROL_NAMES[code]}`;
      // "\SO" followed by "H" would read as "\SOH".
      if (code === 0x0e && next === 0x48) shown += '\\&';
    }
  }
  return `${shown}"`;
}

export function showHaskellStringList(items: string[]): string {
  return `[${items.map(showHaskellString).join(',')}]`;
}

/**
 * A binary payload as ghc-events shows it (`replaceUnprintableWith '.'`): decoded as UTF-8 with
 * each invalid byte replaced by '.', then every character Haskell's `isPrint` rejects replaced too.
 */
export function printableBytes(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const [code, length] = decodeUtf8CodePoint(bytes, i);
    text += code < 0 || !isPrintable(code) ? '.' : String.fromCodePoint(code);
    i += length;
  }
  return text;
}

/** One UTF-8 code point at `at`: [code, bytes used], or [-1, 1] for an invalid byte. */
function decodeUtf8CodePoint(bytes: Uint8Array, at: number): [number, number] {
  const first = bytes[at]!;
  if (first < 0x80) return [first, 1];
  let length: number;
  let code: number;
  let minimum: number;
  if (first >= 0xc2 && first <= 0xdf) [length, code, minimum] = [2, first & 0x1f, 0x80];
  else if (first >= 0xe0 && first <= 0xef) [length, code, minimum] = [3, first & 0x0f, 0x800];
  else if (first >= 0xf0 && first <= 0xf4) [length, code, minimum] = [4, first & 0x07, 0x10000];
  else return [-1, 1];
  if (at + length > bytes.length) return [-1, 1];
  for (let k = 1; k < length; k++) {
    const continuation = bytes[at + k]!;
    if ((continuation & 0xc0) !== 0x80) return [-1, 1];
    code = (code << 6) | (continuation & 0x3f);
  }
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return [-1, 1];
  return [code, length];
}

/** Haskell's `isPrint`: not a control, format, surrogate, private-use, unassigned or line/paragraph separator. */
function isPrintable(code: number): boolean {
  return !/[\p{C}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(code));
}
