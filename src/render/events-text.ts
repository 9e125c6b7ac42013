// Prints a decoded eventlog exactly as `ghc-events show` does (ghc-events Events.hs `ppEventLog`
// with raw times, `buildEventType`, `buildEvent`, `buildEventInfo`): the event-type table, then one
// line per event, `<time ns>: [cap <n>: ]<description>`. Output is produced in batches of lines so
// large logs stream; the order of events is the order of the parts given (ghc-events sorts by
// time: use `decodeEventlogInTimeOrder` for identical output).
import type { InputWarning } from '../model/diagnostic.js';
import type { EventlogPart } from '../parse/eventlog/decode-eventlog.js';
import type { EventInfo, EventlogEvent, HeapProfBreakdown, ThreadStopStatus } from '../parse/eventlog/event-info.js';
import type { EventlogHeader, EventTypeDeclaration } from '../parse/eventlog/header.js';

/** `<id>: <description> (size <n>|variable)` (`buildEventType`). */
export function formatEventType(declaration: EventTypeDeclaration): string {
  const size = declaration.sizeBytes === null ? 'variable' : String(declaration.sizeBytes);
  return `${declaration.id}: ${declaration.description} (size ${size})`;
}

/** One event line without its newline (`buildEvent RawTime`). */
export function formatEvent(event: EventlogEvent, header: EventlogHeader): string {
  const cap = event.cap === null ? '' : `cap ${event.cap}: `;
  // An event type the decoder has no layout for is shown by its declared description.
  const text = event.info.kind === 'unknown' ? (header.byId.get(event.typeId)?.description ?? '') : formatEventInfo(event.info);
  return `${event.timeNs}: ${cap}${text}`;
}

export interface RenderOptions {
  /** Receives warnings found while decoding (the text itself only holds events). */
  onWarning?: (warning: InputWarning) => void;
  /** Approximate size of each yielded string. */
  batchChars?: number;
}

/** The whole `ghc-events show` text, as strings of about `batchChars` characters. */
export async function* renderEventsText(parts: AsyncIterable<EventlogPart>, options: RenderOptions = {}): AsyncGenerator<string> {
  const batchChars = options.batchChars ?? 1 << 16;
  let header: EventlogHeader | null = null;
  let text = '';
  for await (const part of parts) {
    if (part.kind === 'warning') {
      options.onWarning?.(part.warning);
    } else if (part.kind === 'header') {
      header = part.header;
      text += 'Event Types:\n';
      for (const declaration of header.eventTypes) text += `${formatEventType(declaration)}\n`;
      text += '\nEvents:\n';
    } else if (header !== null) {
      for (const event of part.events) {
        text += `${formatEvent(event, header)}\n`;
        if (text.length >= batchChars) {
          yield text;
          text = '';
        }
      }
    }
  }
  // `ghc-events show` ends with putStrLn of a text that already ends in a newline.
  if (header !== null) text += '\n';
  if (text.length > 0) yield text;
}

const BREAKDOWN_NAMES: Record<HeapProfBreakdown, string> = {
  costCentre: 'cost centre',
  module: 'module',
  closureDescr: 'closure description',
  typeDescr: 'type description',
  retainer: 'retainer',
  biography: 'biography',
  closureType: 'closure type',
  infoTable: 'info table',
  era: 'era',
};

/** `showThreadStopStatus`. */
export function formatThreadStopStatus(status: ThreadStopStatus): string {
  switch (status.reason) {
    case 'noStatus':
      return 'No stop thread status';
    case 'heapOverflow':
      return 'heap overflow';
    case 'stackOverflow':
      return `stack overflow, size ${status.info}`;
    case 'threadYielding':
      return 'thread yielding';
    case 'threadBlocked':
      return 'thread blocked';
    case 'threadFinished':
      return 'thread finished';
    case 'foreignCall':
      return 'making a foreign call';
    case 'blockedOnMVar':
      return 'blocked on an MVar';
    case 'blockedOnMVarRead':
      return 'blocked reading an MVar';
    case 'blockedOnBlackHole':
      return `blocked on black hole owned by thread ${status.info}`;
    case 'blockedOnRead':
      return 'blocked on I/O read';
    case 'blockedOnWrite':
      return 'blocked on I/O write';
    case 'blockedOnDelay':
      return 'blocked on threadDelay';
    case 'blockedOnSTM':
      return 'blocked in STM retry';
    case 'blockedOnDoProc':
      return 'blocked on asyncDoProc';
    case 'blockedOnCCall':
      return 'blocked in a foreign call';
    case 'blockedOnMsgThrowTo':
      return 'blocked in throwTo';
    case 'threadMigrating':
      return 'thread migrating';
  }
}

/** Eden's message tags (ghc-events EventTypes.hs `MessageTag`, encoded from 0x50). */
const EDEN_MESSAGE_TAGS = ['Ready', 'NewPE', 'PETIDS', 'Finish', 'FailPE', 'RFork', 'Connect', 'DataMes', 'Head', 'Constr', 'Part', 'Terminate', 'Packet'];

function edenTag(tag: number): string {
  return EDEN_MESSAGE_TAGS[tag - 0x50] ?? `MessageTag ${tag}`;
}

const hex = (value: bigint): string => value.toString(16);

/** The description part of an event line (`buildEventInfo`). */
export function formatEventInfo(info: EventInfo): string {
  switch (info.kind) {
    case 'blockMarker':
      // ghc-events ends this one with a newline of its own, so a blank line follows it.
      return `event block: cap ${info.cap}, end time: ${info.endTimeNs}\n`;
    case 'unknown':
      return `Unknown event type ${info.typeId}`;
    case 'startup':
      return `startup: ${info.capCount} capabilities`;
    case 'createThread':
      return `creating thread ${info.thread}`;
    case 'runThread':
      return `running thread ${info.thread}`;
    case 'stopThread':
      return `stopping thread ${info.thread} (${formatThreadStopStatus(info.status)})`;
    case 'threadRunnable':
      return `thread ${info.thread} is runnable`;
    case 'migrateThread':
      return `migrating thread ${info.thread} to cap ${info.newCap}`;
    case 'wakeupThread':
      return `waking up thread ${info.thread} on cap ${info.otherCap}`;
    case 'threadLabel':
      return `thread ${info.thread} has label "${info.label}"`;
    case 'createSparkThread':
      return `creating spark thread ${info.sparkThread}`;
    case 'sparkCounters':
      return (
        `spark stats: ${info.created} created, ${info.converted} converted, ${info.remaining} remaining ` +
        `(${info.overflowed} overflowed, ${info.dud} dud, ${info.gcd} GC'd, ${info.fizzled} fizzled)`
      );
    case 'sparkCreate':
      return 'spark created';
    case 'sparkDud':
      return 'dud spark discarded';
    case 'sparkOverflow':
      return 'overflowed spark discarded';
    case 'sparkRun':
      return 'running a local spark';
    case 'sparkSteal':
      return `stealing a spark from cap ${info.victimCap}`;
    case 'sparkFizzle':
      return 'spark fizzled';
    case 'sparkGC':
      return 'spark GCed';
    case 'taskCreate':
      return `task 0x${hex(info.taskId)} created on cap ${info.cap} with OS kernel thread ${info.kernelThreadId}`;
    case 'taskMigrate':
      return `task 0x${hex(info.taskId)} migrated from cap ${info.cap} to cap ${info.newCap}`;
    case 'taskDelete':
      return `task 0x${hex(info.taskId)} deleted`;
    case 'requestSeqGC':
      return 'requesting sequential GC';
    case 'requestParGC':
      return 'requesting parallel GC';
    case 'gcStart':
      return 'starting GC';
    case 'gcEnd':
      return 'finished GC';
    case 'gcWork':
      return 'GC working';
    case 'gcIdle':
      return 'GC idle';
    case 'gcDone':
      return 'GC done';
    case 'gcGlobalSync':
      return 'all caps stopped for GC';
    case 'gcStats':
      return (
        `GC stats for heap capset ${info.heapCapset}: generation ${info.generation}, ${info.copiedBytes} bytes copied, ` +
        `${info.slopBytes} bytes slop, ${info.fragmentationBytes} bytes fragmentation, ${info.parallelThreads} par threads, ` +
        `${info.parallelMaxCopiedBytes} bytes max par copied, ${info.parallelTotalCopiedBytes} bytes total par copied` +
        (info.parallelBalancedCopiedBytes === null ? '' : `, ${info.parallelBalancedCopiedBytes} bytes balanced par copied`)
      );
    case 'memReturn':
      return `memory returned (mblocks): current(${info.currentMblocks}) needed(${info.neededMblocks}) returned(${info.returnedMblocks})`;
    case 'heapAllocated':
      return `allocated on heap capset ${info.heapCapset}: ${info.allocatedBytes} total bytes till now`;
    case 'heapSize':
      return `size of heap capset ${info.heapCapset}: ${info.sizeBytes} bytes`;
    case 'blocksSize':
      return `blocks size of heap capset ${info.heapCapset}: ${info.blocksSizeBytes} bytes`;
    case 'heapLive':
      return `live data in heap capset ${info.heapCapset}: ${info.liveBytes} bytes`;
    case 'heapInfo':
      return (
        `heap stats for heap capset ${info.heapCapset}: generations ${info.generations}, ${info.maxHeapSizeBytes} bytes max heap size, ` +
        `${info.allocAreaSizeBytes} bytes alloc area size, ${info.mblockSizeBytes} bytes mblock size, ${info.blockSizeBytes} bytes block size`
      );
    case 'capCreate':
      return `created cap ${info.cap}`;
    case 'capDelete':
      return `deleted cap ${info.cap}`;
    case 'capDisable':
      return `disabled cap ${info.cap}`;
    case 'capEnable':
      return `enabled cap ${info.cap}`;
    case 'capsetCreate':
      return `created capset ${info.capset} of type ${info.capsetType}`;
    case 'capsetDelete':
      return `deleted capset ${info.capset}`;
    case 'capsetAssignCap':
      return `assigned cap ${info.cap} to capset ${info.capset}`;
    case 'capsetRemoveCap':
      return `removed cap ${info.cap} from capset ${info.capset}`;
    case 'rtsIdentifier':
      return `capset ${info.capset}: RTS version "${info.identifier}"`;
    case 'programArgs':
      return `capset ${info.capset}: args: ${showHaskellStringList(info.args)}`;
    case 'programEnv':
      return `capset ${info.capset}: env: ${showHaskellStringList(info.env)}`;
    case 'osProcessPid':
      return `capset ${info.capset}: pid ${info.pid}`;
    case 'osProcessParentPid':
      return `capset ${info.capset}: parent pid ${info.parentPid}`;
    case 'wallClockTime':
      return `capset ${info.capset}: wall clock time ${info.seconds}s ${info.nanoseconds}ns (unix epoch)`;
    case 'logMessage':
    case 'userMessage':
      return info.message;
    case 'userMarker':
      return `marker: ${info.name}`;
    case 'userBinaryMessage':
      return `binary message ${printableBytes(info.payload)}`;
    case 'internString':
      return `Interned string: "${info.text}" with id ${info.stringId}`;
    case 'heapProfBegin': {
      const filters = [
        info.moduleFilter,
        info.closureDescrFilter,
        info.typeDescrFilter,
        info.costCentreFilter,
        info.costCentreStackFilter,
        info.retainerFilter,
        info.biographyFilter,
      ].filter((filter) => filter.length > 0);
      const filtered = filters.length === 0 ? '' : ` filtered by ${filters.map((filter) => `${filter}, `).join('')}`;
      return (
        `start heap profiling ${info.profileId} at sampling period ${info.samplingPeriodNs} ` +
        `broken down by ${BREAKDOWN_NAMES[info.breakdown]}${filtered}`
      );
    }
    case 'heapProfCostCentre':
      return `cost centre ${info.costCentreId} ${info.label} in ${info.module} at ${info.srcLoc}${info.isCaf ? ' CAF' : ''}`;
    case 'infoTableProvenance':
      return `Info Table: ${hex(info.infoTableAddress)}:${info.closureDesc}:${info.tableName} - ${info.srcLoc}`;
    case 'heapProfSampleBegin':
      return `start heap prof sample ${info.era}`;
    case 'heapProfSampleEnd':
      return `end prof sample ${info.era}`;
    case 'heapBioProfSampleBegin':
      return `start heap prof sample ${info.era} at time ${info.sampleTimeNs}`;
    case 'heapProfSampleCostCentre':
      return `heap prof sample ${info.profileId}, residency ${info.residencyBytes}, cost centre stack ${info.stack.join(', ')}`;
    case 'heapProfSampleString':
      return `heap prof sample ${info.profileId}, residency ${info.residencyBytes}, label ${info.label}`;
    case 'profSampleCostCentre':
      return `cap no ${info.capability}, prof sample ${info.ticks}, cost centre stack ${info.stack.join(', ')}`;
    case 'profBegin':
      return `start time profiling, tick interval ${info.tickIntervalNs} (ns)`;
    case 'concMarkBegin':
      return 'concurrent mark began';
    case 'concMarkEnd':
      return `concurrent mark ended: marked ${info.markedObjectCount} objects`;
    case 'concSyncBegin':
      return 'post-mark synchronization began';
    case 'concSyncEnd':
      return 'post-mark synchronization ended';
    case 'concSweepBegin':
      return 'concurrent sweep began';
    case 'concSweepEnd':
      return 'concurrent sweep ended';
    case 'concUpdRemSetFlush':
      return `update remembered set flushed by ${info.cap}`;
    case 'nonmovingHeapCensus':
      return (
        `nonmoving heap census ${info.blockSizeBytes}: ${info.activeSegments} active segments, ` +
        `${info.filledSegments} filled segments, ${info.liveBlocks} live blocks`
      );
    case 'nonmovingPrunedSegments':
      return `nonmoving segments pruned: ${info.prunedSegments} pruned segments, ${info.freeSegments} free segments retained`;
    case 'tickyCounterDef':
      return (
        `ticky counter definition ${info.counterId}, arity: ${info.arity}, def kinds: ${info.argKinds}, ` +
        `name: ${info.name}, itbl: ${hex(info.infoTableAddress)}`
      );
    case 'tickyCounterSample':
      return `ticky counter sample ${info.counterId}: entry count: ${info.entryCount}, ${info.allocs} allocs, ${info.allocd} allocd`;
    case 'tickyBeginSample':
      return 'ticky begin counter sample';
    case 'version':
      return `compiler version is ${info.version}`;
    case 'programInvocation':
      return `program invocation: ${info.commandLine}`;
    case 'edenStartReceive':
      return 'starting to receive';
    case 'edenEndReceive':
      return 'stop receiving';
    case 'createProcess':
      return `creating process ${info.process}`;
    case 'killProcess':
      return `killing process ${info.process}`;
    case 'assignThreadToProcess':
      return `assigning thread ${info.thread} to process ${info.process}`;
    case 'createMachine':
      return `creating machine ${info.machine} at ${info.realTime}`;
    case 'killMachine':
      return `killing machine ${info.machine}`;
    case 'sendMessage':
      return (
        `sending message with tag ${edenTag(info.tag)} from process ${info.senderProcess}, thread ${info.senderThread} ` +
        `to machine ${info.receiverMachine}, process ${info.receiverProcess} on inport ${info.receiverInport}`
      );
    case 'receiveMessage':
      return (
        `receiving message with tag ${edenTag(info.tag)} at process ${info.receiverProcess}, inport ${info.receiverInport} ` +
        `from machine ${info.senderMachine}, process ${info.senderProcess}, thread ${info.senderThread} with size ${info.messageSizeBytes}`
      );
    case 'sendReceiveLocalMessage':
      return (
        `sending/receiving message with tag ${edenTag(info.tag)} from process ${info.senderProcess}, thread ${info.senderThread} ` +
        `to process ${info.receiverProcess} on inport ${info.receiverInport}`
      );
    case 'merStartParConjunction':
      return `Start a parallel conjunction 0x${hex(info.dynamicId)}, static_id: ${info.staticId}`;
    case 'merEndParConjunction':
      return `End par conjunction: 0x${hex(info.dynamicId)}`;
    case 'merEndParConjunct':
      return `End par conjunct: 0x${hex(info.dynamicId)}`;
    case 'merCreateSpark':
      return `Create spark for conjunction: 0x${hex(info.dynamicId)} spark: 0x${info.sparkId.toString(16)}`;
    case 'merFutureCreate':
      return `Create future 0x${hex(info.futureId)} named ${info.nameId}`;
    case 'merFutureWaitNosuspend':
      return `Wait didn't suspend for future: 0x${hex(info.futureId)}`;
    case 'merFutureWaitSuspended':
      return `Wait suspended on future: 0x${hex(info.futureId)}`;
    case 'merFutureSignal':
      return `Signaled future 0x${hex(info.futureId)}`;
    case 'merLookingForGlobalThread':
      return 'Looking for global thread to resume';
    case 'merWorkStealing':
      return 'Trying to steal a spark';
    case 'merLookingForLocalSpark':
      return 'Looking for a local spark to execute';
    case 'merReleaseThread':
      return `Releasing thread ${info.thread} to the free pool`;
    case 'merCapSleeping':
      return 'Capability going to sleep';
    case 'merCallingMain':
      return 'About to call the program entry point';
    case 'perfName':
      return `perf event ${info.perfNum} named "${info.name}"`;
    case 'perfCounter':
      return `perf event counter ${info.perfNum} incremented by ${info.period + 1n} in OS thread ${info.kernelThreadId}`;
    case 'perfTracepoint':
      return `perf event tracepoint ${info.perfNum} reached in OS thread ${info.kernelThreadId}`;
  }
}

// Haskell's `show` for a list of strings (GHC.Show `showLitString`), as ghc-events prints
// program arguments and environment.

const ASCII_CONTROL_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

export function showHaskellString(text: string): string {
  let shown = '"';
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < codePoints.length; i++) {
    const code = codePoints[i]!;
    const next = codePoints[i + 1];
    if (code === 0x22) shown += '\\"';
    else if (code === 0x5c) shown += '\\\\';
    else if (code >= 0x20 && code < 0x7f) shown += String.fromCodePoint(code);
    else if (code === 0x7f) shown += '\\DEL';
    else if (code > 0x7f) {
      // A numeric escape is separated by `\&` from a digit that follows it.
      shown += `\\${code}`;
      if (next !== undefined && next >= 0x30 && next <= 0x39) shown += '\\&';
    } else {
      shown += `\\${ASCII_CONTROL_NAMES[code]}`;
      // "\SO" followed by "H" would read as "\SOH".
      if (code === 0x0e && next === 0x48) shown += '\\&';
    }
  }
  return `${shown}"`;
}

export function showHaskellStringList(items: string[]): string {
  return `[${items.map(showHaskellString).join(',')}]`;
}

/**
 * A binary payload as ghc-events shows it (`replaceUnprintableWith '.'`): decoded as UTF-8 with
 * each invalid byte replaced by '.', then every character Haskell's `isPrint` rejects replaced too.
 */
export function printableBytes(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const [code, length] = decodeUtf8CodePoint(bytes, i);
    text += code < 0 || !isPrintable(code) ? '.' : String.fromCodePoint(code);
    i += length;
  }
  return text;
}

/** One UTF-8 code point at `at`: [code, bytes used], or [-1, 1] for an invalid byte. */
function decodeUtf8CodePoint(bytes: Uint8Array, at: number): [number, number] {
  const first = bytes[at]!;
  if (first < 0x80) return [first, 1];
  let length: number;
  let code: number;
  let minimum: number;
  if (first >= 0xc2 && first <= 0xdf) [length, code, minimum] = [2, first & 0x1f, 0x80];
  else if (first >= 0xe0 && first <= 0xef) [length, code, minimum] = [3, first & 0x0f, 0x800];
  else if (first >= 0xf0 && first <= 0xf4) [length, code, minimum] = [4, first & 0x07, 0x10000];
  else return [-1, 1];
  if (at + length > bytes.length) return [-1, 1];
  for (let k = 1; k < length; k++) {
    const continuation = bytes[at + k]!;
    if ((continuation & 0xc0) !== 0x80) return [-1, 1];
    code = (code << 6) | (continuation & 0x3f);
  }
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return [-1, 1];
  return [code, length];
}

/** Haskell's `isPrint`: not a control, format, surrogate, private-use, unassigned or line/paragraph separator. */
function isPrintable(code: number): boolean {
  return !/[\p{C}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(code));
}
