// Looks at the first bytes of a chunk stream without losing them.
import type { ByteChunks } from './byte-chunks.js';

export interface PeekedStream {
  head: Uint8Array;
  /** All chunks, the peeked ones included, in order. */
  chunks: AsyncIterable<Uint8Array>;
}

export async function peekChunks(chunks: ByteChunks, minBytes: number): Promise<PeekedStream> {
  const iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array> = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  const seen: Uint8Array[] = [];
  let seenBytes = 0;
  let done = false;
  while (seenBytes < minBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    seenBytes += next.value.length;
  }
  const head = new Uint8Array(Math.min(seenBytes, minBytes));
  let filled = 0;
  for (const chunk of seen) {
    if (filled >= head.length) break;
    const part = chunk.subarray(0, head.length - filled);
    head.set(part, filled);
    filled += part.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, chunks: replay() };
}
