// Run facts from eventlog events, read the same way by every eventlog consumer.

/** The program's name from PROGRAM_ARGS: argv[0] without its directory. */
export function programName(args: readonly string[]): string | null {
  return args[0]?.split('/').pop() ?? null;
}

/** WALL_CLOCK_TIME (seconds and nanoseconds since the Unix epoch) as ISO 8601. */
export function wallClockIso(seconds: number, nanoseconds: number): string {
  return new Date(seconds * 1000 + nanoseconds / 1e6).toISOString();
}
