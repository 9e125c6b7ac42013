// Sniffs what kind of GHC output some bytes are: by content, never by file name
// (`-p` and `-pj` both write `<prog>.prof`; formats-reference.md §1.1).

export type InputKind = 'prof-text' | 'prof-json' | 'eventlog' | 'heap-profile' | 'unknown';

const EVENTLOG_MAGIC = [0x68, 0x64, 0x72, 0x62]; // "hdrb"

export function detectInputKind(head: Uint8Array): InputKind {
  if (EVENTLOG_MAGIC.every((byte, i) => head[i] === byte)) return 'eventlog';
  let i = 0;
  // A UTF-8 byte-order mark, then white space, may precede the content.
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const text = new TextDecoder('utf-8').decode(head.subarray(i, i + 256));
  // GHC's JSON starts `{` then a quoted key; a Haskell source file may start `{-# LANGUAGE`.
  if (/^\{\s*("|$)/.test(text)) return 'prof-json';
  if (text.startsWith('JOB ')) return 'heap-profile';
  if (/^\t?[^\n]*Time and Allocation Profiling Report/.test(text)) return 'prof-text';
  return 'unknown';
}
