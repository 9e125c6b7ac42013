// How an input reaches a reader: its bytes in order, in chunks of any size, so no reader
// needs the whole file in memory (files, stdin and .gz come from runs/input.ts; tests and
// browsers pass arrays).

export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Chunks for the line-based text readers, which also take strings. */
export type TextChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
