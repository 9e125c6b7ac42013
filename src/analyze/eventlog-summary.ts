// What a performance engineer reads first about an eventlog: the run, GC pauses and
// productivity, allocation and heap peaks, threads, markers, and how many profiling
// samples it holds. One streaming pass over the events (`EventlogSummaryCollector`, an eventlog
// visitor) that keeps counters, peaks and the GC pauses (gc-pauses.ts, a few bytes each) and
// nothing per event: the few fields it needs of the events that come with every GC are read
// straight from their bytes, and only the rare events that describe the run are decoded.
import type { InputWarning } from '../model/diagnostic.js';
import {
  EventId,
  integerField,
  programName,
  impossibleWallClock,
  wallClockIso,
  type EventlogEvent,
  type EventlogHeader,
  type EventlogReadResult,
  type EventlogVisitor,
  type IntegerField,
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

/**
 * The event types the summary decodes, a handful per log. It counts the others from their type,
 * time and capability, and reads the fields it needs of the heap and GC events (one per GC and
 * capability) straight from their bytes (`FieldsRead`).
 */
const DECODED: readonly number[] = [EventId.RTS_IDENTIFIER, EventId.PROGRAM_ARGS, EventId.WALL_CLOCK_TIME, EventId.USER_MARKER, EventId.STARTUP];

/** The fields read from bytes, in this log; null where the log's events do not have them. */
interface FieldsRead {
  allocatedBytes: IntegerField | null;
  sizeBytes: IntegerField | null;
  liveBytes: IntegerField | null;
  generation: IntegerField | null;
}

/** Capabilities are u16. */
const CAP_IDS = 0x10000;

/**
 * Each capability's running total of allocation (rts traceEventHeapAllocated), the latest it
 * reported. A slot per capability (-1, none, included): a Map would box each of the totals, which
 * come with every GC.
 */
class AllocationTotals {
  private readonly latestByCapSlot = new Float64Array(CAP_IDS + 1);
  /**
   * The number of each slot's first report, Infinity for none: the totals are added in the order
   * first seen. Kept with `Math.min`, not a test for a first report: a branch that rarely runs is
   * optimised away in per-event code and costs a deoptimisation when it does.
   */
  private readonly firstReportByCapSlot = new Float64Array(CAP_IDS + 1).fill(Infinity);
  private reports = 0;

  report(cap: number, totalBytes: number): void {
    const slot = cap + 1;
    this.latestByCapSlot[slot] = totalBytes;
    this.firstReportByCapSlot[slot] = Math.min(this.firstReportByCapSlot[slot]!, this.reports++);
  }

  /** The sum of the capabilities' totals, or null when none reported one. */
  sum(): number | null {
    const slots: number[] = [];
    this.firstReportByCapSlot.forEach((first, slot) => {
      if (first !== Infinity) slots.push(slot);
    });
    if (slots.length === 0) return null;
    slots.sort((a, b) => this.firstReportByCapSlot[a]! - this.firstReportByCapSlot[b]!);
    return slots.map((slot) => this.latestByCapSlot[slot]!).reduce((a, b) => a + b, 0);
  }
}

/**
 * Gathers the summary from the events of one log, in file order: read the log with
 * `EventlogSummaryCollector.types` and the collector as visitor, then ask for `summary`.
 */
export class EventlogSummaryCollector implements EventlogVisitor {
  /** The `types` to read the log with. */
  static readonly types = DECODED;

  private readonly gc = new GcPauseCollector();
  private fields: FieldsRead = { allocatedBytes: null, sizeBytes: null, liveBytes: null, generation: null };
  private readonly allocated = new AllocationTotals();
  /**
   * 1 for each capability seen, by capability + 1 (slot 0 takes the events of none): marked for
   * every event without a test, as a rarely taken branch would be optimised away and cost a
   * deoptimisation when first taken; a Set costs more.
   */
  private readonly capSeenBySlot = new Uint8Array(CAP_IDS + 1);
  private startupCaps: number | null = null;
  private lastTimeNs = 0;
  /** Events of each type: what the summary counts, counted alike, with no test of the type. */
  private readonly countByType = new Float64Array(0x10000);
  /** Where a WALL_CLOCK_TIME event held no date, and its seconds, to warn of. */
  private impossibleWallClock: { byteOffset: number; seconds: number } | null = null;
  private readonly run: Pick<EventlogSummary, 'program' | 'arguments' | 'rtsVersion' | 'startedAt' | 'markers'> = {
    program: null,
    arguments: [],
    rtsVersion: null,
    startedAt: null,
    markers: [],
  };
  private peakLiveBytes: number | null = null;
  private peakSizeBytes: number | null = null;

  header(header: EventlogHeader): void {
    this.fields = {
      allocatedBytes: integerField(header, 'heapAllocated', 'allocatedBytes'),
      sizeBytes: integerField(header, 'heapSize', 'sizeBytes'),
      liveBytes: integerField(header, 'heapLive', 'liveBytes'),
      generation: integerField(header, 'gcStats', 'generation'),
    };
  }

  /** Counting, GC bracketing and the heap figures need only the type, time, capability and a field: no decoding. */
  raw(raw: RawEvent): void {
    if (raw.timeNs > this.lastTimeNs) this.lastTimeNs = raw.timeNs;
    this.countByType[raw.typeId]!++;
    const cap = raw.cap;
    this.capSeenBySlot[cap + 1] = 1;
    const fields = this.fields;
    switch (raw.typeId) {
      case EventId.GC_START:
        this.gc.gcStart(cap, raw.timeNs);
        break;
      case EventId.GC_END:
        this.gc.gcEnd(cap, raw.timeNs);
        break;
      case EventId.GC_STATS_GHC:
        if (fields.generation !== null) this.gc.gcStats(cap, raw.timeNs, fields.generation.read(raw));
        break;
      case EventId.HEAP_ALLOCATED:
        if (fields.allocatedBytes !== null) this.allocated.report(cap, fields.allocatedBytes.read(raw));
        break;
      case EventId.HEAP_SIZE:
        if (fields.sizeBytes !== null) this.peakSizeBytes = Math.max(this.peakSizeBytes ?? 0, fields.sizeBytes.read(raw));
        break;
      case EventId.HEAP_LIVE:
        if (fields.liveBytes !== null) this.peakLiveBytes = Math.max(this.peakLiveBytes ?? 0, fields.liveBytes.read(raw));
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
        if (this.run.startedAt === null) this.impossibleWallClock = { byteOffset: event.byteOffset, seconds: info.seconds };
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
    const pauses = pauseStatistics(this.gc.pauses());
    const durationSecs = this.lastTimeNs / 1e9;
    const allStats = pauses.all;
    const gcSecs = allStats.totalSecs;
    const mutatorSecs = Math.max(0, durationSecs - gcSecs);
    const allocatedBytes = this.allocated.sum();
    const count = this.countByType;
    const capCreates = count[EventId.CAP_CREATE]!;
    this.run.markers.sort((a, b) => a.timeSecs - b.timeSecs);
    const capsSeen = this.capSeenBySlot.reduce((sum, seen) => sum + seen, 0) - this.capSeenBySlot[0]!;
    return {
      source,
      ...this.run,
      durationSecs,
      capabilities: capCreates > 0 ? capCreates : (this.startupCaps ?? (capsSeen > 0 ? capsSeen : null)),
      events: read.eventCount,
      gc: {
        pauses: allStats,
        byGeneration: pauses.byGeneration,
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
      threadsCreated: count[EventId.CREATE_THREAD]!,
      userMessages: count[EventId.USER_MSG]!,
      samples: {
        timeProfile: count[EventId.PROF_SAMPLE_COST_CENTRE]!,
        heapCensuses: count[EventId.HEAP_PROF_SAMPLE_BEGIN]!,
        heapSamples: count[EventId.HEAP_PROF_SAMPLE_COST_CENTRE]! + count[EventId.HEAP_PROF_SAMPLE_STRING]!,
      },
      warnings:
        this.impossibleWallClock === null
          ? read.warnings
          : [{ location: { source, byteOffset: this.impossibleWallClock.byteOffset }, message: impossibleWallClock(this.impossibleWallClock.seconds) }, ...read.warnings],
    };
  }
}
