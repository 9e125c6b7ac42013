// Opens an input path and runs a reader over its chunks, with progress on a terminal; the
// input's own warnings (a damaged gzip stream) go first in the result's warnings.
import type { InputWarning } from '../model/diagnostic.js';
import { openInput } from './input.js';
import { showReadProgress } from './progress.js';

/**
 * `copiesWhatItKeeps`: the reader keeps nothing of a chunk past the next one without copying it,
 * so it can be given chunks read into reused buffers (`InputSource.transientChunks`).
 */
export async function readInput<T extends { warnings: InputWarning[] }>(
  path: string,
  read: (chunks: AsyncIterable<Uint8Array>, name: string) => Promise<T>,
  { copiesWhatItKeeps = false } = {},
): Promise<T> {
  const input = openInput(path);
  const progress = showReadProgress(input, `reading ${path}`);
  try {
    const result = await read(copiesWhatItKeeps ? input.transientChunks() : input.chunks(), input.name);
    result.warnings.unshift(...input.warnings);
    return result;
  } finally {
    progress.stop();
  }
}
