// How the `ghc-events show` text of an event is written down: per event kind, a line template
// naming the kind's fields (from its layout table, formats/eventlog/payloads/), e.g.
//
//   heapSize: (f) => line`size of heap capset ${f.heapCapset}: ${f.sizeBytes} bytes`
//
// A template is printed from the decoded event (event-text.ts) and, where its fields allow, compiled
// against each layout of its kind to print straight from the event's bytes (byte-lines.ts). Field
// references are typed by the kind's decoded event, so a template can only name fields the table
// declares, and only print them in a way their type allows.
import type { EventInfo, EventKind, ThreadStopStatus } from '../../formats/eventlog/index.js';

/** A field of the event. `Value` (type only) is what it decodes to. */
export interface FieldRef<Value> {
  readonly part: 'field';
  readonly name: string;
  readonly value?: Value;
}

/** Values a plain `${field}` prints, as JavaScript prints them. */
type Printable = number | bigint | string;

export type LinePart =
  | FieldRef<Printable>
  /** The field's value as `show` writes it. */
  | { readonly part: 'show'; readonly name: string; readonly show: (value: never) => string }
  /** Cost-centre ids, comma-separated. */
  | { readonly part: 'list'; readonly name: string }
  /** STOP_THREAD's status (`showThreadStopStatus`). */
  | { readonly part: 'stopStatus'; readonly name: string }
  /** A field some versions of the event lack (null): printed between `before` and `after` when present. */
  | { readonly part: 'optional'; readonly name: string; readonly before: string; readonly after: string };

export interface LineTemplate {
  /** Text before each part and after the last. */
  readonly literals: readonly string[];
  readonly parts: readonly LinePart[];
}

/** line`text ${field} text`: a template. */
export function line(literals: TemplateStringsArray, ...parts: LinePart[]): LineTemplate {
  return { literals: [...literals], parts };
}

export function via<Value>(field: FieldRef<Value>, show: (value: Value) => string): LinePart {
  return { part: 'show', name: field.name, show };
}

/** An id or address in hexadecimal, without `0x`. */
export function hex(field: FieldRef<bigint | number>): LinePart {
  return via(field, (value) => value.toString(16));
}

export function list(field: FieldRef<readonly number[]>): LinePart {
  return { part: 'list', name: field.name };
}

export function stopStatus(field: FieldRef<ThreadStopStatus>): LinePart {
  return { part: 'stopStatus', name: field.name };
}

export function optional(before: string, field: FieldRef<number | null>, after: string): LinePart {
  return { part: 'optional', name: field.name, before, after };
}

export type PrintedKind = Exclude<EventKind, 'unknown'>;

export type InfoOfKind<Kind extends EventKind> = Extract<EventInfo, { kind: Kind }>;

/** References to the fields of a decoded event (common to every version of its kind). */
export type FieldRefs<Info> = { readonly [Name in Exclude<keyof Info, 'kind'> & string]: FieldRef<Info[Name]> };

/**
 * How a kind of event prints: constant text, a template of its fields, or (for text no template
 * can say) a function of the decoded event, which is then never printed from bytes.
 */
export type LineSpec<Info> = string | ((fields: FieldRefs<Info>) => LineTemplate) | { readonly text: (info: Info) => string };

export type LineSpecs = { readonly [Kind in PrintedKind]: LineSpec<InfoOfKind<Kind>> };
