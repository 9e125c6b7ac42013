// The `ghc-events show` text of decoded events (ghc-events Events.hs `buildEventType`,
// `buildEvent RawTime`, `buildEventInfo`): each kind's line (lines/) filled in from the event.
// This is the definition of the text; the printer prints the common events from their bytes
// instead (byte-lines.ts), and printer.test.ts holds the two to the same output.
import type { EventInfo, EventlogEvent, EventlogHeader, EventTypeDeclaration, ThreadStopStatus } from '../../formats/eventlog/index.js';
import type { LinePart, PrintedKind } from './line-template.js';
import { formatThreadStopStatus } from './stop-status-text.js';
import { resolvedLine } from './templates.js';

/** `<id>: <description> (size <n>|variable)` (`buildEventType`). */
export function formatEventType(declaration: EventTypeDeclaration): string {
  const size = declaration.sizeBytes === null ? 'variable' : String(declaration.sizeBytes);
  return `${declaration.id}: ${declaration.description} (size ${size})`;
}

/** One event line without its newline (`buildEvent RawTime`), from a decoded event. */
export function formatEvent(event: EventlogEvent, header: EventlogHeader): string {
  const cap = event.cap === null ? '' : `cap ${event.cap}: `;
  return `${event.timeNs}: ${cap}${describeEvent(event.info, event.typeId, header)}`;
}

/** An event type the decoder has no layout for is shown by its declared description. */
export function describeEvent(info: EventInfo, typeId: number, header: EventlogHeader): string {
  return info.kind === 'unknown' ? (header.byId.get(typeId)?.description ?? '') : formatEventInfo(info);
}

type Render = (info: EventInfo) => string;

const renderers = new Map<PrintedKind, Render>();

/** The description part of an event line (`buildEventInfo`). */
function formatEventInfo(info: EventInfo): string {
  if (info.kind === 'unknown') return `Unknown event type ${info.typeId}`;
  let render = renderers.get(info.kind);
  if (render === undefined) renderers.set(info.kind, (render = rendererOf(info.kind)));
  return render(info);
}

function rendererOf(kind: PrintedKind): Render {
  const line = resolvedLine(kind);
  if (typeof line === 'function') return line;
  const { literals, parts } = line;
  return (info) => {
    const fields = info as unknown as Record<string, unknown>;
    let text = literals[0]!;
    for (let i = 0; i < parts.length; i++) text += partText(parts[i]!, fields) + literals[i + 1]!;
    return text;
  };
}

function partText(part: LinePart, fields: Record<string, unknown>): string {
  const value = fields[part.name];
  switch (part.part) {
    case 'field':
      return String(value);
    case 'show':
      return part.show(value as never);
    case 'list':
      return (value as readonly number[]).join(', ');
    case 'stopStatus':
      return formatThreadStopStatus(value as ThreadStopStatus);
    case 'optional':
      return value === null ? '' : `${part.before}${value as number}${part.after}`;
  }
}
