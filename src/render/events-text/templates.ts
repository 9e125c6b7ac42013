// The line of each event kind (lines/), resolved once against the layout tables: a template
// whose field references name the kind's fields, or a function of the decoded event.
import { ALL_LAYOUTS, type EventInfo, type PayloadLayout } from '../../formats/eventlog/index.js';
import type { FieldRef, LineSpec, LineTemplate, PrintedKind } from './line-template.js';
import { LINES } from './lines/index.js';

export type ResolvedLine = LineTemplate | ((info: EventInfo) => string);

type Refs = Record<string, FieldRef<unknown>>;

/** References to the fields of every layout of a kind. */
const refsByKind = new Map<string, Refs>();
for (const layout of ALL_LAYOUTS as readonly PayloadLayout[]) {
  let refs = refsByKind.get(layout.kind);
  if (refs === undefined) refsByKind.set(layout.kind, (refs = {}));
  for (const field of layout.fields) refs[field.name] = { part: 'field', name: field.name };
}

/** A spec with its kind's types erased. */
type ErasedSpec = string | ((fields: Refs) => LineTemplate) | { readonly text: (info: EventInfo) => string };

function resolve(kind: string, spec: ErasedSpec): ResolvedLine {
  if (typeof spec === 'string') return { literals: [spec], parts: [] };
  if (typeof spec === 'function') return spec(refsByKind.get(kind) ?? {});
  return spec.text;
}

const RESOLVED = new Map<string, ResolvedLine>();
for (const [kind, spec] of Object.entries(LINES) as [PrintedKind, LineSpec<never>][]) {
  RESOLVED.set(kind, resolve(kind, spec as unknown as ErasedSpec));
}

export function resolvedLine(kind: PrintedKind): ResolvedLine {
  return RESOLVED.get(kind)!;
}
