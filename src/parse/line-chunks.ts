// Feeds decoded text to a line-oriented reader in pieces that end at a line break, so a
// reader never sees half a line and the file is never one string.

/**
 * Calls `consume` with runs of complete lines (each ending in `\n`) and returns the text
 * after the last line break: empty for a well-formed file, else the start of a line the
 * input ended in the middle of.
 */
export async function forEachLineRun(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  consume: (lines: string) => void,
): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  // Text after the last newline so far: the start of a line whose end is in a later chunk.
  let pending = '';
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const firstNewline = text.indexOf('\n');
    if (firstNewline < 0) {
      pending += text;
      continue;
    }
    // Consume the chunk where it lies rather than gluing it to the pending piece: copying
    // megabyte strings per chunk costs more than handling the one straddling line alone.
    let from = 0;
    if (pending.length > 0) {
      consume(pending + text.slice(0, firstNewline + 1));
      from = firstNewline + 1;
    }
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline >= from) consume(text.slice(from, lastNewline + 1));
    pending = text.slice(lastNewline + 1);
  }
  return pending + decoder.decode();
}
