// The eventlog header: the table of event types the writing RTS knows, each with its payload size.
//
//   "hdrb" "hetb"
//     ( "etb\0" id:u16 size:u16 (0xFFFF = variable) descLen:u32 desc extraLen:u32 extra "ete\0" )*
//   "hete" "hdre" "datb"
//
// (EventLogFormat.h; ghc-events Binary.hs `getHeader`/`getEventType`). Readers skip event types
// they do not understand by the size declared here, which is how old tools read new logs.
import { InputError } from '../../model/diagnostic.js';
import { DATA_BEGIN, ET_BEGIN, ET_END, HEADER_BEGIN, HEADER_END, HET_BEGIN, HET_END, VARIABLE_SIZE } from './format.js';
import { decodeUtf8 } from './payload-reader.js';

export interface EventTypeDeclaration {
  id: number;
  /** Payload size in bytes (excluding the 10-byte event header), or null for variable-size events. */
  sizeBytes: number | null;
  /** Human-readable name; not stable across GHC versions, so key on `id`. */
  description: string;
  /** Extension bytes after the description; GHC always writes none so far. */
  extraInfo: Uint8Array;
}

export interface EventlogHeader {
  /** Declarations in file order (what `ghc-events show` prints first). */
  eventTypes: EventTypeDeclaration[];
  /** Declaration by event id; a later declaration of the same id wins, as in ghc-events' IntMap. */
  byId: Map<number, EventTypeDeclaration>;
}

export type HeaderReadResult =
  | { status: 'complete'; header: EventlogHeader; /** Offset of the first event, just after "datb". */ dataOffset: number }
  | { status: 'incomplete'; /** The input must grow to at least this many bytes before trying again. */ neededBytes: number };

/** Entries of `payloadSizeTable` for ids the header does not declare, or declares variable-size. */
export const UNDECLARED_PAYLOAD = -2;
export const VARIABLE_PAYLOAD = -1;

/**
 * Payload size by event id (0..0xFFFF) as the header declares it: the fixed size,
 * VARIABLE_PAYLOAD, or UNDECLARED_PAYLOAD. One typed-array lookup per event on the hot paths.
 */
export function payloadSizeTable(header: EventlogHeader): Int32Array {
  const sizes = new Int32Array(0x10000).fill(UNDECLARED_PAYLOAD);
  for (const declaration of header.byId.values()) {
    sizes[declaration.id] = declaration.sizeBytes === null ? VARIABLE_PAYLOAD : declaration.sizeBytes;
  }
  return sizes;
}

const MARKER_NAMES = new Map<number, string>([
  [HEADER_BEGIN, '"hdrb"'],
  [HET_BEGIN, '"hetb"'],
  [ET_BEGIN, '"etb\\0"'],
  [ET_END, '"ete\\0"'],
  [HET_END, '"hete"'],
  [HEADER_END, '"hdre"'],
  [DATA_BEGIN, '"datb"'],
]);

/** Thrown inside `readEventlogHeader` when the bytes end inside the header. */
class NeedMoreBytes extends Error {
  constructor(readonly neededBytes: number) {
    super(`the eventlog header needs ${neededBytes} bytes`);
  }
}

/**
 * Reads the header from the first bytes of the file. Returns `incomplete` when the bytes end
 * inside the header, and throws `InputError` (with the byte offset) when they are not an eventlog.
 */
export function readEventlogHeader(bytes: Uint8Array, source: string): HeaderReadResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;

  const need = (count: number): number => {
    if (at + count > bytes.length) throw new NeedMoreBytes(at + count);
    const here = at;
    at += count;
    return here;
  };
  const u16 = (): number => view.getUint16(need(2));
  const u32 = (): number => view.getUint32(need(4));
  const expectMarker = (expected: number, what: string): void => {
    checkMarkerPrefix(bytes, at, expected, what, source);
    u32();
  };

  try {
    expectMarker(HEADER_BEGIN, 'the eventlog header marker');
    expectMarker(HET_BEGIN, 'the event-type table marker');
    const eventTypes: EventTypeDeclaration[] = [];
    const byId = new Map<number, EventTypeDeclaration>();
    for (;;) {
      const markerOffset = at;
      const marker = u32();
      if (marker === HET_END) break;
      if (marker !== ET_BEGIN) {
        throw notAnEventlog(source, markerOffset, `expected an event-type declaration ("etb\\0") or the end of the table ("hete"), found ${describeBytes(bytes, markerOffset)}`);
      }
      const id = u16();
      const size = u16();
      const descriptionBytes = u32();
      const description = decodeUtf8(bytes.subarray(need(descriptionBytes), at));
      const extraBytes = u32();
      const extraInfo = bytes.slice(need(extraBytes), at);
      expectMarker(ET_END, `the end of the declaration of event type ${id}`);
      const declaration = { id, sizeBytes: size === VARIABLE_SIZE ? null : size, description, extraInfo };
      eventTypes.push(declaration);
      byId.set(id, declaration);
    }
    expectMarker(HEADER_END, 'the end of the header ("hdre")');
    expectMarker(DATA_BEGIN, 'the start of the data section ("datb")');
    return { status: 'complete', header: { eventTypes, byId }, dataOffset: at };
  } catch (error) {
    if (error instanceof NeedMoreBytes) return { status: 'incomplete', neededBytes: error.neededBytes };
    throw error;
  }
}

/**
 * Checks the bytes of a four-byte marker that are already present, so that a file which is not
 * an eventlog is rejected from its first bytes even when they arrive one at a time.
 */
function checkMarkerPrefix(bytes: Uint8Array, at: number, expected: number, what: string, source: string): void {
  const available = Math.min(4, bytes.length - at);
  for (let i = 0; i < available; i++) {
    const expectedByte = (expected >>> (8 * (3 - i))) & 0xff;
    if (bytes[at + i] !== expectedByte) {
      const name = MARKER_NAMES.get(expected) ?? `0x${expected.toString(16)}`;
      throw notAnEventlog(source, at, `expected ${what} ${name}, found ${describeBytes(bytes, at)}`);
    }
  }
}

function notAnEventlog(source: string, byteOffset: number, detail: string): InputError {
  const prefix = byteOffset === 0 ? 'not a GHC eventlog: ' : 'malformed eventlog header: ';
  return new InputError({ source, byteOffset }, prefix + detail);
}

function describeBytes(bytes: Uint8Array, at: number): string {
  const shown = bytes.subarray(at, Math.min(bytes.length, at + 4));
  const hex = Array.from(shown, (b) => b.toString(16).padStart(2, '0')).join(' ');
  const printable = Array.from(shown, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `bytes ${hex} ("${printable}")`;
}
