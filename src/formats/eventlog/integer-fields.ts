// Reads one integer field of an event straight from its bytes, for readers that need a field or
// two of the events that fill big logs (HEAP_ALLOCATED, GC_STATS: one per GC and capability)
// without building an `EventInfo` for each. The field is where the layout the log's header selects
// for the type (payload-decoders.ts) has it, so the value is the one decoding would give.
import type { EventInfo, EventKind } from './event-info.js';
import type { EventlogHeader } from './header.js';
import { chooseLayout } from './payload-decoders.js';
import { ALL_LAYOUTS } from './payloads/all-layouts.js';
import { IntegerRead, readIntegerAt } from './payloads/codecs.js';
import type { PayloadLayout } from './payloads/layout.js';
import type { RawEvent } from './raw-event.js';

type InfoOfKind<Kind extends EventKind> = Extract<EventInfo, { kind: Kind }>;

/** The fields of an event kind that decode to a Number in every version of the event. */
type NumberFieldName<Kind extends EventKind> = {
  [Name in keyof InfoOfKind<Kind>]: InfoOfKind<Kind>[Name] extends number ? Name : never;
}[keyof InfoOfKind<Kind>] &
  string;

export interface IntegerField {
  /** The event type that holds the field. */
  readonly typeId: number;
  /** The field's value in `raw`, an event of `typeId`. */
  read(raw: RawEvent): number;
}

/**
 * The reader of `kind`'s field `name` in this log, or null when the log's events of the kind do
 * not have it: the type is undeclared, or declared with a size no layout fits (its events decode
 * as unknown), or the log's version of the event lacks the field. Throws for a field this log's
 * version holds other than as a plain integer (GHC 9.2's NONMOVING_HEAP_CENSUS block size, a
 * base-2 logarithm): such events are for decoding.
 */
export function integerField<Kind extends EventKind>(header: EventlogHeader, kind: Kind, name: NumberFieldName<Kind>): IntegerField | null {
  const typeId = typeIdOfKind(kind);
  const declaration = header.byId.get(typeId);
  if (declaration === undefined) return null;
  const layout = chooseLayout(typeId, declaration.sizeBytes);
  // Variable-size layouts have no fixed offsets; the kinds read this way are all fixed-size.
  if (layout === null || layout.sizeBytes === null) return null;
  const field = layout.fields.find((candidate) => candidate.name === name);
  if (field === undefined || field.codec.bytes === 0) return null;
  const integer = field.codec.integer;
  if (integer === IntegerRead.None || integer === IntegerRead.U64Id) throw new Error(`${kind}.${name} is not read as a Number straight from the bytes`);
  // Every event of a fixed-size type has the declared size, at least the layout's: no check per event.
  const offset = field.offset!;
  return { typeId, read: (raw) => readIntegerAt(integer, raw.bytes, raw.view, raw.payloadOffset + offset) as number };
}

function typeIdOfKind(kind: EventKind): number {
  const layout = (ALL_LAYOUTS as readonly PayloadLayout[]).find((candidate) => candidate.kind === kind);
  if (layout === undefined) throw new Error(`no layout of kind ${kind}`);
  return layout.typeId;
}
