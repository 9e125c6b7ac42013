// A log cut short (program killed, still running, copied half-way) must yield every complete
// event, then exactly one warning naming where decoding stopped, and never throw.
import { describe, expect, it } from 'vitest';
import { decodeAll, renderShow, sampleBytes } from './helpers.js';

/** Offset of the first event: just after "hete" "hdre" "datb" (EventLogFormat.h). */
function dataOffset(bytes: Uint8Array): number {
  const marker = new TextEncoder().encode('hetehdredatb');
  for (let at = 0; at + marker.length <= bytes.length; at++) {
    if (marker.every((byte, k) => bytes[at + k] === byte)) return at + marker.length;
  }
  throw new Error('no end of header');
}

/** Offsets at which to cut: every header byte near the start, then spread over the data, plus the very end. */
function cuts(bytes: Uint8Array, count: number): number[] {
  const offsets = new Set<number>();
  for (let at = 1; at <= 64; at++) offsets.add(at);
  const start = dataOffset(bytes);
  for (const near of [start - 1, start, start + 1, start + 2, start + 11, bytes.length - 2, bytes.length - 1]) offsets.add(near);
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    offsets.add(1 + (seed % (bytes.length - 1)));
  }
  return [...offsets].sort((a, b) => a - b);
}

const SAMPLES: [string, number][] = [
  ['ghc-events/trace-binary-event.eventlog', Infinity], // small: cut at every offset
  ['ghc-events/hello-ghc-8.6.5.eventlog', 400],
  ['ghc-events/ghc-9.2-events.eventlog', 300],
  ['ghc-events/time-prof.eventlog', 300],
  ['workers/n2.eventlog', 300],
  ['interp/a/heap.eventlog', 60],
];

describe('truncated logs', () => {
  for (const [sample, count] of SAMPLES) {
    it(`${sample}: every cut yields the complete events before it and one warning`, async () => {
      const bytes = sampleBytes(sample);
      const full = await decodeAll([bytes], sample);
      expect(full.warnings).toEqual([]);
      // Event boundaries: each event starts where the previous one ends; the last ends at the
      // end-of-data marker, the file's final two bytes.
      const boundaries = [...full.events.map((event) => event.byteOffset), bytes.length - 2];
      const headerEnd = dataOffset(bytes);
      const offsets = count === Infinity ? Array.from({ length: bytes.length - 1 }, (_, i) => i + 1) : cuts(bytes, count);
      for (const cut of offsets) {
        const decoded = await decodeAll([bytes.subarray(0, cut)], sample);
        const complete = boundaries.filter((end, index) => index > 0 && end <= cut).length;
        expect(decoded.events.length, `cut at ${cut}`).toBe(complete);
        expect(decoded.events.map((event) => event.byteOffset)).toEqual(boundaries.slice(0, complete));
        expect(decoded.warnings, `cut at ${cut}`).toHaveLength(1);
        const stoppedAt = cut < headerEnd ? cut : boundaries[complete]!;
        expect(decoded.warnings[0]!.location, `cut at ${cut}`).toEqual({ source: sample, byteOffset: stoppedAt });
        expect(decoded.warnings[0]!.message).toMatch(/cut short/);
      }
    });
  }

  it('the printed text of a cut log holds the header and a warning, never an exception', async () => {
    const bytes = sampleBytes('ghc-events/ghc-9.2-events.eventlog');
    for (const cut of cuts(bytes, 40)) {
      const { text, warnings } = await renderShow([bytes.subarray(0, cut)]);
      expect(warnings).toHaveLength(1);
      if (cut >= dataOffset(bytes)) expect(text.startsWith('Event Types:\n')).toBe(true);
      else expect(text).toBe('');
    }
  });
});
