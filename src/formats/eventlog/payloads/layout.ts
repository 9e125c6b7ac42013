// A payload layout is a table: the event type, the name of what it says (its `EventInfo` kind),
// and its fields in byte order, each a name and a field type (codecs.ts). Everything else is
// derived from the table: the payload size, each field's offset, whether a payload can be
// rejected, the decoder, the TypeScript type of the decoded event (event-info.ts), and the
// `ghc-events show` printer's byte-level lines (render/events-text/byte-lines.ts).
//
//   layout(EventId.HEAP_SIZE, 'heapSize', { heapCapset: u32, sizeBytes: u64 })
//
// Fields are in the object's key order, which JavaScript keeps for non-numeric keys.
import type { PayloadReader } from '../payload-reader.js';
import { IntegerRead, readIntegerAt, type Codec } from './codecs.js';

/** Facts about the whole log that change how some payloads decode. */
export interface DecodeContext {
  /**
   * GHC 7.8.2 alone shifted the STOP_THREAD status codes from 8 up by one; it is recognised by
   * declaring USER_MARKER (58) but not HACK_BUG_T9003 (59) (ghc-events EventTypes.hs,
   * Note [Stop status in GHC-7.8.2]).
   */
  stopStatusEncoding: 'standard' | 'ghc-7.8.2';
}

export interface LayoutField {
  readonly name: string;
  readonly codec: Codec<unknown>;
  /** Offset in the payload, or null when a field of variable size comes before it. */
  readonly offset: number | null;
}

export interface PayloadLayout<Info = unknown> {
  readonly typeId: number;
  /** The `kind` of the decoded `EventInfo`; several layouts (versions of an event) may share one. */
  readonly kind: string;
  readonly fields: readonly LayoutField[];
  /**
   * Payload bytes this version of the event reads, or null for a variable-size event. Events grow
   * only at the end, so a log that declares a larger size is read with the largest layout that fits
   * and the rest is skipped (ghc-events EventParserUtils.hs `getFixedParser`, `padParser`).
   */
  readonly sizeBytes: number | null;
  /** Whether a payload can fail to decode: it can run short, or a field can reject its bytes. */
  readonly mayReject: boolean;
  /** Throws `PayloadTooShortError` / `InvalidFieldError` (payload-reader.ts) when `mayReject`. */
  decode(reader: PayloadReader, context: DecodeContext): Info;
}

type FieldTable = Record<string, Codec<unknown>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The decoded event of a table: its kind, and each field's value. */
export type InfoOf<Kind extends string, Fields extends FieldTable> = Simplify<
  { kind: Kind } & { [Name in keyof Fields]: Fields[Name] extends Codec<infer T> ? T : never }
>;

/** The decoded events of a list of layouts. */
export type LayoutInfo<L> = L extends PayloadLayout<infer Info> ? Info : never;

export function layout<Kind extends string, Fields extends FieldTable>(typeId: number, kind: Kind, table: Fields): PayloadLayout<InfoOf<Kind, Fields>> {
  const names = Object.keys(table);
  const codecs = names.map((name) => table[name]!);
  const fields: LayoutField[] = [];
  let offset: number | null = 0;
  for (let i = 0; i < names.length; i++) {
    const codec = codecs[i]!;
    fields.push({ name: names[i]!, codec, offset });
    offset = offset === null || codec.bytes === null ? null : offset + codec.bytes;
  }
  return {
    typeId,
    kind,
    fields,
    sizeBytes: offset,
    mayReject: offset === null || codecs.some((codec) => codec.rejects),
    decode: decoderOf(kind, fields, offset) as PayloadLayout<InfoOf<Kind, Fields>>['decode'],
  };
}

function decoderOf(kind: string, fields: readonly LayoutField[], sizeBytes: number | null): PayloadLayout['decode'] {
  const names = fields.map((field) => field.name);
  const codecs = fields.map((field) => field.codec);
  if (codecs.length === 0) {
    // Nothing to read: every event of the type says the same.
    const info = { kind };
    return () => info;
  }
  const readFields: PayloadLayout['decode'] = (reader, context) => {
    const info: Record<string, unknown> = { kind };
    for (let i = 0; i < codecs.length; i++) info[names[i]!] = codecs[i]!.read(reader, context);
    return info;
  };
  if (sizeBytes === null) return readFields;
  // A fixed-size layout reads its integers straight from the bytes at their offsets, which is
  // most of the cost of decoding the events that fill big logs; other fields read as usual.
  const offsets = fields.map((field) => field.offset!);
  const integers = codecs.map((codec) => codec.integer);
  return (reader, context) => {
    // A payload too short for the layout is the general path's to reject.
    if (reader.remainingBytes < sizeBytes) return readFields(reader, context);
    const start = reader.position;
    const bytes = reader.bytes;
    const view = reader.view;
    const info: Record<string, unknown> = { kind };
    for (let i = 0; i < integers.length; i++) {
      const at = start + offsets[i]!;
      const integer = integers[i]!;
      if (integer === IntegerRead.None) {
        reader.position = at;
        info[names[i]!] = codecs[i]!.read(reader, context);
      } else {
        info[names[i]!] = readIntegerAt(integer, bytes, view, at);
      }
    }
    reader.position = start + sizeBytes;
    return info;
  };
}
