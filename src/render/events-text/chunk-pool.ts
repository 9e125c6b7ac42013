/**
 * Output chunks given back to the printer to fill again. Printing a big log to new chunks would
 * have the garbage collector hold tens of megabytes of written chunks, and fresh memory is slow
 * to fault in.
 */
export class ChunkPool {
  private readonly spare: Uint8Array[] = [];

  /** Gives back a chunk the printer wrote; the caller must not read it afterwards. */
  release(chunk: Uint8Array): void {
    this.spare.push(new Uint8Array(chunk.buffer, 0, chunk.buffer.byteLength));
  }

  /** A spare buffer of at least `bytes`, or a new one. */
  take(bytes: number): Uint8Array {
    for (let buffer = this.spare.pop(); buffer !== undefined; buffer = this.spare.pop()) {
      if (buffer.length >= bytes) return buffer;
    }
    return new Uint8Array(bytes);
  }
}
