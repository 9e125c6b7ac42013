// Eden, Mercury and Linux perf events (ghc-events Events.hs `buildEventInfo`).
import { hex, line, via, type LineSpecs } from '../line-template.js';

/** Eden's message tags (ghc-events EventTypes.hs `MessageTag`, encoded from 0x50). */
const EDEN_MESSAGE_TAGS = ['Ready', 'NewPE', 'PETIDS', 'Finish', 'FailPE', 'RFork', 'Connect', 'DataMes', 'Head', 'Constr', 'Part', 'Terminate', 'Packet'];

function edenTag(tag: number): string {
  return EDEN_MESSAGE_TAGS[tag - 0x50] ?? `MessageTag ${tag}`;
}

export const otherRuntimeLines = {
  version: (f) => line`compiler version is ${f.version}`,
  programInvocation: (f) => line`program invocation: ${f.commandLine}`,
  edenStartReceive: 'starting to receive',
  edenEndReceive: 'stop receiving',
  createProcess: (f) => line`creating process ${f.process}`,
  killProcess: (f) => line`killing process ${f.process}`,
  assignThreadToProcess: (f) => line`assigning thread ${f.thread} to process ${f.process}`,
  createMachine: (f) => line`creating machine ${f.machine} at ${f.realTime}`,
  killMachine: (f) => line`killing machine ${f.machine}`,
  sendMessage: (f) =>
    line`sending message with tag ${via(f.tag, edenTag)} from process ${f.senderProcess}, thread ${f.senderThread} to machine ${f.receiverMachine}, process ${f.receiverProcess} on inport ${f.receiverInport}`,
  receiveMessage: (f) =>
    line`receiving message with tag ${via(f.tag, edenTag)} at process ${f.receiverProcess}, inport ${f.receiverInport} from machine ${f.senderMachine}, process ${f.senderProcess}, thread ${f.senderThread} with size ${f.messageSizeBytes}`,
  sendReceiveLocalMessage: (f) =>
    line`sending/receiving message with tag ${via(f.tag, edenTag)} from process ${f.senderProcess}, thread ${f.senderThread} to process ${f.receiverProcess} on inport ${f.receiverInport}`,
  merStartParConjunction: (f) => line`Start a parallel conjunction 0x${hex(f.dynamicId)}, static_id: ${f.staticId}`,
  merEndParConjunction: (f) => line`End par conjunction: 0x${hex(f.dynamicId)}`,
  merEndParConjunct: (f) => line`End par conjunct: 0x${hex(f.dynamicId)}`,
  merCreateSpark: (f) => line`Create spark for conjunction: 0x${hex(f.dynamicId)} spark: 0x${hex(f.sparkId)}`,
  merFutureCreate: (f) => line`Create future 0x${hex(f.futureId)} named ${f.nameId}`,
  merFutureWaitNosuspend: (f) => line`Wait didn't suspend for future: 0x${hex(f.futureId)}`,
  merFutureWaitSuspended: (f) => line`Wait suspended on future: 0x${hex(f.futureId)}`,
  merFutureSignal: (f) => line`Signaled future 0x${hex(f.futureId)}`,
  merLookingForGlobalThread: 'Looking for global thread to resume',
  merWorkStealing: 'Trying to steal a spark',
  merLookingForLocalSpark: 'Looking for a local spark to execute',
  merReleaseThread: (f) => line`Releasing thread ${f.thread} to the free pool`,
  merCapSleeping: 'Capability going to sleep',
  merCallingMain: 'About to call the program entry point',
  perfName: (f) => line`perf event ${f.perfNum} named "${f.name}"`,
  // ghc-events adds one to the period it read.
  perfCounter: (f) => line`perf event counter ${f.perfNum} incremented by ${via(f.period, (period) => String(period + 1n))} in OS thread ${f.kernelThreadId}`,
  perfTracepoint: (f) => line`perf event tracepoint ${f.perfNum} reached in OS thread ${f.kernelThreadId}`,
} satisfies Partial<LineSpecs>;
