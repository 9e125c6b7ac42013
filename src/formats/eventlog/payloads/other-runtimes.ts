// Event types GHC never writes but ghc-events reads: Eden's parallel RTS (23-24, 60-69),
// Mercury's parallel runtime (100-113) and Linux perf events merged into a log (140-142).
// Ids: EventLogFormat.h; layouts: ghc-events Binary.hs `parRTSParsers`, `mercuryParsers`,
// `perfParsers`.
import { EventId } from '../format.js';
import { payloadless, type PayloadLayout } from './layout.js';

const edenLayouts: PayloadLayout[] = [
  { typeId: EventId.VERSION, sizeBytes: null, decode: (r) => ({ kind: 'version', version: r.latin1(r.remainingBytes) }) },
  {
    typeId: EventId.PROGRAM_INVOCATION,
    sizeBytes: null,
    decode: (r) => ({ kind: 'programInvocation', commandLine: r.latin1(r.remainingBytes) }),
  },
  payloadless(EventId.EDEN_START_RECEIVE, { kind: 'edenStartReceive' }),
  payloadless(EventId.EDEN_END_RECEIVE, { kind: 'edenEndReceive' }),
  { typeId: EventId.CREATE_PROCESS, sizeBytes: 4, decode: (r) => ({ kind: 'createProcess', process: r.u32() }) },
  { typeId: EventId.KILL_PROCESS, sizeBytes: 4, decode: (r) => ({ kind: 'killProcess', process: r.u32() }) },
  {
    typeId: EventId.ASSIGN_THREAD_TO_PROCESS,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'assignThreadToProcess', thread: r.u32(), process: r.u32() }),
  },
  // u16 machine, u64 start time in 10^-8 seconds.
  {
    typeId: EventId.CREATE_MACHINE,
    sizeBytes: 10,
    decode: (r) => ({ kind: 'createMachine', machine: r.u16(), realTime: r.u64() }),
  },
  { typeId: EventId.KILL_MACHINE, sizeBytes: 2, decode: (r) => ({ kind: 'killMachine', machine: r.u16() }) },
  // u8 message tag, u32 sender process, u32 sender thread, u16 receiver machine,
  // u32 receiver process, u32 receiver inport.
  {
    typeId: EventId.SEND_MESSAGE,
    sizeBytes: 19,
    decode: (r) => ({
      kind: 'sendMessage',
      tag: r.u8(),
      senderProcess: r.u32(),
      senderThread: r.u32(),
      receiverMachine: r.u16(),
      receiverProcess: r.u32(),
      receiverInport: r.u32(),
    }),
  },
  // u8 tag, u32 receiver process, u32 receiver inport, u16 sender machine, u32 sender process,
  // u32 sender thread, u32 message size.
  {
    typeId: EventId.RECEIVE_MESSAGE,
    sizeBytes: 23,
    decode: (r) => ({
      kind: 'receiveMessage',
      tag: r.u8(),
      receiverProcess: r.u32(),
      receiverInport: r.u32(),
      senderMachine: r.u16(),
      senderProcess: r.u32(),
      senderThread: r.u32(),
      messageSizeBytes: r.u32(),
    }),
  },
  {
    typeId: EventId.SEND_RECEIVE_LOCAL_MESSAGE,
    sizeBytes: 17,
    decode: (r) => ({
      kind: 'sendReceiveLocalMessage',
      tag: r.u8(),
      senderProcess: r.u32(),
      senderThread: r.u32(),
      receiverProcess: r.u32(),
      receiverInport: r.u32(),
    }),
  },
];

const mercuryLayouts: PayloadLayout[] = [
  {
    typeId: EventId.MER_START_PAR_CONJUNCTION,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'merStartParConjunction', dynamicId: r.u64Big(), staticId: r.u32() }),
  },
  {
    typeId: EventId.MER_STOP_PAR_CONJUNCTION,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'merEndParConjunction', dynamicId: r.u64Big() }),
  },
  {
    typeId: EventId.MER_STOP_PAR_CONJUNCT,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'merEndParConjunct', dynamicId: r.u64Big() }),
  },
  {
    typeId: EventId.MER_CREATE_SPARK,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'merCreateSpark', dynamicId: r.u64Big(), sparkId: r.u32() }),
  },
  {
    typeId: EventId.MER_FUT_CREATE,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'merFutureCreate', futureId: r.u64Big(), nameId: r.u32() }),
  },
  {
    typeId: EventId.MER_FUT_WAIT_NOSUSPEND,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'merFutureWaitNosuspend', futureId: r.u64Big() }),
  },
  {
    typeId: EventId.MER_FUT_WAIT_SUSPENDED,
    sizeBytes: 8,
    decode: (r) => ({ kind: 'merFutureWaitSuspended', futureId: r.u64Big() }),
  },
  { typeId: EventId.MER_FUT_SIGNAL, sizeBytes: 8, decode: (r) => ({ kind: 'merFutureSignal', futureId: r.u64Big() }) },
  payloadless(EventId.MER_LOOKING_FOR_GLOBAL_CONTEXT, { kind: 'merLookingForGlobalThread' }),
  payloadless(EventId.MER_WORK_STEALING, { kind: 'merWorkStealing' }),
  payloadless(EventId.MER_LOOKING_FOR_LOCAL_SPARK, { kind: 'merLookingForLocalSpark' }),
  { typeId: EventId.MER_RELEASE_CONTEXT, sizeBytes: 4, decode: (r) => ({ kind: 'merReleaseThread', thread: r.u32() }) },
  payloadless(EventId.MER_ENGINE_SLEEPING, { kind: 'merCapSleeping' }),
  payloadless(EventId.MER_CALLING_MAIN, { kind: 'merCallingMain' }),
];

const perfLayouts: PayloadLayout[] = [
  // u32 perf event number, then its name up to the payload's end.
  {
    typeId: EventId.PERF_NAME,
    sizeBytes: null,
    decode: (r) => ({ kind: 'perfName', perfNum: r.u32(), name: r.textToEnd() }),
  },
  // u32 perf event number, u64 kernel thread id, u64 period.
  {
    typeId: EventId.PERF_COUNTER,
    sizeBytes: 20,
    decode: (r) => ({ kind: 'perfCounter', perfNum: r.u32(), kernelThreadId: r.u64Big(), period: r.u64Big() }),
  },
  {
    typeId: EventId.PERF_TRACEPOINT,
    sizeBytes: 12,
    decode: (r) => ({ kind: 'perfTracepoint', perfNum: r.u32(), kernelThreadId: r.u64Big() }),
  },
];

export const otherRuntimeLayouts: PayloadLayout[] = [...edenLayouts, ...mercuryLayouts, ...perfLayouts];
