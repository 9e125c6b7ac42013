// Event lines printed straight from an event's bytes, with no object or string per event: each
// layout's line template (lines/) compiled against the layout's table, which gives every field's
// offset and type. A template compiles when each of its fields is one the printer can write from
// bytes at a known offset: an integer printed in decimal, a cost-centre stack, a stop status, or
// an optional field (dropped from layouts that lack it). Other lines are printed from the decoded
// event (event-text.ts); printer.test.ts checks that both print the same.
import { threadStopStatus, type DecodeContext, type FieldType, type PayloadLayout, type RawEvent } from '../../formats/eventlog/index.js';
import { Literal, type ByteWriter } from './byte-writer.js';
import { formatThreadStopStatus } from './stop-status-text.js';
import { resolvedLine } from './templates.js';
import type { PrintedKind } from './line-template.js';

/** What a compiled field writes: */
const U8 = 0;
const U16 = 1;
const U32 = 2;
/** Read as the decoder reads it (a Number, exact below 2^53) and printed as JavaScript prints it. */
const U64 = 3;
/** u8 depth, then that many u32 cost-centre ids, printed comma-separated. */
const CC_STACK = 4;
/** STOP_THREAD's u16 status, with the u32 info at `infoOffset` (or none, before GHC 7.6). */
const STOP_STATUS = 5;

/** Integer field types and how to read them: the read, and where in the field (an i32 capability is its low 16 bits). */
const NUMBER_READS: Partial<Record<FieldType, { kind: number; shift: number }>> = {
  u8: { kind: U8, shift: 0 },
  u16: { kind: U16, shift: 0 },
  u32: { kind: U32, shift: 0 },
  u64: { kind: U64, shift: 0 },
  'i32 cap': { kind: U16, shift: 2 },
};

/** Most bytes a field prints; a cost-centre stack adds up to STACK_BYTES_PER_PAYLOAD_BYTE per payload byte. */
const FIELD_MAX_BYTES = [3, 5, 10, 21, 0, 64];
/** A u32 id (4 bytes) prints as at most 10 digits and ", ". */
export const STACK_BYTES_PER_PAYLOAD_BYTE = 3;

export interface ByteLine {
  /** Text before each field and after the last, which ends with the line's newline. */
  readonly literals: readonly Literal[];
  readonly kinds: readonly number[];
  /** Payload offset of each field. */
  readonly offsets: readonly number[];
  /** Of a stop status's info field, or -1. */
  readonly infoOffsets: readonly number[];
  /** Most bytes the line takes, beside a cost-centre stack. */
  readonly maxBytes: number;
  readonly hasStack: boolean;
}

const compiled = new Map<PayloadLayout, ByteLine | null>();

/** The byte-level line of a layout, or null when its events print from the decoded event. */
export function byteLineOf(layout: PayloadLayout): ByteLine | null {
  let line = compiled.get(layout);
  if (line === undefined) compiled.set(layout, (line = compile(layout)));
  return line;
}

function compile(layout: PayloadLayout): ByteLine | null {
  const template = resolvedLine(layout.kind as PrintedKind);
  if (typeof template === 'function') return null;
  const fields = new Map(layout.fields.map((field) => [field.name, field]));
  const literals = [template.literals[0]!];
  const kinds: number[] = [];
  const offsets: number[] = [];
  const infoOffsets: number[] = [];
  const add = (kind: number, offset: number, infoOffset: number, after: string): void => {
    kinds.push(kind);
    offsets.push(offset);
    infoOffsets.push(infoOffset);
    literals.push(after);
  };
  for (let i = 0; i < template.parts.length; i++) {
    const part = template.parts[i]!;
    const after = template.literals[i + 1]!;
    const field = fields.get(part.name)!;
    const type = field.codec.type;
    if (part.part === 'optional' && type === 'absent') {
      literals[literals.length - 1] += after;
      continue;
    }
    if (field.offset === null) return null;
    const read = NUMBER_READS[type];
    if (part.part === 'field' && read !== undefined) {
      add(read.kind, field.offset + read.shift, -1, after);
    } else if (part.part === 'optional' && read !== undefined) {
      literals[literals.length - 1] += part.before;
      add(read.kind, field.offset + read.shift, -1, part.after + after);
    } else if (part.part === 'list' && type === 'cost-centre stack') {
      add(CC_STACK, field.offset, -1, after);
    } else if (part.part === 'stopStatus' && (type === 'u16 stop status' || type === 'u16 stop status, u32 info')) {
      add(STOP_STATUS, field.offset, type === 'u16 stop status' ? -1 : field.offset + 2, after);
    } else {
      return null;
    }
  }
  literals[literals.length - 1] += '\n';
  const literalBytes = literals.map((text) => new Literal(text));
  return {
    literals: literalBytes,
    kinds,
    offsets,
    infoOffsets,
    maxBytes: literalBytes.reduce((sum, literal) => sum + literal.bytes.length, 0) + kinds.reduce((sum, kind) => sum + FIELD_MAX_BYTES[kind]!, 0),
    hasStack: kinds.includes(CC_STACK),
  };
}

const TWO_TO_32 = 4294967296;
const COMMA_SPACE = new Literal(', ');

/**
 * The description of `raw` by its line after the text before its first field (the caller's to
 * write, joined to the line's prefix), to the newline; `out` has room for it.
 */
export function writeByteLineFields(line: ByteLine, raw: RawEvent, out: ByteWriter, context: DecodeContext): void {
  const view = raw.view;
  const payload = raw.payloadOffset;
  const kinds = line.kinds;
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
