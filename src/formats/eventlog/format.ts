// Constants of GHC's binary eventlog format, as defined in `rts/include/rts/EventLogFormat.h`
// (GHC) and its copy `include/EventLogFormat.h` (ghc-events). All values are big-endian.

/** Four-byte section markers (u32, ASCII). */
export const HEADER_BEGIN = 0x68647262; // "hdrb"
export const HEADER_END = 0x68647265; // "hdre"
export const HET_BEGIN = 0x68657462; // "hetb": header event-type table begins
export const HET_END = 0x68657465; // "hete"
export const ET_BEGIN = 0x65746200; // "etb\0": one event-type declaration begins
export const ET_END = 0x65746500; // "ete\0"
export const DATA_BEGIN = 0x64617462; // "datb"
/** A u16 in the position of an event type: the end of the data section. */
export const DATA_END = 0xffff;

/** Whether bytes start with the eventlog magic, HEADER_BEGIN (what the format registry sniffs). */
export function startsWithEventlogMagic(head: Uint8Array): boolean {
  return head.length >= 4 && (((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0) === HEADER_BEGIN;
}

/** Declared size meaning "variable": the event carries a u16 payload length after its timestamp. */
export const VARIABLE_SIZE = 0xffff;

/** Every event starts with u16 type + u64 timestamp (ns since the RTS started). */
export const EVENT_HEADER_BYTES = 10;
/** Variable-size events add a u16 payload length. */
export const VARIABLE_EVENT_HEADER_BYTES = 12;

/** Capability number of the global (non-capability) event buffer (`EventCapNo` 0xFFFF). */
export const NO_CAPABILITY = 0xffff;

/**
 * A block marker's `size` counts from the first byte of the marker event itself,
 * which is 2 + 8 + 4 + 8 + 2 bytes long (`sz_block_event` in ghc-events' EventTypes.hs).
 */
export const BLOCK_MARKER_EVENT_BYTES = 24;

/** Event type ids (EventLogFormat.h). Ids are never reused across GHC versions. */
export const EventId = {
  CREATE_THREAD: 0,
  RUN_THREAD: 1,
  STOP_THREAD: 2,
  THREAD_RUNNABLE: 3,
  MIGRATE_THREAD: 4,
  THREAD_WAKEUP: 8,
  GC_START: 9,
  GC_END: 10,
  REQUEST_SEQ_GC: 11,
  REQUEST_PAR_GC: 12,
  CREATE_SPARK_THREAD: 15,
  LOG_MSG: 16,
  STARTUP: 17,
  BLOCK_MARKER: 18,
  USER_MSG: 19,
  GC_IDLE: 20,
  GC_WORK: 21,
  GC_DONE: 22,
  VERSION: 23, // Eden
  PROGRAM_INVOCATION: 24, // Eden
  CAPSET_CREATE: 25,
  CAPSET_DELETE: 26,
  CAPSET_ASSIGN_CAP: 27,
  CAPSET_REMOVE_CAP: 28,
  RTS_IDENTIFIER: 29,
  PROGRAM_ARGS: 30,
  PROGRAM_ENV: 31,
  OSPROCESS_PID: 32,
  OSPROCESS_PPID: 33,
  SPARK_COUNTERS: 34,
  SPARK_CREATE: 35,
  SPARK_DUD: 36,
  SPARK_OVERFLOW: 37,
  SPARK_RUN: 38,
  SPARK_STEAL: 39,
  SPARK_FIZZLE: 40,
  SPARK_GC: 41,
  INTERN_STRING: 42,
  WALL_CLOCK_TIME: 43,
  THREAD_LABEL: 44,
  CAP_CREATE: 45,
  CAP_DELETE: 46,
  CAP_DISABLE: 47,
  CAP_ENABLE: 48,
  HEAP_ALLOCATED: 49,
  HEAP_SIZE: 50,
  HEAP_LIVE: 51,
  HEAP_INFO_GHC: 52,
  GC_STATS_GHC: 53,
  GC_GLOBAL_SYNC: 54,
  TASK_CREATE: 55,
  TASK_MIGRATE: 56,
  TASK_DELETE: 57,
  USER_MARKER: 58,
  HACK_BUG_T9003: 59,
  // Eden's parallel RTS (60-69).
  EDEN_START_RECEIVE: 60,
  EDEN_END_RECEIVE: 61,
  CREATE_PROCESS: 62,
  KILL_PROCESS: 63,
  ASSIGN_THREAD_TO_PROCESS: 64,
  CREATE_MACHINE: 65,
  KILL_MACHINE: 66,
  SEND_MESSAGE: 67,
  RECEIVE_MESSAGE: 68,
  SEND_RECEIVE_LOCAL_MESSAGE: 69,
  MEM_RETURN: 90,
  BLOCKS_SIZE: 91,
  // Mercury (100-113).
  MER_START_PAR_CONJUNCTION: 100,
  MER_STOP_PAR_CONJUNCTION: 101,
  MER_STOP_PAR_CONJUNCT: 102,
  MER_CREATE_SPARK: 103,
  MER_FUT_CREATE: 104,
  MER_FUT_WAIT_NOSUSPEND: 105,
  MER_FUT_WAIT_SUSPENDED: 106,
  MER_FUT_SIGNAL: 107,
  MER_LOOKING_FOR_GLOBAL_CONTEXT: 108,
  MER_WORK_STEALING: 109,
  MER_RELEASE_CONTEXT: 110,
  MER_ENGINE_SLEEPING: 111,
  MER_LOOKING_FOR_LOCAL_SPARK: 112,
  MER_CALLING_MAIN: 113,
  // Linux perf events merged in by ghc-events' tools (140-142).
  PERF_NAME: 140,
  PERF_COUNTER: 141,
  PERF_TRACEPOINT: 142,
  HEAP_PROF_BEGIN: 160,
  HEAP_PROF_COST_CENTRE: 161,
  HEAP_PROF_SAMPLE_BEGIN: 162,
  HEAP_PROF_SAMPLE_COST_CENTRE: 163,
  HEAP_PROF_SAMPLE_STRING: 164,
  HEAP_PROF_SAMPLE_END: 165,
  HEAP_BIO_PROF_SAMPLE_BEGIN: 166,
  PROF_SAMPLE_COST_CENTRE: 167,
  PROF_BEGIN: 168,
  IPE: 169,
  USER_BINARY_MSG: 181,
  CONC_MARK_BEGIN: 200,
  CONC_MARK_END: 201,
  CONC_SYNC_BEGIN: 202,
  CONC_SYNC_END: 203,
  CONC_SWEEP_BEGIN: 204,
  CONC_SWEEP_END: 205,
  CONC_UPD_REM_SET_FLUSH: 206,
  NONMOVING_HEAP_CENSUS: 207,
  NONMOVING_PRUNED_SEGMENTS: 208,
  TICKY_COUNTER_DEF: 210,
  TICKY_COUNTER_SAMPLE: 211,
  TICKY_COUNTER_BEGIN_SAMPLE: 212,
} as const;
