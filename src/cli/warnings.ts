// Warnings go to stderr, always, whatever the format and wherever the output goes: a warning
// inside the report was lost with `-o file` or a pipe. One prefix, the location, and the text
// made visible (names in messages are program text: render/program-text.ts).
import { formatWarning, type InputWarning } from '../model/diagnostic.js';
import { visibleText } from '../render/program-text.js';

/** Writes each warning on a line of its own to stderr: located ones, or texts already formatted. */
export function printWarnings(warnings: ReadonlyArray<InputWarning | string>): void {
  for (const warning of warnings) process.stderr.write(`ghcprof: warning: ${visibleText(typeof warning === 'string' ? warning : formatWarning(warning))}\n`);
}
