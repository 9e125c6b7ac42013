// What one eventlog event says, decoded: one variant per event type ghc-events 0.21 understands
// (constructors of `EventInfo` in ghc-events' EventTypes.hs), named in the RTS's own terms.
//
// Numbers: u64 quantities (bytes, counts, nanoseconds) are Numbers, exact below 2^53; u64 values
// that are pointers or identifiers (task ids, info-table addresses, ticky counter ids) are bigints.

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

export type EventInfo =
  // Pseudo events.
  | { kind: 'blockMarker'; blockSizeBytes: number; endTimeNs: number; cap: number }
  | { kind: 'unknown'; typeId: number }
  // Threads and scheduling.
  | { kind: 'startup'; capCount: number }
  | { kind: 'createThread'; thread: number }
  | { kind: 'runThread'; thread: number }
  | { kind: 'stopThread'; thread: number; status: ThreadStopStatus }
  | { kind: 'threadRunnable'; thread: number }
  | { kind: 'migrateThread'; thread: number; newCap: number }
  | { kind: 'wakeupThread'; thread: number; otherCap: number }
  | { kind: 'threadLabel'; thread: number; label: string }
  // Sparks.
  | { kind: 'createSparkThread'; sparkThread: number }
  | {
      kind: 'sparkCounters';
      created: number;
      dud: number;
      overflowed: number;
      converted: number;
      gcd: number;
      fizzled: number;
      remaining: number;
    }
  | { kind: 'sparkCreate' }
  | { kind: 'sparkDud' }
  | { kind: 'sparkOverflow' }
  | { kind: 'sparkRun' }
  | { kind: 'sparkSteal'; victimCap: number }
  | { kind: 'sparkFizzle' }
  | { kind: 'sparkGC' }
  // Tasks (OS threads).
  | { kind: 'taskCreate'; taskId: bigint; cap: number; kernelThreadId: bigint }
  | { kind: 'taskMigrate'; taskId: bigint; cap: number; newCap: number }
  | { kind: 'taskDelete'; taskId: bigint }
  // Garbage collection and heap statistics.
  | { kind: 'requestSeqGC' }
  | { kind: 'requestParGC' }
  | { kind: 'gcStart' }
  | { kind: 'gcWork' }
  | { kind: 'gcIdle' }
  | { kind: 'gcDone' }
  | { kind: 'gcEnd' }
  | { kind: 'gcGlobalSync' }
  | {
      kind: 'gcStats';
      heapCapset: number;
      generation: number;
      copiedBytes: number;
      slopBytes: number;
      fragmentationBytes: number;
      parallelThreads: number;
      parallelMaxCopiedBytes: number;
      parallelTotalCopiedBytes: number;
      /** Absent before GHC 8.4 (declared size 50 instead of 58). */
      parallelBalancedCopiedBytes: number | null;
    }
  | { kind: 'memReturn'; heapCapset: number; currentMblocks: number; neededMblocks: number; returnedMblocks: number }
  | { kind: 'heapAllocated'; heapCapset: number; allocatedBytes: number }
  | { kind: 'heapSize'; heapCapset: number; sizeBytes: number }
  | { kind: 'blocksSize'; heapCapset: number; blocksSizeBytes: number }
  | { kind: 'heapLive'; heapCapset: number; liveBytes: number }
  | {
      kind: 'heapInfo';
      heapCapset: number;
      generations: number;
      maxHeapSizeBytes: number;
      allocAreaSizeBytes: number;
      mblockSizeBytes: number;
      blockSizeBytes: number;
    }
  // Capabilities and capability sets.
  | { kind: 'capCreate'; cap: number }
  | { kind: 'capDelete'; cap: number }
  | { kind: 'capDisable'; cap: number }
  | { kind: 'capEnable'; cap: number }
  | { kind: 'capsetCreate'; capset: number; capsetType: CapsetType }
  | { kind: 'capsetDelete'; capset: number }
  | { kind: 'capsetAssignCap'; capset: number; cap: number }
  | { kind: 'capsetRemoveCap'; capset: number; cap: number }
  // Process information.
  | { kind: 'rtsIdentifier'; capset: number; identifier: string }
  | { kind: 'programArgs'; capset: number; args: string[] }
  | { kind: 'programEnv'; capset: number; env: string[] }
  | { kind: 'osProcessPid'; capset: number; pid: number }
  | { kind: 'osProcessParentPid'; capset: number; parentPid: number }
  | { kind: 'wallClockTime'; capset: number; seconds: number; nanoseconds: number }
  // Messages.
  | { kind: 'logMessage'; message: string }
  | { kind: 'userMessage'; message: string }
  | { kind: 'userMarker'; name: string }
  | { kind: 'userBinaryMessage'; payload: Uint8Array }
  | { kind: 'internString'; text: string; stringId: number }
  // Heap profiling (GHC 8.2+) and info-table provenance (GHC 9.2+).
  | {
      kind: 'heapProfBegin';
      profileId: number;
      samplingPeriodNs: number;
      breakdown: HeapProfBreakdown;
      moduleFilter: string;
      closureDescrFilter: string;
      typeDescrFilter: string;
      costCentreFilter: string;
      costCentreStackFilter: string;
      retainerFilter: string;
      biographyFilter: string;
    }
  | { kind: 'heapProfCostCentre'; costCentreId: number; label: string; module: string; srcLoc: string; isCaf: boolean }
  | {
      kind: 'infoTableProvenance';
      infoTableAddress: bigint;
      tableName: string;
      closureDesc: number;
      typeDesc: string;
      label: string;
      module: string;
      srcLoc: string;
    }
  | { kind: 'heapProfSampleBegin'; era: number }
  | { kind: 'heapProfSampleEnd'; era: number }
  | { kind: 'heapBioProfSampleBegin'; era: number; sampleTimeNs: number }
  /** `stack` holds cost-centre ids, innermost first. */
  | { kind: 'heapProfSampleCostCentre'; profileId: number; residencyBytes: number; stack: number[] }
  | { kind: 'heapProfSampleString'; profileId: number; residencyBytes: number; label: string }
  // Time profiling (GHC 8.10+).
  | { kind: 'profSampleCostCentre'; capability: number; ticks: number; stack: number[] }
  | { kind: 'profBegin'; tickIntervalNs: number }
  // Non-moving GC (GHC 8.10+).
  | { kind: 'concMarkBegin' }
  | { kind: 'concMarkEnd'; markedObjectCount: number }
  | { kind: 'concSyncBegin' }
  | { kind: 'concSyncEnd' }
  | { kind: 'concSweepBegin' }
  | { kind: 'concSweepEnd' }
  | { kind: 'concUpdRemSetFlush'; cap: number }
  | { kind: 'nonmovingHeapCensus'; blockSizeBytes: number; activeSegments: number; filledSegments: number; liveBlocks: number }
  | { kind: 'nonmovingPrunedSegments'; prunedSegments: number; freeSegments: number }
  // Ticky-ticky counters.
  | {
      kind: 'tickyCounterDef';
      counterId: bigint;
      arity: number;
      argKinds: string;
      name: string;
      /** 0 when the writer (GHC < 9.4) did not send it. */
      infoTableAddress: bigint;
      jsonDescription: string | null;
    }
  | { kind: 'tickyCounterSample'; counterId: bigint; entryCount: number; allocs: number; allocd: number }
  | { kind: 'tickyBeginSample' }
  // Eden's parallel RTS.
  | { kind: 'version'; version: string }
  | { kind: 'programInvocation'; commandLine: string }
  | { kind: 'edenStartReceive' }
  | { kind: 'edenEndReceive' }
  | { kind: 'createProcess'; process: number }
  | { kind: 'killProcess'; process: number }
  | { kind: 'assignThreadToProcess'; thread: number; process: number }
  | { kind: 'createMachine'; machine: number; realTime: number }
  | { kind: 'killMachine'; machine: number }
  | {
      kind: 'sendMessage';
      tag: number;
      senderProcess: number;
      senderThread: number;
      receiverMachine: number;
      receiverProcess: number;
      receiverInport: number;
    }
  | {
      kind: 'receiveMessage';
      tag: number;
      receiverProcess: number;
      receiverInport: number;
      senderMachine: number;
      senderProcess: number;
      senderThread: number;
      messageSizeBytes: number;
    }
  | { kind: 'sendReceiveLocalMessage'; tag: number; senderProcess: number; senderThread: number; receiverProcess: number; receiverInport: number }
  // Mercury.
  | { kind: 'merStartParConjunction'; dynamicId: bigint; staticId: number }
  | { kind: 'merEndParConjunction'; dynamicId: bigint }
  | { kind: 'merEndParConjunct'; dynamicId: bigint }
  | { kind: 'merCreateSpark'; dynamicId: bigint; sparkId: number }
  | { kind: 'merFutureCreate'; futureId: bigint; nameId: number }
  | { kind: 'merFutureWaitNosuspend'; futureId: bigint }
  | { kind: 'merFutureWaitSuspended'; futureId: bigint }
  | { kind: 'merFutureSignal'; futureId: bigint }
  | { kind: 'merLookingForGlobalThread' }
  | { kind: 'merWorkStealing' }
  | { kind: 'merLookingForLocalSpark' }
  | { kind: 'merReleaseThread'; thread: number }
  | { kind: 'merCapSleeping' }
  | { kind: 'merCallingMain' }
  // Linux perf events.
  | { kind: 'perfName'; perfNum: number; name: string }
  | { kind: 'perfCounter'; perfNum: number; kernelThreadId: bigint; period: bigint }
  | { kind: 'perfTracepoint'; perfNum: number; kernelThreadId: bigint };

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
