// Chooses, once per log, how to decode each declared event type, the way ghc-events builds its
// parser table after reading the header (EventParserUtils.hs `mkEventTypeParsers`):
//   - a fixed-size type uses the known layout with the largest size not above the declared size;
//     extra declared bytes are newer fields, skipped (`getFixedParser`, `padParser`);
//   - a variable-size type uses the known variable layout;
//   - a declared type with no fitting layout is shown as an unknown event and skipped by its
//     declared size (`noEventTypeParser`).
import type { EventInfo } from './event-info.js';
import { EventId } from './format.js';
import type { EventlogHeader } from './header.js';
import { PayloadReader } from './payload-reader.js';
import { ALL_LAYOUTS } from './payloads/all-layouts.js';
import type { DecodeContext, PayloadLayout } from './payloads/layout.js';

export { ALL_LAYOUTS };

const LAYOUTS_BY_ID = new Map<number, PayloadLayout[]>();
for (const layout of ALL_LAYOUTS as readonly PayloadLayout[]) {
  const list = LAYOUTS_BY_ID.get(layout.typeId) ?? [];
  list.push(layout);
  LAYOUTS_BY_ID.set(layout.typeId, list);
}

/** The layout a log whose header declares `typeId` with `declaredSizeBytes` (null: variable) is decoded with, or null. */
export function chooseLayout(typeId: number, declaredSizeBytes: number | null): PayloadLayout | null {
  let best: PayloadLayout | null = null;
  for (const layout of LAYOUTS_BY_ID.get(typeId) ?? []) {
    if (declaredSizeBytes === null) {
      if (layout.sizeBytes === null) return layout;
    } else if (layout.sizeBytes !== null && layout.sizeBytes <= declaredSizeBytes) {
      if (best === null || layout.sizeBytes > best.sizeBytes!) best = layout;
    }
  }
  return best;
}

/** Turns raw payloads of one log into `EventInfo`s. */
export class PayloadDecoders {
  private readonly layoutById: (PayloadLayout | null)[] = [];
  /** 1 for types whose payload can fail to decode (`mayReject`). */
  private readonly rejectable = new Uint8Array(0x10000);
  /** Facts about the log that change how some payloads decode. */
  readonly context: DecodeContext;
  private readonly reader = new PayloadReader();

  constructor(header: EventlogHeader) {
    for (const declaration of header.byId.values()) {
      const layout = chooseLayout(declaration.id, declaration.sizeBytes);
      this.layoutById[declaration.id] = layout;
      if (layout !== null && layout.mayReject) this.rejectable[declaration.id] = 1;
    }
    const ghc782 = header.byId.has(EventId.USER_MARKER) && !header.byId.has(EventId.HACK_BUG_T9003);
    this.context = { stopStatusEncoding: ghc782 ? 'ghc-7.8.2' : 'standard' };
  }

  /** The layout used for a declared event type, or null when it is shown as unknown. */
  layoutFor(typeId: number): PayloadLayout | null {
    return this.layoutById[typeId] ?? null;
  }

  /**
   * False when `decode` cannot throw for this type, so a reader that only needs to know the payload
   * is sound can skip decoding it: a fixed-size layout of fields that reject no value reads a fixed
   * set of fields from a payload declared at least that long (`chooseLayout`); layouts.test.ts
   * checks that every fixed layout decodes any bytes.
   */
  mayReject(typeId: number): boolean {
    return this.rejectable[typeId] === 1;
  }

  /**
   * Decodes one payload. Throws `PayloadTooShortError` or `InvalidFieldError` (payload-reader.ts)
   * when the bytes do not hold what the layout needs.
   */
  decode(typeId: number, bytes: Uint8Array, view: DataView, payloadOffset: number, payloadBytes: number): EventInfo {
    const layout = this.layoutById[typeId];
    if (layout == null) return { kind: 'unknown', typeId };
    return layout.decode(this.reader.reset(bytes, view, payloadOffset, payloadBytes), this.context) as EventInfo;
  }
}
