// What a performance engineer reads first about an eventlog: the run, GC pauses and
// productivity, allocation and heap peaks, threads, markers, and how many profiling
// samples it holds. One streaming pass; only the events needed are decoded.
import type { InputWarning } from '../model/diagnostic.js';
import { EventId } from '../formats/eventlog/format.js';
import { readSelectedEvents } from '../formats/eventlog/eventlog-selected-events.js';
import { GcPauseCollector } from './gc-pauses.js';
import { pauseStatistics, type PauseStatistics } from './pause-statistics.js';
import { programName, wallClockIso } from '../formats/eventlog/eventlog-process-info.js';
import type { ByteChunks } from '../formats/common/byte-chunks.js';

export interface EventlogSummary {
  source: string;
  program: string | null;
  arguments: string[];
  rtsVersion: string | null;
  /** Wall-clock time the program started (ISO 8601), from WALL_CLOCK_TIME. */
  startedAt: string | null;
  /** Elapsed time covered: the latest event time, in seconds since the RTS started. */
  durationSecs: number;
  capabilities: number | null;
  events: number;
  gc: {
    pauses: PauseStatistics;
    byGeneration: Array<{ generation: number } & PauseStatistics>;
    /** Mutator share of elapsed time: 1 − (time in GC pauses / elapsed). */
    productivity: number | null;
    gcSecs: number;
    mutatorSecs: number;
  };
  heap: {
    allocatedBytes: number | null;
    /** Allocation per second of elapsed time, and per second of mutator time. */
    allocationRateBytesPerSec: number | null;
    mutatorAllocationRateBytesPerSec: number | null;
    peakLiveBytes: number | null;
    peakSizeBytes: number | null;
  };
  threadsCreated: number;
  markers: Array<{ timeSecs: number; cap: number | null; name: string }>;
  userMessages: number;
  samples: { timeProfile: number; heapCensuses: number; heapSamples: number };
  warnings: InputWarning[];
}

const DECODED = new Set<number>([
  EventId.RTS_IDENTIFIER,
  EventId.PROGRAM_ARGS,
  EventId.WALL_CLOCK_TIME,
  EventId.HEAP_ALLOCATED,
  EventId.HEAP_SIZE,
  EventId.HEAP_LIVE,
  EventId.GC_STATS_GHC,
  EventId.USER_MARKER,
  EventId.STARTUP,
]);

export async function summariseEventlog(chunks: ByteChunks, source: string): Promise<EventlogSummary> {
  const gc = new GcPauseCollector();
  const allocatedByCap = new Map<number, number>();
  const capsSeen = new Set<number>();
  let startupCaps: number | null = null;
  let capCreates = 0;
  let lastTimeNs = 0;
  let threadsCreated = 0;
  let userMessages = 0;
  const samples = { timeProfile: 0, heapCensuses: 0, heapSamples: 0 };
  const summary: Pick<EventlogSummary, 'program' | 'arguments' | 'rtsVersion' | 'startedAt' | 'markers'> = {
    program: null,
    arguments: [],
    rtsVersion: null,
    startedAt: null,
    markers: [],
  };
  let peakLiveBytes: number | null = null;
  let peakSizeBytes: number | null = null;

  const result = await readSelectedEvents(chunks, source, {
    typeIds: DECODED,
    // Counting and GC bracketing need only the type, time and capability: no decoding.
    onRawEvent: (raw) => {
      if (raw.timeNs > lastTimeNs) lastTimeNs = raw.timeNs;
      if (raw.cap >= 0) capsSeen.add(raw.cap);
      switch (raw.typeId) {
        case EventId.GC_START:
          gc.gcStart(raw.cap, raw.timeNs);
          break;
        case EventId.GC_END:
          gc.gcEnd(raw.cap, raw.timeNs);
          break;
        case EventId.CREATE_THREAD:
          threadsCreated++;
          break;
        case EventId.USER_MSG:
          userMessages++;
          break;
        case EventId.CAP_CREATE:
          capCreates++;
          break;
        case EventId.PROF_SAMPLE_COST_CENTRE:
          samples.timeProfile++;
          break;
        case EventId.HEAP_PROF_SAMPLE_BEGIN:
          samples.heapCensuses++;
          break;
        case EventId.HEAP_PROF_SAMPLE_COST_CENTRE:
        case EventId.HEAP_PROF_SAMPLE_STRING:
          samples.heapSamples++;
          break;
        default:
          break;
      }
    },
    onEvent: (event) => {
      const info = event.info;
      switch (info.kind) {
        case 'rtsIdentifier':
          summary.rtsVersion = info.identifier;
          break;
        case 'programArgs':
          summary.arguments = info.args;
          summary.program = programName(info.args);
          break;
        case 'wallClockTime':
          summary.startedAt = wallClockIso(info.seconds, info.nanoseconds);
          break;
        case 'heapAllocated':
          // Each capability reports its own running total (rts traceEventHeapAllocated).
          allocatedByCap.set(event.cap ?? -1, info.allocatedBytes);
          break;
        case 'heapSize':
          peakSizeBytes = Math.max(peakSizeBytes ?? 0, info.sizeBytes);
          break;
        case 'heapLive':
          peakLiveBytes = Math.max(peakLiveBytes ?? 0, info.liveBytes);
          break;
        case 'gcStats':
          gc.gcStats(event.timeNs, info.generation);
          break;
        case 'userMarker':
          summary.markers.push({ timeSecs: event.timeNs / 1e9, cap: event.cap, name: info.name });
          break;
        case 'startup':
          startupCaps = info.capCount;
          break;
        default:
          break;
      }
    },
  });

  const pauses = gc.pauses();
  const durations = pauses.map((pause) => (pause.endNs - pause.startNs) / 1e9);
  const generations = [...new Set(pauses.map((pause) => pause.generation).filter((g): g is number => g !== null))].sort((a, b) => a - b);
  const durationSecs = lastTimeNs / 1e9;
  const allStats = pauseStatistics(durations);
  const gcSecs = allStats.totalSecs;
  const mutatorSecs = Math.max(0, durationSecs - gcSecs);
  const allocatedBytes = allocatedByCap.size > 0 ? [...allocatedByCap.values()].reduce((a, b) => a + b, 0) : null;
  summary.markers.sort((a, b) => a.timeSecs - b.timeSecs);
  return {
    source,
    ...summary,
    durationSecs,
    capabilities: capCreates > 0 ? capCreates : (startupCaps ?? (capsSeen.size > 0 ? capsSeen.size : null)),
    events: result.eventCount,
    gc: {
      pauses: allStats,
      byGeneration: generations.map((generation) => ({
        generation,
        ...pauseStatistics(pauses.filter((pause) => pause.generation === generation).map((pause) => (pause.endNs - pause.startNs) / 1e9)),
      })),
      productivity: durationSecs > 0 ? mutatorSecs / durationSecs : null,
      gcSecs,
      mutatorSecs,
    },
    heap: {
      allocatedBytes,
      allocationRateBytesPerSec: allocatedBytes !== null && durationSecs > 0 ? allocatedBytes / durationSecs : null,
      mutatorAllocationRateBytesPerSec: allocatedBytes !== null && mutatorSecs > 0 ? allocatedBytes / mutatorSecs : null,
      peakLiveBytes,
      peakSizeBytes,
    },
    threadsCreated,
    userMessages,
    samples,
    warnings: result.warnings,
  };
}
