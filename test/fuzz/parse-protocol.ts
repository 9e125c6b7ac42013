// The messages between the fuzzer and its parse worker (parse-worker.ts): plain data, since
// an Error's class does not survive postMessage (the worker tells an InputError apart).
import type { ParserTarget } from './targets.js';

export interface ParseRequest {
  id: number;
  target: ParserTarget;
  bytes: Uint8Array;
  source: string;
  /** Picks among a target's options (output format, event order), from the case's random numbers. */
  variant: number;
}

export type ParseOutcome =
  | { kind: 'ok'; warnings: string[]; empty: boolean }
  | { kind: 'input-error'; phase: Phase; message: string; line: number | null; byteOffset: number | null; source: string }
  | { kind: 'exception'; phase: Phase; name: string; message: string; stack: string };

/** Reading the input, or rendering what was read (a renderer's failure is the CLI's exit 3 too). */
export type Phase = 'parse' | 'render';

export interface ParseResponse {
  id: number;
  outcome: ParseOutcome;
  elapsedMs: number;
}

/** What the worker posts once the library is loaded: the watchdog's clock starts after it. */
export const READY = 'ready';
