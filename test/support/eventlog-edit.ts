// Adds events to a real eventlog for tests that need combinations GHC did not write in one
// run (time samples and user markers). Events go just before the end-of-data marker
// (0xFFFF), outside any block, which GHC's format allows (docs/formats.md §5.4).

export interface UserMarker {
  timeNs: number;
  name: string;
}

const USER_MARKER = 58;

export function withUserMarkers(eventlog: Uint8Array, markers: readonly UserMarker[]): Uint8Array {
  const end = eventlog.length - 2;
  if (eventlog[end] !== 0xff || eventlog[end + 1] !== 0xff) throw new Error('expected the eventlog to end with the 0xFFFF end-of-data marker');
  const encoded = markers.map((marker) => {
    const name = new TextEncoder().encode(marker.name);
    const bytes = new Uint8Array(12 + name.length);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, USER_MARKER);
    view.setBigUint64(2, BigInt(marker.timeNs));
    view.setUint16(10, name.length);
    bytes.set(name, 12);
    return bytes;
  });
  const total = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  const result = new Uint8Array(eventlog.length + total);
  result.set(eventlog.subarray(0, end), 0);
  let offset = end;
  for (const bytes of encoded) {
    result.set(bytes, offset);
    offset += bytes.length;
  }
  result.set([0xff, 0xff], offset);
  return result;
}
