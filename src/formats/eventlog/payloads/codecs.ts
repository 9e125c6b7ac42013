// The field types of eventlog payloads: every type a layout table (payloads/*.ts) may give a
// field, with the bytes it takes and how it is read. Integers are big-endian (payload-reader.ts).
// The `type` names are also what the `ghc-events show` printer looks at to print a field straight
// from the bytes (render/events-text/byte-lines.ts), so a new type must say what it is, not how.
import type { CapsetType, HeapProfBreakdown, ThreadStopStatus } from '../event-info.js';
import { InvalidFieldError, type PayloadReader } from '../payload-reader.js';
import type { DecodeContext } from './layout.js';
import { threadStopStatus } from './thread-stop-status.js';

/** Field types read from the payload's bytes. */
export type PlainFieldType =
  // Unsigned integers read as Numbers: exact below 2^53 (counts, byte sizes, nanoseconds).
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  /** A u64 that may use all 64 bits (pointers, addresses, task and counter ids), as a bigint. */
  | 'u64 id'
  /** An i32 capability narrowed to its low 16 bits, as ghc-events reads it (#84, #108). */
  | 'i32 cap'
  /** A u8 base-2 logarithm, read as the power of two. */
  | 'u8 log2'
  /** A u8 whose bit 0 is a flag. */
  | 'u8 flag'
  /** CAPSET_CREATE's u16 type, EventLogFormat.h `CAPSET_TYPE_*`. */
  | 'u16 capset type'
  /** HEAP_PROF_BEGIN's u32 breakdown, EventLogFormat.h `HEAP_PROF_BREAKDOWN_*`; rejects codes it does not define. */
  | 'u32 heap breakdown'
  /** STOP_THREAD's u16 status code (before GHC 7.6: no info field). */
  | 'u16 stop status'
  /** STOP_THREAD's u16 status code and u32 info (black-hole owner, or stack size on overflow). */
  | 'u16 stop status, u32 info'
  /** UTF-8 text up to the payload's end (no NUL). */
  | 'utf8 to end'
  /** NUL-terminated UTF-8 text; a string missing its NUL runs to the payload's end. */
  | 'utf8 nul'
  /** NUL-terminated UTF-8 text read as its leading decimal digits; rejects text without any. */
  | 'utf8 nul decimal'
  /** NUL-separated UTF-8 strings up to the payload's end. */
  | 'utf8 nul-separated to end'
  /** One character per byte up to the payload's end (ghc-events `B8.unpack`). */
  | 'latin1 to end'
  /** One character per byte up to the payload's last four bytes. */
  | 'latin1 before u32'
  /** Raw bytes up to the payload's end. */
  | 'bytes to end'
  /** u8 depth, then that many u32 cost-centre ids, innermost first. */
  | 'cost-centre stack';

export type FieldType =
  | PlainFieldType
  /** A trailing field newer writers add: read only when bytes remain (ghc-events `optionalGet`). */
  | `optional ${PlainFieldType}`
  /** A field this version of the event does not have: no bytes, a fixed value. */
  | 'absent';

/**
 * For the integer types, the read a fixed-size layout's decoder makes itself, straight from the
 * payload's bytes at the field's offset (layout.ts); `read` is the general way.
 */
export const IntegerRead = { None: 0, U8: 1, U16: 2, U32: 3, U64: 4, U64Id: 5, I32Cap: 6 } as const;
export type IntegerRead = (typeof IntegerRead)[keyof typeof IntegerRead];

const TWO_TO_32 = 4294967296;

/** The integer at index `at` of `bytes` (`view` over the same bytes), read as `integer` says; not for `None`. */
export function readIntegerAt(integer: IntegerRead, bytes: Uint8Array, view: DataView, at: number): number | bigint {
  switch (integer) {
    case IntegerRead.U8:
      return bytes[at]!;
    case IntegerRead.U16:
      return view.getUint16(at);
    case IntegerRead.U32:
      return view.getUint32(at);
    case IntegerRead.U64:
      return view.getUint32(at) * TWO_TO_32 + view.getUint32(at + 4);
    case IntegerRead.U64Id:
      return view.getBigUint64(at);
    case IntegerRead.I32Cap:
      return view.getInt32(at) & 0xffff;
    default:
      throw new Error(`readIntegerAt: read ${integer} is not an integer read`);
  }
}

export interface Codec<T, Type extends FieldType = FieldType> {
  readonly type: Type;
  /** Bytes the field takes, or null when the payload decides (strings, lists, trailing fields). */
  readonly bytes: number | null;
  /** Whether bytes enough for the field can still hold a value the format does not define. */
  readonly rejects: boolean;
  readonly integer: IntegerRead;
  read(reader: PayloadReader, context: DecodeContext): T;
}

function codec<T, Type extends FieldType>(
  type: Type,
  bytes: number | null,
  read: (reader: PayloadReader, context: DecodeContext) => T,
  rejects = false,
  integer: IntegerRead = IntegerRead.None,
): Codec<T, Type> {
  return { type, bytes, rejects, integer, read };
}

export const u8 = codec('u8', 1, (r) => r.u8(), false, IntegerRead.U8);
export const u16 = codec('u16', 2, (r) => r.u16(), false, IntegerRead.U16);
export const u32 = codec('u32', 4, (r) => r.u32(), false, IntegerRead.U32);
export const u64 = codec('u64', 8, (r) => r.u64(), false, IntegerRead.U64);
export const u64Id = codec('u64 id', 8, (r) => r.u64Big(), false, IntegerRead.U64Id);
export const i32Cap = codec('i32 cap', 4, (r) => r.i32() & 0xffff, false, IntegerRead.I32Cap);
export const u8Log2 = codec('u8 log2', 1, (r) => 2 ** r.u8());
export const u8Flag = codec('u8 flag', 1, (r) => (r.u8() & 1) !== 0);

const CAPSET_TYPES: Record<number, CapsetType> = { 1: 'CapsetCustom', 2: 'CapsetOsProcess', 3: 'CapsetClockDomain' };
export const capsetType = codec('u16 capset type', 2, (r): CapsetType => CAPSET_TYPES[r.u16()] ?? 'CapsetUnknown');

/** 1-based: -hc, -hm, -hd, -hy, -hr, -hb, -hT, -hi (9.2), -he (9.10). */
const BREAKDOWNS: readonly (HeapProfBreakdown | undefined)[] = [
  undefined,
  'costCentre',
  'module',
  'closureDescr',
  'typeDescr',
  'retainer',
  'biography',
  'closureType',
  'infoTable',
  'era',
];
export const heapProfBreakdown = codec(
  'u32 heap breakdown',
  4,
  (r): HeapProfBreakdown => {
    const code = r.u32();
    const breakdown = BREAKDOWNS[code];
    if (breakdown === undefined) throw new InvalidFieldError(`unknown heap-profile breakdown ${code}`);
    return breakdown;
  },
  true,
);

export const stopStatus = codec('u16 stop status', 2, (r, context): ThreadStopStatus => threadStopStatus(r.u16(), 0, context));
export const stopStatusWithInfo = codec('u16 stop status, u32 info', 6, (r, context): ThreadStopStatus => {
  const code = r.u16();
  return threadStopStatus(code, r.u32(), context);
});

export const utf8ToEnd = codec('utf8 to end', null, (r) => r.textToEnd());
export const utf8Nul = codec('utf8 nul', null, (r) => r.textNul());
export const decimalUtf8Nul = codec(
  'utf8 nul decimal',
  null,
  (r) => {
    const text = r.textNul();
    // ghc-events parses the leading decimal digits (`Data.Text.Read.decimal`).
    const digits = /^[0-9]+/.exec(text);
    if (digits === null) throw new InvalidFieldError(`closure description ${JSON.stringify(text)} is not a number`);
    return Number(digits[0]);
  },
  true,
);
/** Trailing NULs are dropped before splitting, as ghc-events does (`T.splitOn "\0" . T.dropWhileEnd (== '\0')`). */
export const utf8ListToEnd = codec('utf8 nul-separated to end', null, (r) => r.textToEnd().replace(/\0+$/, '').split('\0'));
export const latin1ToEnd = codec('latin1 to end', null, (r) => r.latin1(r.remainingBytes));
export const latin1BeforeU32 = codec('latin1 before u32', null, (r) => r.latin1(Math.max(0, r.remainingBytes - 4)));
export const bytesToEnd = codec('bytes to end', null, (r) => r.copyBytes(r.remainingBytes));
export const costCentreStack = codec('cost-centre stack', null, (r) => {
  const depth = r.u8();
  r.requireBytes(depth * 4);
  const stack = new Array<number>(depth);
  for (let i = 0; i < depth; i++) stack[i] = r.u32();
  return stack;
});

/** `base` when bytes remain, else `fallback`. */
export function optional<T, F, Type extends PlainFieldType>(base: Codec<T, Type>, fallback: F): Codec<T | F, `optional ${Type}`> {
  return codec(`optional ${base.type}` as const, null, (r, context) => (r.remainingBytes > 0 ? base.read(r, context) : fallback));
}

/** A field missing from this version of the event, always `value`. */
export function absent<T>(value: T): Codec<T, 'absent'> {
  return codec('absent', 0, () => value);
}
