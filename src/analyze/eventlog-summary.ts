// What a performance engineer reads first about an eventlog: the run, GC pauses and
// productivity, allocation and heap peaks, threads, markers, and how many profiling
// samples it holds. One streaming pass over the events (`EventlogSummaryCollector`, an eventlog
// visitor); only the events needed are decoded.
import type { InputWarning } from '../model/diagnostic.js';
import {
  EventId,
  programName,
  readEventlog,
  requireHeader,
  wallClockIso,
  type ByteChunks,
  type EventlogEvent,
  type EventlogReadResult,
  type EventlogVisitor,
  type RawEvent,
} from '../formats/eventlog/index.js';
import { GcPauseCollector } from './gc-pauses.js';
import { pauseStatistics, type PauseStatistics } from './pause-statistics.js';

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

/** The event types the summary reads the payload of; it counts the others from their type, time and capability. */
const DECODED: readonly number[] = [
  EventId.RTS_IDENTIFIER,
  EventId.PROGRAM_ARGS,
  EventId.WALL_CLOCK_TIME,
  EventId.HEAP_ALLOCATED,
  EventId.HEAP_SIZE,
  EventId.HEAP_LIVE,
  EventId.GC_STATS_GHC,
  EventId.USER_MARKER,
  EventId.STARTUP,
];

/** Reads an eventlog and summarises it. */
export async function summariseEventlog(chunks: ByteChunks, source: string): Promise<EventlogSummary> {
  const collector = new EventlogSummaryCollector();
  const read = await readEventlog(chunks, { source, order: 'file', types: EventlogSummaryCollector.types }, collector);
  requireHeader(read, source);
  return collector.summary(source, read);
}

/** Gathers the summary from the events of one log, in file order. */
class EventlogSummaryCollector implements EventlogVisitor {
  /** The `types` to read the log with. */
  static readonly types = DECODED;

  private readonly gc = new GcPauseCollector();
  private readonly allocatedByCap = new Map<number, number>();
  private readonly capsSeen = new Set<number>();
  private startupCaps: number | null = null;
  private capCreates = 0;
  private lastTimeNs = 0;
  private threadsCreated = 0;
  private userMessages = 0;
  private readonly samples = { timeProfile: 0, heapCensuses: 0, heapSamples: 0 };
  private readonly run: Pick<EventlogSummary, 'program' | 'arguments' | 'rtsVersion' | 'startedAt' | 'markers'> = {
    program: null,
    arguments: [],
    rtsVersion: null,
    startedAt: null,
    markers: [],
  };
  private peakLiveBytes: number | null = null;
  private peakSizeBytes: number | null = null;

  /** Counting and GC bracketing need only the type, time and capability: no decoding. */
  raw(raw: RawEvent): void {
    if (raw.timeNs > this.lastTimeNs) this.lastTimeNs = raw.timeNs;
    if (raw.cap >= 0) this.capsSeen.add(raw.cap);
    switch (raw.typeId) {
      case EventId.GC_START:
        this.gc.gcStart(raw.cap, raw.timeNs);
        break;
      case EventId.GC_END:
        this.gc.gcEnd(raw.cap, raw.timeNs);
        break;
      case EventId.CREATE_THREAD:
        this.threadsCreated++;
        break;
      case EventId.USER_MSG:
        this.userMessages++;
        break;
      case EventId.CAP_CREATE:
        this.capCreates++;
        break;
      case EventId.PROF_SAMPLE_COST_CENTRE:
        this.samples.timeProfile++;
        break;
      case EventId.HEAP_PROF_SAMPLE_BEGIN:
        this.samples.heapCensuses++;
        break;
      case EventId.HEAP_PROF_SAMPLE_COST_CENTRE:
      case EventId.HEAP_PROF_SAMPLE_STRING:
        this.samples.heapSamples++;
        break;
      default:
        break;
    }
  }

  event(event: EventlogEvent): void {
    const info = event.info;
    switch (info.kind) {
      case 'rtsIdentifier':
        this.run.rtsVersion = info.identifier;
        break;
      case 'programArgs':
        this.run.arguments = info.args;
        this.run.program = programName(info.args);
        break;
      case 'wallClockTime':
        this.run.startedAt = wallClockIso(info.seconds, info.nanoseconds);
        break;
      case 'heapAllocated':
        // Each capability reports its own running total (rts traceEventHeapAllocated).
        this.allocatedByCap.set(event.cap ?? -1, info.allocatedBytes);
        break;
      case 'heapSize':
        this.peakSizeBytes = Math.max(this.peakSizeBytes ?? 0, info.sizeBytes);
        break;
      case 'heapLive':
        this.peakLiveBytes = Math.max(this.peakLiveBytes ?? 0, info.liveBytes);
        break;
      case 'gcStats':
        this.gc.gcStats(event.timeNs, info.generation);
        break;
      case 'userMarker':
        this.run.markers.push({ timeSecs: event.timeNs / 1e9, cap: event.cap, name: info.name });
        break;
      case 'startup':
        this.startupCaps = info.capCount;
        break;
      default:
        break;
    }
  }

  /** The summary of the events seen; `read` is how the read went. */
  summary(source: string, read: Pick<EventlogReadResult, 'eventCount' | 'warnings'>): EventlogSummary {
    const pauses = this.gc.pauses();
    const generations = [...new Set(pauses.map((pause) => pause.generation).filter((g): g is number => g !== null))].sort((a, b) => a - b);
    const durationSecs = this.lastTimeNs / 1e9;
    const allStats = pauseStatistics(pauses.map((pause) => (pause.endNs - pause.startNs) / 1e9));
    const gcSecs = allStats.totalSecs;
    const mutatorSecs = Math.max(0, durationSecs - gcSecs);
    const allocatedBytes = this.allocatedByCap.size > 0 ? [...this.allocatedByCap.values()].reduce((a, b) => a + b, 0) : null;
    this.run.markers.sort((a, b) => a.timeSecs - b.timeSecs);
    return {
      source,
      ...this.run,
      durationSecs,
      capabilities: this.capCreates > 0 ? this.capCreates : (this.startupCaps ?? (this.capsSeen.size > 0 ? this.capsSeen.size : null)),
      events: read.eventCount,
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
        peakLiveBytes: this.peakLiveBytes,
        peakSizeBytes: this.peakSizeBytes,
      },
      threadsCreated: this.threadsCreated,
      userMessages: this.userMessages,
      samples: this.samples,
      warnings: read.warnings,
    };
  }
}
