// A file on disk read forward into a few buffers used in turn, for readers that copy whatever they
// keep of a chunk (the eventlog summary, the first pass of `events`). A stream hands out a fresh
// buffer per chunk: garbage the size of the file, which the GC lets pile up between collections
// (the summary of a 1 GB eventlog peaked 30 MB above the floor of streaming it, against 5 MB
// here). The next chunk is read, on libuv's threads, while the reader works on this one, as a
// stream reads ahead.
import { open } from 'node:fs/promises';

/** The chunk handed out, the one before it (still as it was: see `reusedBufferChunks`), the one being read. */
const BUFFERS = 3;

/**
 * The file's bytes in chunks of up to `chunkBytes`. A chunk stays as it is until the one after
 * the next is asked for: a reader may look back at the chunk before while it works on this one.
 * `onRead` hears of each chunk's size as it is read. Throws Node's file-system errors.
 */
export async function* reusedBufferChunks(path: string, chunkBytes: number, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const buffers = Array.from({ length: BUFFERS }, () => new Uint8Array(chunkBytes));
  let turn = 0;
  let position = 0;
  let reading = file.read(buffers[turn]!, 0, chunkBytes, position);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      position += bytesRead;
      onRead(bytesRead);
      turn = (turn + 1) % BUFFERS;
      reading = file.read(buffers[turn]!, 0, chunkBytes, position);
      yield chunk;
    }
  } finally {
    // A reader that stops early leaves a read in flight: let it end (its failure no longer
    // matters) before the file closes.
    await reading.catch(() => undefined);
    await file.close();
  }
}
