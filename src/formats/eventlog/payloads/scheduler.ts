// Thread, task and startup events. Layouts: ghc-events Binary.hs `standardParsers`;
// writers: rts/eventlog/EventLog.c (`postSchedEvent`, `postTaskCreateEvent`, `postThreadLabel`).
import { EventId } from '../format.js';
import { threadStopStatus } from './thread-stop-status.js';
import type { PayloadLayout } from './layout.js';

export const schedulerLayouts: PayloadLayout[] = [
  // STARTUP (deprecated since 7.x): u16 number of capabilities.
  { typeId: EventId.STARTUP, sizeBytes: 2, decode: (r) => ({ kind: 'startup', capCount: r.u16() }) },
  { typeId: EventId.CREATE_THREAD, sizeBytes: 4, decode: (r) => ({ kind: 'createThread', thread: r.u32() }) },
  { typeId: EventId.RUN_THREAD, sizeBytes: 4, decode: (r) => ({ kind: 'runThread', thread: r.u32() }) },
  { typeId: EventId.THREAD_RUNNABLE, sizeBytes: 4, decode: (r) => ({ kind: 'threadRunnable', thread: r.u32() }) },
  // STOP_THREAD was 6 bytes (thread, status) before GHC 7.6 and gained a u32 info field
  // (black-hole owner; stack size on overflow since 8.8).
  {
    typeId: EventId.STOP_THREAD,
    sizeBytes: 6,
    decode: (r, context) => ({ kind: 'stopThread', thread: r.u32(), status: threadStopStatus(r.u16(), 0, context) }),
  },
  {
    typeId: EventId.STOP_THREAD,
    sizeBytes: 10,
    decode: (r, context) => {
      const thread = r.u32();
      const code = r.u16();
      return { kind: 'stopThread', thread, status: threadStopStatus(code, r.u32(), context) };
    },
  },
  {
    typeId: EventId.MIGRATE_THREAD,
    sizeBytes: 6,
    decode: (r) => ({ kind: 'migrateThread', thread: r.u32(), newCap: r.u16() }),
  },
  {
    typeId: EventId.THREAD_WAKEUP,
    sizeBytes: 6,
    decode: (r) => ({ kind: 'wakeupThread', thread: r.u32(), otherCap: r.u16() }),
  },
  // THREAD_LABEL: u32 thread, then the label up to the payload's end (no NUL).
  {
    typeId: EventId.THREAD_LABEL,
    sizeBytes: null,
    decode: (r) => ({ kind: 'threadLabel', thread: r.u32(), label: r.textToEnd() }),
  },
  // Tasks are OS threads: u64 task id, u16 cap, u64 kernel thread id.
  {
    typeId: EventId.TASK_CREATE,
    sizeBytes: 18,
    decode: (r) => ({ kind: 'taskCreate', taskId: r.u64Big(), cap: r.u16(), kernelThreadId: r.u64Big() }),
  },
  {
    typeId: EventId.TASK_MIGRATE,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'taskMigrate', taskId: r.u64Big(), cap: r.u16(), newCap: r.u16() }),
  },
  { typeId: EventId.TASK_DELETE, sizeBytes: 8, decode: (r) => ({ kind: 'taskDelete', taskId: r.u64Big() }) },
];
