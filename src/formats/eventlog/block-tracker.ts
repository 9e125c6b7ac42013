// Follows the block markers that start every flushed RTS buffer, to attribute events to a
// capability and to notice corruption.
//
// Attribution mirrors ghc-events (Incremental.hs `decodeEvents`): after a marker, events belong to
// its capability until `size - 24` bytes have been consumed; the marker itself carries its own
// capability; 0xFFFF (the global buffer) means no capability.
//
// Corruption: an event inside a block must have been posted between the block's start (the
// marker's time) and its end time (when the RTS flushed it, `closeBlockMarker`). GHC 9.0 with
// `-p -hc` can interleave two writers in the global buffer and leave garbage behind (GHC #25165,
// ghc-events #109); such bytes decode as events with absurd times long before they decode as an
// undeclared event type, so checking the time range stops at the first bad event.
//
// The lower bound is not checked for events the RTS posts with a timestamp taken earlier
// (GC_START and GC_END through rts/Trace.h `traceEventGcStartAtT`/`traceEventGcEndAtT`, called
// by rts/Stats.c with the times `+RTS -s` reports; in
// samples/big/gc-heavy.eventlog four GC_END events precede their block's start by up to 6 ms),
// nor for event types other runtimes write (Eden 23-24 and 60-80, Mercury 100-139, perf 140-159;
// EventLogFormat.h): Eden's RTS posts CREATE_MACHINE with a time of its own (ghc-events
// `parallelTest.eventlog`: 965 ns inside a block that starts at 1016685948 ns). Nothing is posted
// after its block was flushed, so the upper bound holds for every event.
import { BLOCK_MARKER_EVENT_BYTES, EventId, NO_CAPABILITY } from './format.js';

const TWO_TO_32 = 4294967296;

export class BlockTracker {
  /** Capability the next event is attributed to, or -1. */
  private blockCap = -1;
  /** Bytes of the current block not yet consumed, as ghc-events counts them. */
  private remainingBytes = 0;
  /** Range of the current block, for the corruption check. */
  private blockStartOffset = -1;
  private blockEndOffset = -1;
  private blockStartTimeNs = 0;
  private blockEndTimeNs = 0;
  private blockMarkerCap = -1;

  /** Records a block marker; returns the capability the marker itself is attributed to. */
  enterBlock(markerOffset: number, timeNs: number, blockSizeBytes: number, endTimeNs: number, cap: number): number {
    // ghc-events subtracts the marker's 24 bytes in Word32 arithmetic, so a size below 24 wraps.
    const following = blockSizeBytes - BLOCK_MARKER_EVENT_BYTES;
    this.remainingBytes = following >= 0 ? following : following + TWO_TO_32;
    this.blockCap = cap === NO_CAPABILITY ? -1 : cap;
    this.blockMarkerCap = cap;
    this.blockStartOffset = markerOffset;
    this.blockEndOffset = markerOffset + blockSizeBytes;
    this.blockStartTimeNs = timeNs;
    this.blockEndTimeNs = endTimeNs;
    return this.blockCap;
  }

  /** Attributes an ordinary event of `totalBytes` bytes; returns its capability or -1. */
  attribute(totalBytes: number): number {
    const cap = this.blockCap;
    this.remainingBytes -= totalBytes;
    // Stored for every event, not only at a block's end: see isOutOfRange.
    this.blockCap = this.remainingBytes <= 0 ? -1 : cap;
    return cap;
  }

  /** True when an event starting at `eventOffset` with time `timeNs` lies outside its block's time range. */
  isOutOfRange(eventOffset: number, timeNs: number, typeId: number): boolean {
    // Every part is evaluated for every event (`|`, `&`, not `||`, `&&`): the JIT optimises this
    // per-event code early, drops what has not run yet, and falls back to slow code for a while
    // the first time it does (a block's end, an early timestamp), which a big log cannot afford.
    const outside = Number(eventOffset < this.blockEndOffset) & (Number(timeNs > this.blockEndTimeNs) | (Number(timeNs < this.blockStartTimeNs) & OWN_TIMESTAMP[typeId]!));
    return outside === 1;
  }

  describeBlock(): string {
    const cap = this.blockMarkerCap === NO_CAPABILITY ? 'global buffer' : `cap ${this.blockMarkerCap}`;
    return `block of ${cap} at byte ${this.blockStartOffset} spans ${this.blockStartTimeNs}..${this.blockEndTimeNs} ns`;
  }
}

/**
 * 1 for each event type whose timestamp is taken when it is written into the buffer, by id: all
 * but GC_START and GC_END and the other runtimes' types. Filled by ranges: a call per id would
 * add milliseconds to the start of every command that reads eventlogs.
 */
const OWN_TIMESTAMP = new Uint8Array(0x10000).fill(1);
OWN_TIMESTAMP[EventId.GC_START] = 0;
OWN_TIMESTAMP[EventId.GC_END] = 0;
for (const [first, last] of [
  [23, 24],
  [60, 80],
  [100, 159],
] as const) {
  OWN_TIMESTAMP.fill(0, first, last + 1);
}
