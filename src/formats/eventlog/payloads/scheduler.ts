// Thread, task and startup events. Layouts: ghc-events Binary.hs `standardParsers`;
// writers: rts/eventlog/EventLog.c (`postSchedEvent`, `postTaskCreateEvent`, `postThreadLabel`).
import { EventId } from '../format.js';
import { stopStatus, stopStatusWithInfo, u16, u32, u64Id, utf8ToEnd } from './codecs.js';
import { layout } from './layout.js';

export const schedulerLayouts = [
  // Deprecated since 7.x.
  layout(EventId.STARTUP, 'startup', { capCount: u16 }),
  layout(EventId.CREATE_THREAD, 'createThread', { thread: u32 }),
  layout(EventId.RUN_THREAD, 'runThread', { thread: u32 }),
  layout(EventId.THREAD_RUNNABLE, 'threadRunnable', { thread: u32 }),
  // STOP_THREAD was 6 bytes before GHC 7.6, which added the u32 info field (black-hole owner;
  // stack size on overflow since 8.8).
  layout(EventId.STOP_THREAD, 'stopThread', { thread: u32, status: stopStatus }),
  layout(EventId.STOP_THREAD, 'stopThread', { thread: u32, status: stopStatusWithInfo }),
  layout(EventId.MIGRATE_THREAD, 'migrateThread', { thread: u32, newCap: u16 }),
  layout(EventId.THREAD_WAKEUP, 'wakeupThread', { thread: u32, otherCap: u16 }),
  // The label runs to the payload's end (no NUL).
  layout(EventId.THREAD_LABEL, 'threadLabel', { thread: u32, label: utf8ToEnd }),
  // Tasks are OS threads.
  layout(EventId.TASK_CREATE, 'taskCreate', { taskId: u64Id, cap: u16, kernelThreadId: u64Id }),
  layout(EventId.TASK_MIGRATE, 'taskMigrate', { taskId: u64Id, cap: u16, newCap: u16 }),
  layout(EventId.TASK_DELETE, 'taskDelete', { taskId: u64Id }),
];
