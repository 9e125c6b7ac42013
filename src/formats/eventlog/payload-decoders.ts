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
import { blockMarkerLayouts } from './payloads/block-marker.js';
import { capabilityLayouts } from './payloads/capabilities.js';
import { gcLayouts } from './payloads/gc.js';
import { heapProfileLayouts } from './payloads/heap-profile.js';
import type { DecodeContext, PayloadLayout } from './payloads/layout.js';
import { messageLayouts } from './payloads/messages.js';
import { nonmovingLayouts } from './payloads/nonmoving.js';
import { otherRuntimeLayouts } from './payloads/other-runtimes.js';
import { schedulerLayouts } from './payloads/scheduler.js';
import { sparkLayouts } from './payloads/sparks.js';
import { tickyLayouts } from './payloads/ticky.js';
import { timeProfileLayouts } from './payloads/time-profile.js';

/** Every layout known, for tests that check properties of all of them. */
export const ALL_LAYOUTS: readonly PayloadLayout[] = [
  ...blockMarkerLayouts,
  ...schedulerLayouts,
  ...sparkLayouts,
  ...gcLayouts,
  ...capabilityLayouts,
  ...messageLayouts,
  ...heapProfileLayouts,
  ...timeProfileLayouts,
  ...nonmovingLayouts,
  ...tickyLayouts,
  ...otherRuntimeLayouts,
];

const LAYOUTS_BY_ID = new Map<number, PayloadLayout[]>();
for (const layout of ALL_LAYOUTS) {
  const list = LAYOUTS_BY_ID.get(layout.typeId) ?? [];
  list.push(layout);
  LAYOUTS_BY_ID.set(layout.typeId, list);
}

/** The layouts known for an event id (several when the event grew over versions). */
function knownLayouts(typeId: number): readonly PayloadLayout[] {
  return LAYOUTS_BY_ID.get(typeId) ?? [];
}

function chooseLayout(typeId: number, declaredSizeBytes: number | null): PayloadLayout | null {
  let best: PayloadLayout | null = null;
  for (const layout of knownLayouts(typeId)) {
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
      if (layout !== null && layout.sizeBytes === null) this.rejectable[declaration.id] = 1;
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
   * is sound can skip decoding it: a fixed-size layout reads a fixed set of fields from a payload
   * declared at least that long (`chooseLayout`) and rejects no value; only variable-size layouts
   * can run short or hold an invalid field (layouts.test.ts checks this for every fixed layout).
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
    return layout.decode(this.reader.reset(bytes, view, payloadOffset, payloadBytes), this.context);
  }
}
