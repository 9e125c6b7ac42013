// `ghcprof eventlog`: the summary as text (JSON is the EventlogSummary itself).
import type { EventlogSummary } from '../analyze/eventlog-summary.js';
import type { PauseStatistics } from '../analyze/pause-statistics.js';
import { formatBytes } from './bytes.js';
import { formatDuration } from './duration.js';
import { formatCount } from './numbers.js';
import { visibleText } from './program-text.js';
import { renderTable } from './table.js';

function pauseRow(name: string, stats: PauseStatistics): string[] {
  return [
    name,
    formatCount(stats.count),
    formatDuration(stats.meanSecs),
    formatDuration(stats.p50Secs),
    formatDuration(stats.p95Secs),
    formatDuration(stats.p99Secs),
    formatDuration(stats.maxSecs),
    formatDuration(stats.totalSecs),
  ];
}

export function renderEventlogSummary(summary: EventlogSummary): string {
  // The path, start date, arguments and RTS identity are the eventlog's text (program-text.ts); markers are shown by the table.
  const lines: string[] = [`${visibleText(summary.source)}  (eventlog${summary.startedAt ? `, started ${visibleText(summary.startedAt)}` : ''})`];
  if (summary.arguments.length > 0) lines.push(`  command       ${visibleText(summary.arguments.join(' '))}`);
  if (summary.rtsVersion) lines.push(`  RTS           ${visibleText(summary.rtsVersion)}`);
  lines.push(`  duration      ${formatDuration(summary.durationSecs)} elapsed${summary.capabilities !== null ? `, ${summary.capabilities} ${summary.capabilities === 1 ? 'capability' : 'capabilities'}` : ''}`);
  lines.push(`  events        ${formatCount(summary.events)}`);

  const { gc, heap } = summary;
  lines.push('', 'Garbage collection');
  if (gc.pauses.count === 0) lines.push('  no GC events in this log');
  else {
    const productivity = gc.productivity === null ? '' : `${(gc.productivity * 100).toFixed(1)}% mutator, ${((1 - gc.productivity) * 100).toFixed(1)}% GC`;
    lines.push(`  productivity  ${productivity} (${formatDuration(gc.mutatorSecs)} mutator, ${formatDuration(gc.gcSecs)} in pauses; elapsed time)`);
    // The RTS takes each heap census inside a GC: with -h, pauses hold census time, and the
    // productivity is not the program's.
    if (summary.samples.heapCensuses > 0) {
      lines.push(`                with heap profiling (${formatCount(summary.samples.heapCensuses)} censuses): census time counts as GC, so productivity reads low`);
    }
    lines.push('');
    const rows = [pauseRow('all', gc.pauses), ...gc.byGeneration.map((generation) => pauseRow(`gen ${generation.generation}`, generation))];
    const table = renderTable(
      {
        columns: [
          { title: 'pauses', align: 'left' },
          ...['count', 'mean', 'p50', 'p95', 'p99', 'max', 'total'].map((title) => ({ title, align: 'right' as const })),
        ],
        rows,
      },
      'text',
    );
    lines.push(...table.trimEnd().split('\n').map((line) => `  ${line}`));
  }

  lines.push('', 'Heap');
  if (heap.allocatedBytes !== null) {
    const rates = [
      heap.allocationRateBytesPerSec !== null ? `${formatBytes(heap.allocationRateBytesPerSec)}/s elapsed` : null,
      heap.mutatorAllocationRateBytesPerSec !== null ? `${formatBytes(heap.mutatorAllocationRateBytesPerSec)}/s mutator` : null,
    ].filter((rate) => rate !== null);
    lines.push(`  allocated     ${formatBytes(heap.allocatedBytes)} (${rates.join(', ')})`);
  }
  if (heap.peakLiveBytes !== null) lines.push(`  peak live     ${formatBytes(heap.peakLiveBytes)}`);
  if (heap.peakSizeBytes !== null) lines.push(`  peak size     ${formatBytes(heap.peakSizeBytes)}`);
  if (heap.allocatedBytes === null && heap.peakLiveBytes === null && heap.peakSizeBytes === null) lines.push('  no heap events in this log');

  lines.push('', 'Threads and messages');
  lines.push(`  threads created ${formatCount(summary.threadsCreated)}; user messages ${formatCount(summary.userMessages)}; markers ${formatCount(summary.markers.length)}`);
  if (summary.markers.length > 0) {
    lines.push('');
    const table = renderTable(
      {
        columns: [
          { title: 'time (s)', align: 'right' },
          { title: 'cap', align: 'right' },
          { title: 'marker', align: 'left' },
        ],
        rows: summary.markers.map((marker) => [marker.timeSecs.toFixed(6), marker.cap === null ? '' : String(marker.cap), marker.name]),
      },
      'text',
    );
    lines.push(...table.trimEnd().split('\n').map((line) => `  ${line}`));
  }

  lines.push('', 'Profiling samples');
  lines.push(
    `  time profile  ${formatCount(summary.samples.timeProfile)} samples; heap profile ${formatCount(summary.samples.heapCensuses)} censuses (${formatCount(summary.samples.heapSamples)} band samples)`,
  );
  return `${lines.join('\n')}\n`;
}
