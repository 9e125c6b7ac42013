// Chunk boundaries may fall anywhere, inside the header, an event's type, time, length or payload:
// the output must not depend on them.
import { describe, expect, it } from 'vitest';
import { decodeAll, renderShow, sampleBytes, sampleText, splitAt } from './helpers.js';

describe('chunked input', () => {
  const sample = 'ghc-events/trace-binary-event.eventlog';
  const bytes = sampleBytes(sample);
  const reference = sampleText(`${sample}.reference`);

  it('two chunks split at every position print what ghc-events printed', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text, warnings } = await renderShow(splitAt(bytes, cut));
      expect(warnings, `split at ${cut}`).toEqual([]);
      expect(text === reference, `split at ${cut}`).toBe(true);
    }
  });

  it('one byte per chunk gives the same events as one chunk', async () => {
    const whole = await decodeAll([bytes]);
    const oneByOne = await decodeAll(Array.from(bytes, (byte) => Uint8Array.of(byte)));
    expect(oneByOne).toEqual(whole);
  });

  it('chunks of varied sizes over a larger log give the same events as one chunk', async () => {
    const larger = sampleBytes('workers/n2.eventlog');
    const whole = await decodeAll([larger]);
    for (const size of [3, 7, 10, 11, 12, 13, 64, 1000]) {
      const offsets = Array.from({ length: Math.floor((larger.length - 1) / size) }, (_, i) => (i + 1) * size);
      expect(await decodeAll(splitAt(larger, ...offsets)), `chunks of ${size}`).toEqual(whole);
    }
  });
});
