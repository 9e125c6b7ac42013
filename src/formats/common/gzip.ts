// gzip input is recognised by its two magic bytes (RFC 1952 §2.3.1), never by a `.gz` name.

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** How many leading bytes `isGzip` looks at. */
export const GZIP_MAGIC_BYTES = GZIP_MAGIC.length;

/** Whether bytes start a gzip stream. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= GZIP_MAGIC_BYTES && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}
