// `ghcprof heap`: bands ranked by peak or by area, as text, CSV or JSON.
import type { HeapRanking, HeapSeriesSummary } from '../analyze/heap-bands.js';
import type { HeapSeries } from '../model/heap-series.js';
import { formatWarning } from '../model/diagnostic.js';
import { percent } from '../model/percent.js';
import { formatBytes } from './bytes.js';
import { visibleText } from './program-text.js';
import { renderTable, type Table, type TableFormat, type TableOptions } from './table.js';

export interface HeapReportContent {
  series: HeapSeries;
  summary: HeapSeriesSummary;
  ranking: HeapRanking;
  /** Ranked bands, already cut to --top. */
  bands: HeapSeriesSummary['bands'];
}

function bandTable(content: HeapReportContent, machine: boolean): Table {
  return {
    columns: [
      { title: 'BAND', align: 'left' },
      { title: machine ? 'peak bytes' : 'peak', align: 'right' },
      { title: 'at (s)', align: 'right' },
      { title: machine ? 'byte seconds' : 'area (byte·s)', align: 'right' },
      { title: '%area', align: 'right' },
      { title: machine ? 'mean bytes' : 'mean', align: 'right' },
      { title: 'samples', align: 'right' },
    ],
    rows: content.bands.map((band) => [
      band.band,
      machine ? String(band.peakBytes) : formatBytes(band.peakBytes),
      band.peakTimeSecs.toFixed(3),
      machine ? String(Math.round(band.byteSeconds)) : `${formatBytes(band.byteSeconds)}·s`,
      percent(band.byteSeconds, content.summary.totalByteSeconds).toFixed(1),
      machine ? String(Math.round(band.meanBytes)) : formatBytes(band.meanBytes),
      String(band.samplesPresent),
    ]),
  };
}

export function renderHeapReport(content: HeapReportContent, format: TableFormat, options: TableOptions = {}): string {
  if (format !== 'text') return renderTable(bandTable(content, true), format);
  const { series, summary } = content;
  const lines = [
    // The path, date, job and breakdown are the profile's text (program-text.ts); bands are shown by the table.
    `${visibleText(series.source)}  (${series.format === 'hp' ? 'heap profile' : 'eventlog heap samples'}${series.date ? `, ${visibleText(series.date)}` : ''})`,
  ];
  if (series.job) lines.push(`  job         ${visibleText(series.job)}`);
  if (series.breakdown) lines.push(`  breakdown   ${visibleText(series.breakdown)}`);
  lines.push(
    `  samples     ${summary.samples} over ${summary.durationSecs.toFixed(3)} s (${series.timeBasis === 'mutator-cpu' ? 'mutator CPU time' : 'elapsed time'})`,
  );
  lines.push(`  peak heap   ${formatBytes(summary.peakTotalBytes)} at ${summary.peakTotalTimeSecs.toFixed(3)} s; ${series.bands.length} bands`);
  if (summary.gaps.length > 0) {
    const spans = summary.gaps.map((gap) => `${gap.fromSecs.toFixed(3)}-${gap.toSecs.toFixed(3)} s`).join(', ');
    lines.push(`  no census   ${spans} (far apart from the rest; not in any area)`);
  }
  const title = content.ranking === 'peak' ? 'by peak' : 'by area (bytes held over time)';
  lines.push('', `Bands ${title} (top ${content.bands.length} of ${series.bands.length}):`, '');
  return `${lines.join('\n')}\n${renderTable(bandTable(content, false), 'text', options)}`;
}

export function heapReportJson(content: HeapReportContent): object {
  const { series, summary } = content;
  return {
    series: {
      source: series.source,
      format: series.format,
      job: series.job,
      date: series.date,
      breakdown: series.breakdown,
      timeBasis: series.timeBasis,
      samples: summary.samples,
      bands: series.bands.length,
      durationSecs: summary.durationSecs,
      peakTotalBytes: summary.peakTotalBytes,
      peakTotalTimeSecs: summary.peakTotalTimeSecs,
      totalByteSeconds: summary.totalByteSeconds,
      gaps: summary.gaps,
      markers: series.markers,
    },
    ranking: content.ranking,
    bands: content.bands,
    warnings: series.warnings.map(formatWarning),
  };
}
