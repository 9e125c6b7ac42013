// How big a profile file is, for what is decided before it is read (whether to draw a progress
// bar, whether worker threads repay their start): its size on disk and whether it is gzip,
// known by its magic bytes as the reader knows it (formats/common/gzip.ts), never by its name.
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { GZIP_MAGIC_BYTES, isGzip } from '../formats/common/gzip.js';

/** A gzipped profile's text, guessed from its size on disk (big.prof.gz: 3.9 MB of 60 MB). */
const GZIP_RATIO = 10;

export interface SizeOnDisk {
  sizeBytes: number;
  /** Whether the file starts as a gzip stream (false for a pipe or device: its bytes are not peeked at, or a reader would miss them). */
  gzip: boolean;
}

/** The size and compression of the file at `path` (whose `stat` the caller may have); throws Node's file-system errors. */
export function sizeOnDisk(path: string, stat: Stats = statSync(path)): SizeOnDisk {
  if (!stat.isFile() || stat.size < GZIP_MAGIC_BYTES) return { sizeBytes: stat.size, gzip: false };
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(GZIP_MAGIC_BYTES);
    return { sizeBytes: stat.size, gzip: isGzip(head.subarray(0, readSync(fd, head, 0, head.length, 0))) };
  } finally {
    closeSync(fd);
  }
}

/** The text a file of this size holds, or about (gzip): what reading it costs. */
export function textBytesOf(size: SizeOnDisk): number {
  return size.gzip ? size.sizeBytes * GZIP_RATIO : size.sizeBytes;
}
