// Whether text gets colour: `--color auto` (the default) only when it goes to a terminal and
// NO_COLOR (no-color.org) is unset and the terminal is not "dumb"; `always` even into a file or
// pipe (for `less -R`), `never` not at all. Never in JSON, CSV or Markdown (the renderers say).
import { Option } from 'commander';

export const COLOUR_WHEN = ['auto', 'always', 'never'] as const;
export type ColourWhen = (typeof COLOUR_WHEN)[number];

export function colourOption(): Option {
  return new Option('--color <when>', 'colour in text output: auto = on a terminal unless NO_COLOR is set').choices(COLOUR_WHEN).default('auto');
}

/** `outputPath`: the -o file, if any (`-` is stdout). */
export function wantsColour(when: ColourWhen, outputPath: string | undefined): boolean {
  if (when !== 'auto') return when === 'always';
  const toStdout = outputPath === undefined || outputPath === '-';
  const noColour = (process.env['NO_COLOR'] ?? '') !== '';
  return toStdout && process.stdout.isTTY === true && !noColour && process.env['TERM'] !== 'dumb';
}
