// What one eventlog event says, decoded: one variant per event type ghc-events 0.21 understands
// (constructors of `EventInfo` in ghc-events' EventTypes.hs), named in the RTS's own terms. The
// variants are the layout tables' (payloads/*.ts); this file adds the values some fields decode to.
//
// Numbers: u64 quantities (bytes, counts, nanoseconds) are Numbers, exact below 2^53; u64 values
// that are pointers or identifiers (task ids, info-table addresses, ticky counter ids) are bigints.
import type { ALL_LAYOUTS } from './payloads/all-layouts.js';
import type { LayoutInfo } from './payloads/layout.js';

export interface EventlogEvent {
  /** Nanoseconds since the RTS started (the event's u64 timestamp). */
  timeNs: number;
  /**
   * Capability whose buffer held the event (from the enclosing block marker), or null for the
   * global buffer and for events after a block's end (ghc-events Incremental.hs `decodeEvents`).
   */
  cap: number | null;
  typeId: number;
  /** Offset in the input of the event's first byte (its type field). */
  byteOffset: number;
  info: EventInfo;
}

/**
 * What an event says: one variant per payload layout (payloads/*.ts), whose tables define the
 * fields and their types, and `unknown` for a declared type without a fitting layout.
 */
export type EventInfo = LayoutInfo<(typeof ALL_LAYOUTS)[number]> | { kind: 'unknown'; typeId: number };

export type EventKind = EventInfo['kind'];

/**
 * Why a thread stopped, decoded from STOP_THREAD's u16 status and u32 info field.
 * `info` is the stack size for `stackOverflow` (GHC 8.8+) and the owning thread for
 * `blockedOnBlackHole`; 0 otherwise.
 */
export interface ThreadStopStatus {
  reason: ThreadStopReason;
  info: number;
}

export type ThreadStopReason =
  | 'noStatus'
  | 'heapOverflow'
  | 'stackOverflow'
  | 'threadYielding'
  | 'threadBlocked'
  | 'threadFinished'
  | 'foreignCall'
  | 'blockedOnMVar'
  | 'blockedOnMVarRead'
  | 'blockedOnBlackHole'
  | 'blockedOnRead'
  | 'blockedOnWrite'
  | 'blockedOnDelay'
  | 'blockedOnSTM'
  | 'blockedOnDoProc'
  | 'blockedOnCCall'
  | 'blockedOnMsgThrowTo'
  | 'threadMigrating';

/** CAPSET_CREATE's type field: 1 custom, 2 OS process, 3 clock domain (EventLogFormat.h `CAPSET_TYPE_*`). */
export type CapsetType = 'CapsetCustom' | 'CapsetOsProcess' | 'CapsetClockDomain' | 'CapsetUnknown';

/** HEAP_PROF_BEGIN's breakdown (the `-h` flag), EventLogFormat.h `HEAP_PROF_BREAKDOWN_*`. */
export type HeapProfBreakdown =
  | 'costCentre'
  | 'module'
  | 'closureDescr'
  | 'typeDescr'
  | 'retainer'
  | 'biography'
  | 'closureType'
  | 'infoTable'
  | 'era';
