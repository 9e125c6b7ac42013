// Per-band figures of a heap series: how high each band peaked, and how much heap it held
// over the run (bytes integrated over time), which ranks long-lived bands above spikes.
import type { HeapSeries } from '../model/heap-series.js';
import { gapsBefore, heapGaps, type HeapGap } from './heap-gaps.js';

export interface HeapBandSummary {
  band: string;
  peakBytes: number;
  peakTimeSecs: number;
  /** Byte-seconds: the area under the band's curve (trapezoids between samples; absent = 0; none over a gap). */
  byteSeconds: number;
  meanBytes: number;
  /** Censuses in which the band had live data. */
  samplesPresent: number;
}

export interface HeapSeriesSummary {
  samples: number;
  durationSecs: number;
  peakTotalBytes: number;
  peakTotalTimeSecs: number;
  totalByteSeconds: number;
  /** Spans with no census (heap-gaps.ts): not in any area. */
  gaps: HeapGap[];
  bands: HeapBandSummary[];
}

export function summariseHeapSeries(series: HeapSeries): HeapSeriesSummary {
  const bands = new Map<string, HeapBandSummary>();
  for (const band of series.bands) {
    bands.set(band, { band, peakBytes: 0, peakTimeSecs: 0, byteSeconds: 0, meanBytes: 0, samplesPresent: 0 });
  }
  let peakTotalBytes = 0;
  let peakTotalTimeSecs = 0;
  let totalByteSeconds = 0;
  let previous: { timeSecs: number; bytesByBand: Map<string, number>; total: number } | null = null;
  const gapBefore = gapsBefore(series.samples);
  for (const [index, sample] of series.samples.entries()) {
    let total = 0;
    for (const [band, bytes] of sample.bytesByBand) {
      total += bytes;
      const summary = bands.get(band)!;
      summary.samplesPresent++;
      summary.meanBytes += bytes;
      if (bytes > summary.peakBytes) {
        summary.peakBytes = bytes;
        summary.peakTimeSecs = sample.timeSecs;
      }
    }
    if (total > peakTotalBytes) {
      peakTotalBytes = total;
      peakTotalTimeSecs = sample.timeSecs;
    }
    if (previous !== null && !gapBefore[index]) {
      const width = sample.timeSecs - previous.timeSecs;
      totalByteSeconds += ((previous.total + total) / 2) * width;
      for (const summary of bands.values()) {
        const before = previous.bytesByBand.get(summary.band) ?? 0;
        const after = sample.bytesByBand.get(summary.band) ?? 0;
        summary.byteSeconds += ((before + after) / 2) * width;
      }
    }
    previous = { timeSecs: sample.timeSecs, bytesByBand: sample.bytesByBand, total };
  }
  const count = series.samples.length;
  for (const summary of bands.values()) summary.meanBytes = count > 0 ? summary.meanBytes / count : 0;
  const first = series.samples[0];
  const last = series.samples[count - 1];
  return {
    samples: count,
    durationSecs: first && last ? last.timeSecs - first.timeSecs : 0,
    peakTotalBytes,
    peakTotalTimeSecs,
    totalByteSeconds,
    gaps: heapGaps(series.samples, gapBefore),
    bands: [...bands.values()],
  };
}

export type HeapRanking = 'peak' | 'area';

export function rankHeapBands(bands: readonly HeapBandSummary[], ranking: HeapRanking): HeapBandSummary[] {
  const key = (band: HeapBandSummary): number => (ranking === 'peak' ? band.peakBytes : band.byteSeconds);
  return [...bands].sort((a, b) => key(b) - key(a) || a.band.localeCompare(b.band));
}
