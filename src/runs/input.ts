// The I/O edge for inputs: files, `-` for stdin, gzip unwrapped transparently.
// Parsers never see a file system: they get chunks of bytes from here.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isGzip } from '../formats/common/gzip.js';
import { InputError, type InputWarning } from '../model/diagnostic.js';
import { fsErrorReason } from './fs-error.js';
import { reusedBufferChunks } from './reused-buffer-chunks.js';
import { sizeOnDisk } from './size-on-disk.js';

const CHUNK_BYTES = 1 << 20;
const IS_A_DIRECTORY = 'is a directory, expected a profile file';

export interface InputSource {
  /** The name used in messages: the path, or `-` for stdin. */
  name: string;
  /** Size of the file on disk (compressed size for .gz); null for stdin. */
  sizeBytes: number | null;
  /** Whether the file on disk is gzip, seen at its opening (false for stdin, pipes and devices, which are not peeked at). */
  gzip: boolean;
  /** Bytes read from disk so far, compressed ones for gzip (for progress). */
  bytesRead(): number;
  /** Decompressed chunks, in order, each a fresh buffer. A damaged gzip stream ends early and adds a warning. */
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * The same chunks, for a reader that copies what it keeps: each stays as it is only until the
   * one after the next is asked for. A file on disk is read into a few buffers used in turn
   * (reused-buffer-chunks.ts); gzip, stdin, pipes and devices come as from `chunks`.
   */
  transientChunks(): AsyncIterable<Uint8Array>;
  /** Warnings found while reading (a truncated gzip stream). */
  warnings: InputWarning[];
}

export function openInput(path: string): InputSource {
  const isStdin = path === '-';
  let sizeBytes: number | null = null;
  let gzip = false;
  let isFile = false;
  if (!isStdin) {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new InputError({ source: path }, IS_A_DIRECTORY);
      isFile = stat.isFile();
      ({ sizeBytes, gzip } = sizeOnDisk(path, stat));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError({ source: path }, describeFsError(error));
    }
  }
  let bytesRead = 0;
  const warnings: InputWarning[] = [];

  async function* raw(): AsyncGenerator<Uint8Array> {
    const stream: Readable = isStdin ? process.stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Uint8Array;
        bytesRead += bytes.length;
        yield bytes;
      }
    } catch (error) {
      throw new InputError({ source: path }, describeFsError(error));
    }
  }

  async function* chunks(): AsyncGenerator<Uint8Array> {
    const source = raw();
    const first = await source.next();
    if (first.done) return;
    const head = first.value;
    if (!isGzip(head)) {
      yield head;
      yield* source;
      return;
    }
    yield* gunzip(head, source, path, warnings);
  }

  async function* transientChunks(): AsyncGenerator<Uint8Array> {
    if (!isFile || gzip) {
      yield* chunks();
      return;
    }
    try {
      yield* reusedBufferChunks(path, CHUNK_BYTES, (bytes) => (bytesRead += bytes));
    } catch (error) {
      throw new InputError({ source: path }, describeFsError(error));
    }
  }

  return { name: path, sizeBytes, gzip, bytesRead: () => bytesRead, chunks, transientChunks, warnings };
}

async function* gunzip(
  head: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
  name: string,
  warnings: InputWarning[],
): AsyncGenerator<Uint8Array> {
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head;
    yield* rest;
  }
  // zlib loads only for gzipped input (a few ms of every run otherwise).
  const { createGunzip } = await import('node:zlib');
  const inflater = createGunzip({ chunkSize: CHUNK_BYTES });
  const compressed = Readable.from(all());
  compressed.on('error', (error) => inflater.destroy(error));
  compressed.pipe(inflater);
  let produced = 0;
  try {
    for await (const chunk of inflater) {
      produced += (chunk as Uint8Array).length;
      yield chunk as Uint8Array;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      // A cut-off .gz still holds useful data: hand on what inflated, and say so.
      warnings.push({
        location: { source: name, byteOffset: produced },
        message: `gzip stream is damaged or truncated (${(error as Error).message}); read ${produced} uncompressed bytes`,
      });
      return;
    }
    throw new InputError({ source: name }, `cannot decompress: ${(error as Error).message}`);
  }
}

function describeFsError(error: unknown): string {
  return (error as { code?: unknown }).code === 'EISDIR' ? IS_A_DIRECTORY : fsErrorReason(error);
}
