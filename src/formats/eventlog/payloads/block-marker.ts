// BLOCK_MARKER (18) starts every buffer the RTS flushes: u32 size of the block in bytes counted
// from the marker's own first byte, u64 end time (when the buffer was flushed), u16 capability
// owning the buffer (0xFFFF for the global buffer). The RTS back-patches size and end time when
// it closes the block (rts/eventlog/EventLog.c `postBlockMarker`, `closeBlockMarker`).
import { EventId } from '../format.js';
import type { PayloadLayout } from './layout.js';

export const BLOCK_MARKER_PAYLOAD_BYTES = 14;

export const blockMarkerLayouts: PayloadLayout[] = [
  {
    typeId: EventId.BLOCK_MARKER,
    sizeBytes: BLOCK_MARKER_PAYLOAD_BYTES,
    decode: (r) => ({ kind: 'blockMarker', blockSizeBytes: r.u32(), endTimeNs: r.u64(), cap: r.u16() }),
  },
];
