// Capabilities, capability sets and what the RTS says about its process. Layouts: ghc-events
// Binary.hs `standardParsers`; writers: rts/eventlog/EventLog.c (`postCapEvent`,
// `postCapsetEvent`, `postCapsetStrEvent`, `postCapsetVecEvent`, `postWallClockTime`).
import { EventId } from '../format.js';
import { capsetType, u16, u32, u64, utf8ListToEnd, utf8ToEnd } from './codecs.js';
import { layout } from './layout.js';

export const capabilityLayouts = [
  layout(EventId.CAP_CREATE, 'capCreate', { cap: u16 }),
  layout(EventId.CAP_DELETE, 'capDelete', { cap: u16 }),
  layout(EventId.CAP_DISABLE, 'capDisable', { cap: u16 }),
  layout(EventId.CAP_ENABLE, 'capEnable', { cap: u16 }),
  layout(EventId.CAPSET_CREATE, 'capsetCreate', { capset: u32, capsetType }),
  layout(EventId.CAPSET_DELETE, 'capsetDelete', { capset: u32 }),
  layout(EventId.CAPSET_ASSIGN_CAP, 'capsetAssignCap', { capset: u32, cap: u16 }),
  layout(EventId.CAPSET_REMOVE_CAP, 'capsetRemoveCap', { capset: u32, cap: u16 }),
  // "GHC-<version> rts_<way>" up to the payload's end (no NUL).
  layout(EventId.RTS_IDENTIFIER, 'rtsIdentifier', { capset: u32, identifier: utf8ToEnd }),
  // The strings each end in a NUL.
  layout(EventId.PROGRAM_ARGS, 'programArgs', { capset: u32, args: utf8ListToEnd }),
  layout(EventId.PROGRAM_ENV, 'programEnv', { capset: u32, env: utf8ListToEnd }),
  layout(EventId.OSPROCESS_PID, 'osProcessPid', { capset: u32, pid: u32 }),
  layout(EventId.OSPROCESS_PPID, 'osProcessParentPid', { capset: u32, parentPid: u32 }),
  // Seconds since the Unix epoch and nanoseconds; the event's own timestamp was taken at the same
  // moment, which anchors elapsed time to wall time.
  layout(EventId.WALL_CLOCK_TIME, 'wallClockTime', { capset: u32, seconds: u64, nanoseconds: u32 }),
];
