// Problems found in an input, as values that carry where they happened.
// Parsers throw `InputError` (fatal) or collect `InputWarning`s (recoverable);
// only the CLI turns them into text and exit codes.

/** Where in an input something was found. `line` is 1-based; `byteOffset` is 0-based. */
export interface SourceLocation {
  source: string;
  line?: number;
  byteOffset?: number;
}

export interface InputWarning {
  location: SourceLocation;
  message: string;
}

export function formatLocation(location: SourceLocation): string {
  if (location.line !== undefined) return `${location.source}:${location.line}`;
  if (location.byteOffset !== undefined) return `${location.source}: byte ${location.byteOffset}`;
  return location.source;
}

/** A fatal problem with an input: the file cannot be read as what it claims to be. */
export class InputError extends Error {
  constructor(
    readonly location: SourceLocation,
    readonly detail: string,
  ) {
    super(`${formatLocation(location)}: ${detail}`);
    this.name = 'InputError';
  }
}

export function formatWarning(warning: InputWarning): string {
  return `${formatLocation(warning.location)}: ${warning.message}`;
}
