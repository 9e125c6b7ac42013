// Sniffs what kind of GHC output some bytes are: by content, never by file name
// (`-p` and `-pj` both write `<prog>.prof`; docs/formats.md §1.1). The formats and the
// order they are tried in are the registry's (index.ts).
import { formatOf, type InputKind } from './index.js';

export type { InputKind } from './index.js';

export function detectInputKind(head: Uint8Array): InputKind {
  return formatOf(head)?.kind ?? 'unknown';
}
