// BLOCK_MARKER (18) starts every buffer the RTS flushes: u32 size of the block in bytes counted
// from the marker's own first byte, u64 end time (when the buffer was flushed), u16 capability
// owning the buffer (0xFFFF for the global buffer). The RTS back-patches size and end time when
// it closes the block (rts/eventlog/EventLog.c `postBlockMarker`, `closeBlockMarker`).
import { EventId } from '../format.js';
import { u16, u32, u64 } from './codecs.js';
import { layout, type PayloadLayout } from './layout.js';

const blockMarker = layout(EventId.BLOCK_MARKER, 'blockMarker', { blockSizeBytes: u32, endTimeNs: u64, cap: u16 });

export const blockMarkerLayouts = [blockMarker];

function offsetOf(of: PayloadLayout, name: string): number {
  return of.fields.find((field) => field.name === name)!.offset!;
}

/** Where the stream decoder finds the marker's fields, which it reads without decoding the event. */
export const BLOCK_MARKER = {
  payloadBytes: blockMarker.sizeBytes!,
  sizeOffset: offsetOf(blockMarker, 'blockSizeBytes'),
  endTimeOffset: offsetOf(blockMarker, 'endTimeNs'),
  capOffset: offsetOf(blockMarker, 'cap'),
};
