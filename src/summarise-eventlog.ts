// An eventlog's summary from its bytes: the eventlog reader feeds the summary's collector the
// events it asks for. Apart from the library's face (index.ts) so that the `eventlog` command
// loads the eventlog reader and this one analysis, not every reader and renderer.
import { EventlogSummaryCollector, type EventlogSummary } from './analyze/eventlog-summary.js';
import type { ByteChunks } from './formats/common/byte-chunks.js';
import { readEventlog, requireHeader } from './formats/eventlog/index.js';

export async function summariseEventlogChunks(chunks: ByteChunks, source: string): Promise<EventlogSummary> {
  const collector = new EventlogSummaryCollector();
  const read = await readEventlog(chunks, { source, order: 'file', types: EventlogSummaryCollector.types }, collector);
  requireHeader(read, source);
  return collector.summary(source, read);
}
