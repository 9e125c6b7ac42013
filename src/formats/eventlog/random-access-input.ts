// An input that can be read again at any offset: a file on disk, as opposed to a pipe or a gzip
// stream. Time order needs every event before it can print the first; from such an input the
// reader keeps only where the events are, and reads them again as it prints (read-eventlog.ts).
// Platform-neutral: the caller provides the reads (the CLI, from a file descriptor).

export interface RandomAccessInput {
  /**
   * Reads bytes of the input from `position` into `into`, as many as fit unless the input ends
   * first; returns how many were read.
   */
  readAt(into: Uint8Array, position: number): number;
}
