// What an output's name says it is: a command's kinds by file ending, so `-o x.png` is a
// usage error that names the endings the command writes, never text inside a `.png`.
import { UsageError } from './run-command.js';

/** Endings (with their dot, longest first where one ends another: `.speedscope.json` before `.json`) to kinds. */
export type OutputEndings<Kind extends string> = ReadonlyArray<readonly [ending: string, kind: Kind]>;

/** The pictures `compare --flamegraph` and `timeline -o` draw, by ending. */
export const PICTURE_ENDINGS: OutputEndings<'svg' | 'html'> = [
  ['.svg', 'svg'],
  ['.html', 'html'],
];

/**
 * The kind `path` names; null when it names none: stdout (`-` or no -o), or a name without an
 * ending (`/dev/null`, `report`), which gets the command's default. A usage error for an ending
 * the command does not write.
 */
export function outputKind<Kind extends string>(path: string | undefined, endings: OutputEndings<Kind>): Kind | null {
  if (path === undefined || path === '-') return null;
  const named = endingKind(path, endings);
  if (named !== null) return named;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  throw new UsageError(`-o ${path}: ${name.slice(dot)} is no output this command writes; end the name in ${endings.map(([ending]) => ending).join(', ')} (or give none)`);
}

/** The kind whose ending `path` has (in any case: `.SVG` is `.svg`), or null for none. */
export function endingKind<Kind extends string>(path: string, endings: OutputEndings<Kind>): Kind | null {
  const lower = path.toLowerCase();
  for (const [ending, kind] of endings) if (lower.endsWith(ending)) return kind;
  return null;
}
