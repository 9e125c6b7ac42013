// Capabilities, capability sets and what the RTS says about its process. Layouts: ghc-events
// Binary.hs `standardParsers`; writers: rts/eventlog/EventLog.c (`postCapEvent`,
// `postCapsetEvent`, `postCapsetStrEvent`, `postCapsetVecEvent`, `postWallClockTime`).
import { EventId } from '../format.js';
import type { CapsetType } from '../event-info.js';
import type { PayloadReader } from '../payload-reader.js';
import type { PayloadLayout } from './layout.js';

const CAPSET_TYPES: Record<number, CapsetType> = { 1: 'CapsetCustom', 2: 'CapsetOsProcess', 3: 'CapsetClockDomain' };

/**
 * PROGRAM_ARGS / PROGRAM_ENV: the strings each end in a NUL; trailing NULs are dropped before
 * splitting, as ghc-events does (`T.splitOn "\0" . T.dropWhileEnd (== '\0')`).
 */
function nulSeparatedStrings(r: PayloadReader): string[] {
  return r.textToEnd().replace(/\0+$/, '').split('\0');
}

export const capabilityLayouts: PayloadLayout[] = [
  { typeId: EventId.CAP_CREATE, sizeBytes: 2, decode: (r) => ({ kind: 'capCreate', cap: r.u16() }) },
  { typeId: EventId.CAP_DELETE, sizeBytes: 2, decode: (r) => ({ kind: 'capDelete', cap: r.u16() }) },
  { typeId: EventId.CAP_DISABLE, sizeBytes: 2, decode: (r) => ({ kind: 'capDisable', cap: r.u16() }) },
  { typeId: EventId.CAP_ENABLE, sizeBytes: 2, decode: (r) => ({ kind: 'capEnable', cap: r.u16() }) },
  {
    typeId: EventId.CAPSET_CREATE,
    sizeBytes: 6,
    decode: (r) => ({ kind: 'capsetCreate', capset: r.u32(), capsetType: CAPSET_TYPES[r.u16()] ?? 'CapsetUnknown' }),
  },
  { typeId: EventId.CAPSET_DELETE, sizeBytes: 4, decode: (r) => ({ kind: 'capsetDelete', capset: r.u32() }) },
  {
    typeId: EventId.CAPSET_ASSIGN_CAP,
    sizeBytes: 6,
    decode: (r) => ({ kind: 'capsetAssignCap', capset: r.u32(), cap: r.u16() }),
  },
  {
    typeId: EventId.CAPSET_REMOVE_CAP,
    sizeBytes: 6,
    decode: (r) => ({ kind: 'capsetRemoveCap', capset: r.u32(), cap: r.u16() }),
  },
  // RTS_IDENTIFIER: u32 capset, then "GHC-<version> rts_<way>" up to the payload's end (no NUL).
  {
    typeId: EventId.RTS_IDENTIFIER,
    sizeBytes: null,
    decode: (r) => ({ kind: 'rtsIdentifier', capset: r.u32(), identifier: r.textToEnd() }),
  },
  {
    typeId: EventId.PROGRAM_ARGS,
    sizeBytes: null,
    decode: (r) => ({ kind: 'programArgs', capset: r.u32(), args: nulSeparatedStrings(r) }),
  },
  {
    typeId: EventId.PROGRAM_ENV,
    sizeBytes: null,
    decode: (r) => ({ kind: 'programEnv', capset: r.u32(), env: nulSeparatedStrings(r) }),
  },
  {
    typeId: EventId.OSPROCESS_PID,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'osProcessPid', capset: r.u32(), pid: r.u32() }),
  },
  {
    typeId: EventId.OSPROCESS_PPID,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'osProcessParentPid', capset: r.u32(), parentPid: r.u32() }),
  },
  // WALL_CLOCK_TIME: u32 capset, u64 seconds since the Unix epoch, u32 nanoseconds; the event's
  // own timestamp was taken at the same moment, which anchors elapsed time to wall time.
  {
    typeId: EventId.WALL_CLOCK_TIME,
    sizeBytes: 16,
    decode: (r) => ({ kind: 'wallClockTime', capset: r.u32(), seconds: r.u64(), nanoseconds: r.u32() }),
  },
];
