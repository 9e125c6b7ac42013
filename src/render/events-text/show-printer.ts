// Prints the event lines of one log, `<time ns>: [cap <n>: ]<description>`, each from its bytes
// by its layout's byte line (byte-lines.ts), or else decoded and described (event-text.ts).
import { PayloadDecoders, type EventlogHeader, type RawEvent } from '../../formats/eventlog/index.js';
import { Literal, type ByteWriter } from './byte-writer.js';
import { byteLineOf, STACK_BYTES_PER_PAYLOAD_BYTE, writeByteLine, type ByteLine } from './byte-lines.js';
import { describeEvent } from './event-text.js';

/** `<time>: cap <n>: ` and the newline. */
const LINE_PREFIX_MAX_BYTES = 48;
const COLON_SPACE = new Literal(': ');

export class ShowPrinter {
  private readonly decoders: PayloadDecoders;
  /** How each declared type prints from its bytes, or null to decode it first. */
  private readonly lines: (ByteLine | null)[] = new Array<ByteLine | null>(0x10000).fill(null);
  private readonly capPrefixes: Literal[] = [];

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
    out.literal(raw.cap < 0 ? COLON_SPACE : (this.capPrefixes[raw.cap] ?? this.capPrefix(raw.cap)));
    if (line !== null) {
      writeByteLine(line, raw, out, this.decoders.context);
      out.newline();
    } else {
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
}
