// Threads, tasks and startup (ghc-events Events.hs `buildEventInfo`).
import { hex, line, stopStatus, type LineSpecs } from '../line-template.js';

export const schedulerLines = {
  startup: (f) => line`startup: ${f.capCount} capabilities`,
  createThread: (f) => line`creating thread ${f.thread}`,
  runThread: (f) => line`running thread ${f.thread}`,
  stopThread: (f) => line`stopping thread ${f.thread} (${stopStatus(f.status)})`,
  threadRunnable: (f) => line`thread ${f.thread} is runnable`,
  migrateThread: (f) => line`migrating thread ${f.thread} to cap ${f.newCap}`,
  wakeupThread: (f) => line`waking up thread ${f.thread} on cap ${f.otherCap}`,
  threadLabel: (f) => line`thread ${f.thread} has label "${f.label}"`,
  taskCreate: (f) => line`task 0x${hex(f.taskId)} created on cap ${f.cap} with OS kernel thread ${f.kernelThreadId}`,
  taskMigrate: (f) => line`task 0x${hex(f.taskId)} migrated from cap ${f.cap} to cap ${f.newCap}`,
  taskDelete: (f) => line`task 0x${hex(f.taskId)} deleted`,
} satisfies Partial<LineSpecs>;
