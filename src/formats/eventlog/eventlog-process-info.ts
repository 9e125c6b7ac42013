// Run facts from eventlog events, read the same way by every eventlog consumer.

/** The program's name from PROGRAM_ARGS: argv[0] without its directory. */
export function programName(args: readonly string[]): string | null {
  return args[0]?.split('/').pop() ?? null;
}

/**
 * WALL_CLOCK_TIME (seconds and nanoseconds since the Unix epoch) as ISO 8601, or null for a time
 * no calendar date has: the fields are u64, and a damaged log can hold any value there.
 */
export function wallClockIso(seconds: number, nanoseconds: number): string | null {
  const date = new Date(seconds * 1000 + nanoseconds / 1e6);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The warning for a WALL_CLOCK_TIME event whose time `wallClockIso` could not place. */
export function impossibleWallClock(seconds: number): string {
  return `the wall-clock time event holds ${seconds} s since 1970, which is no date: the start time is left unknown`;
}
