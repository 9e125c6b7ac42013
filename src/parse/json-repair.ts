// Lenient repairs for JSON profiles GHC wrote badly.
//
// 1. GHC's JSON writer printed `module` and `program` raw and, in older versions, labels
//    with only `\` escaped (formats-reference.md §2.3), so a name with `"` or a Windows
//    path in `src_loc` makes the file invalid JSON. The writer's layout is fixed, so each
//    cost-centre record can be re-read field by field between its known keys.
// 2. A file cut short (program killed while writing) is closed after the last complete
//    node, so the tree read so far survives.

const COST_CENTRE_RECORD =
  /\{"id": (\d+), "label": "(.*?)", "module": "(.*?)", "src_loc": "(.*?)", "is_caf": (true|false)\}/g;

/** A JSON string literal for `raw`: already-valid escapes are kept, anything else is escaped. */
function reescape(raw: string): string {
  try {
    const decoded: unknown = JSON.parse(`"${raw}"`);
    if (typeof decoded === 'string') return JSON.stringify(decoded);
  } catch {
    // not valid as written: the writer printed it raw
  }
  return JSON.stringify(raw);
}

export function reescapeCostCentres(text: string): string {
  return text
    .replace(
      COST_CENTRE_RECORD,
      (_whole, id: string, label: string, module: string, src: string, isCaf: string) =>
        `{"id": ${id}, "label": ${reescape(label)}, "module": ${reescape(module)}, "src_loc": ${reescape(src)}, "is_caf": ${isCaf}}`,
    )
    .replace(/^"program": "(.*)",\s*$/m, (_whole, program: string) => `"program": ${reescape(program)},`);
}

/**
 * Cuts `text` after the last complete object and closes every container still open.
 * Returns null when nothing complete was found.
 */
export function closeTruncatedJson(text: string): string | null {
  const open: string[] = [];
  let inString = false;
  let lastCut = -1;
  let openAtCut: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') open.push(char);
    else if (char === '}' || char === ']') {
      open.pop();
      if (char === '}' && open.length > 0) {
        lastCut = i + 1;
        openAtCut = open.slice();
      }
    }
  }
  if (lastCut < 0) return null;
  let closing = '';
  for (let k = openAtCut.length - 1; k >= 0; k--) closing += openAtCut[k] === '{' ? '}' : ']';
  return text.slice(0, lastCut) + closing;
}
