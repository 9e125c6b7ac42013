// Event types GHC never writes but ghc-events reads: Eden's parallel RTS (23-24, 60-69),
// Mercury's parallel runtime (100-113) and Linux perf events merged into a log (140-142).
// Ids: EventLogFormat.h; layouts: ghc-events Binary.hs `parRTSParsers`, `mercuryParsers`,
// `perfParsers`.
import { EventId } from '../format.js';
import { latin1ToEnd, u16, u32, u64, u64Id, u8, utf8ToEnd } from './codecs.js';
import { layout } from './layout.js';

const edenLayouts = [
  layout(EventId.VERSION, 'version', { version: latin1ToEnd }),
  layout(EventId.PROGRAM_INVOCATION, 'programInvocation', { commandLine: latin1ToEnd }),
  layout(EventId.EDEN_START_RECEIVE, 'edenStartReceive', {}),
  layout(EventId.EDEN_END_RECEIVE, 'edenEndReceive', {}),
  layout(EventId.CREATE_PROCESS, 'createProcess', { process: u32 }),
  layout(EventId.KILL_PROCESS, 'killProcess', { process: u32 }),
  layout(EventId.ASSIGN_THREAD_TO_PROCESS, 'assignThreadToProcess', { thread: u32, process: u32 }),
  // The start time is in 10^-8 seconds.
  layout(EventId.CREATE_MACHINE, 'createMachine', { machine: u16, realTime: u64 }),
  layout(EventId.KILL_MACHINE, 'killMachine', { machine: u16 }),
  layout(EventId.SEND_MESSAGE, 'sendMessage', {
    tag: u8,
    senderProcess: u32,
    senderThread: u32,
    receiverMachine: u16,
    receiverProcess: u32,
    receiverInport: u32,
  }),
  layout(EventId.RECEIVE_MESSAGE, 'receiveMessage', {
    tag: u8,
    receiverProcess: u32,
    receiverInport: u32,
    senderMachine: u16,
    senderProcess: u32,
    senderThread: u32,
    messageSizeBytes: u32,
  }),
  layout(EventId.SEND_RECEIVE_LOCAL_MESSAGE, 'sendReceiveLocalMessage', {
    tag: u8,
    senderProcess: u32,
    senderThread: u32,
    receiverProcess: u32,
    receiverInport: u32,
  }),
];

const mercuryLayouts = [
  layout(EventId.MER_START_PAR_CONJUNCTION, 'merStartParConjunction', { dynamicId: u64Id, staticId: u32 }),
  layout(EventId.MER_STOP_PAR_CONJUNCTION, 'merEndParConjunction', { dynamicId: u64Id }),
  layout(EventId.MER_STOP_PAR_CONJUNCT, 'merEndParConjunct', { dynamicId: u64Id }),
  layout(EventId.MER_CREATE_SPARK, 'merCreateSpark', { dynamicId: u64Id, sparkId: u32 }),
  layout(EventId.MER_FUT_CREATE, 'merFutureCreate', { futureId: u64Id, nameId: u32 }),
  layout(EventId.MER_FUT_WAIT_NOSUSPEND, 'merFutureWaitNosuspend', { futureId: u64Id }),
  layout(EventId.MER_FUT_WAIT_SUSPENDED, 'merFutureWaitSuspended', { futureId: u64Id }),
  layout(EventId.MER_FUT_SIGNAL, 'merFutureSignal', { futureId: u64Id }),
  layout(EventId.MER_LOOKING_FOR_GLOBAL_CONTEXT, 'merLookingForGlobalThread', {}),
  layout(EventId.MER_WORK_STEALING, 'merWorkStealing', {}),
  layout(EventId.MER_LOOKING_FOR_LOCAL_SPARK, 'merLookingForLocalSpark', {}),
  layout(EventId.MER_RELEASE_CONTEXT, 'merReleaseThread', { thread: u32 }),
  layout(EventId.MER_ENGINE_SLEEPING, 'merCapSleeping', {}),
  layout(EventId.MER_CALLING_MAIN, 'merCallingMain', {}),
];

const perfLayouts = [
  layout(EventId.PERF_NAME, 'perfName', { perfNum: u32, name: utf8ToEnd }),
  layout(EventId.PERF_COUNTER, 'perfCounter', { perfNum: u32, kernelThreadId: u64Id, period: u64Id }),
  layout(EventId.PERF_TRACEPOINT, 'perfTracepoint', { perfNum: u32, kernelThreadId: u64Id }),
];

export const otherRuntimeLayouts = [...edenLayouts, ...mercuryLayouts, ...perfLayouts];
