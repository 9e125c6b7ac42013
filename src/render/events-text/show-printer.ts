// Prints the event lines of one log, `<time ns>: [cap <n>: ]<description>`, each from its bytes
// by its layout's byte line (byte-lines.ts), or else decoded and described (event-text.ts).
import { PayloadDecoders, type EventlogHeader, type RawEvent } from '../../formats/eventlog/index.js';
import { Literal, type ByteWriter } from './byte-writer.js';
import { byteLineOf, STACK_BYTES_PER_PAYLOAD_BYTE, writeByteLineFields, type ByteLine } from './byte-lines.js';
import { describeEvent } from './event-text.js';

/** `<time>: cap <n>: `. A byte line's `maxBytes` counts the rest, newline included; a decoded line reserves its own. */
const LINE_PREFIX_MAX_BYTES = 48;
const COLON_SPACE = new Literal(': ');

export class ShowPrinter {
  private readonly decoders: PayloadDecoders;
  /** How each declared type prints from its bytes, or null to decode it first. */
  private readonly lines: (ByteLine | null)[] = new Array<ByteLine | null>(0x10000).fill(null);
  private readonly capPrefixes: Literal[] = [];
  /**
   * Per capability (index cap + 1: 0 is none) and type, what follows the time up to the line's
   * first field: the capability prefix and the line's first literal in one copy. Most lines of a
   * GC-heavy log have no field at all ("GC idle"), so this is the whole line but its time.
   */
  private readonly heads: (Literal | undefined)[][] = [];

  constructor(private readonly header: EventlogHeader) {
    this.decoders = new PayloadDecoders(header);
    for (const declaration of header.byId.values()) {
      const layout = this.decoders.layoutFor(declaration.id);
      this.lines[declaration.id] = layout === null ? null : byteLineOf(layout);
    }
  }

  /**
   * Prints the line of `raw`. Its payload must have been checked: the reader stops a log before
   * any payload that does not decode (readEventlog with every type decoded, the default).
   */
  print(raw: RawEvent, out: ByteWriter): void {
    const line = this.lines[raw.typeId]!;
    out.reserve(LINE_PREFIX_MAX_BYTES + (line === null ? 0 : line.maxBytes + (line.hasStack ? raw.payloadBytes * STACK_BYTES_PER_PAYLOAD_BYTE : 0)));
    out.uint(raw.timeNs);
    if (line !== null) {
      out.literal(this.heads[raw.cap + 1]?.[raw.typeId] ?? this.head(raw.cap, raw.typeId, line));
      if (line.kinds.length > 0) writeByteLineFields(line, raw, out, this.decoders.context);
    } else {
      out.literal(this.prefixOf(raw.cap));
      const info = this.decoders.decode(raw.typeId, raw.bytes, raw.view, raw.payloadOffset, raw.payloadBytes);
      out.text(`${describeEvent(info, raw.typeId, this.header)}\n`);
    }
  }

  /** `: cap <n>: `, or `: ` for an event of no capability (after the time). */
  private prefixOf(cap: number): Literal {
    if (cap < 0) return COLON_SPACE;
    return (this.capPrefixes[cap] ??= new Literal(`: cap ${cap}: `));
  }

  private head(cap: number, typeId: number, line: ByteLine): Literal {
    const head = new Literal(this.prefixOf(cap).text + line.literals[0]!.text);
    (this.heads[cap + 1] ??= [])[typeId] = head;
    return head;
  }
}
