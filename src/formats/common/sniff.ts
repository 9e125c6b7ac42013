// What the format registry looks at to tell inputs apart: the first bytes, by content,
// never by file name (`-p` and `-pj` both write `<prog>.prof`; docs/formats.md §1.1).

/** How many leading bytes are enough to recognise every format. */
export const SNIFF_BYTES = 512;

/** The start of a text input (the sniffed bytes), past a UTF-8 byte-order mark and leading white space, decoded. */
export function textHead(head: Uint8Array): string {
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return new TextDecoder('utf-8').decode(head.subarray(i));
}
