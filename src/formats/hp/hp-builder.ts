// Builds a HeapSeries from the lines the heap-profile grammar recognises, in the order the
// grammar allows (grammar/hp/parser.ts: header, then censuses).
import type { HeaderKey, HeapProfileEnd, HeapProfileSink } from '../../../grammar/hp/parser.js';
import type { BandFields } from '../../../grammar/hp/tokens.js';
import type { InputWarning } from '../../model/diagnostic.js';
import { withoutStackId } from '../../model/heap-band-name.js';
import type { HeapSample, HeapSeries } from '../../model/heap-series.js';

const BREAKDOWN_BY_FLAG: Record<string, string> = {
  '-h': 'cost-centre stack',
  '-hc': 'cost-centre stack',
  '-hm': 'module',
  '-hd': 'closure description',
  '-hy': 'type',
  '-hr': 'retainer set',
  '-hb': 'biography',
  '-hT': 'closure type',
  '-hi': 'info table',
  '-he': 'era',
};

/**
 * The breakdown named by the `-h` flag in the JOB line (`interp 24 1 +RTS -hc -l -i0.01`);
 * restriction flags such as `-hcfoo` or `-hmMain` keep the breakdown letter's meaning.
 */
function breakdownFromJob(job: string): string | null {
  const rts = job.split(' +RTS ')[1];
  if (rts === undefined) return null;
  for (const word of rts.split(/\s+/)) {
    const flag = /^-h[cmdyrbTie]?$/.test(word) ? word : /^-h[cmdyrbTie]/.exec(word)?.[0];
    if (flag !== undefined && BREAKDOWN_BY_FLAG[flag] !== undefined) return BREAKDOWN_BY_FLAG[flag];
  }
  return null;
}

export class HeapProfileBuilder implements HeapProfileSink {
  private readonly series: HeapSeries;
  private readonly knownBands = new Set<string>();
  /** The census being read: between BEGIN_SAMPLE and END_SAMPLE. */
  private open: HeapSample | null = null;

  constructor(private readonly source: string) {
    this.series = {
      source,
      format: 'hp',
      job: null,
      date: null,
      breakdown: null,
      timeBasis: 'mutator-cpu',
      samples: [],
      bands: [],
      markers: [],
      warnings: [],
    };
  }

  header(key: HeaderKey, value: string): void {
    if (key === 'JOB') {
      this.series.job = value;
      this.series.breakdown = breakdownFromJob(value);
    } else if (key === 'DATE') {
      this.series.date = value;
    }
  }

  beginSample(timeSecs: number): void {
    this.open = { timeSecs, bytesByBand: new Map() };
  }

  band(fields: BandFields): void {
    // The grammar passes bands inside a census only.
    const sample = this.open!;
    const label = this.series.breakdown === 'cost-centre stack' ? withoutStackId(fields.label) : fields.label;
    if (!this.knownBands.has(label)) {
      this.knownBands.add(label);
      this.series.bands.push(label);
    }
    // Old RTSs could repeat a label within one census (bands keyed by pointer), and stacks
    // that differ only in their stack id share a band once the id is dropped: sum them.
    sample.bytesByBand.set(label, (sample.bytesByBand.get(label) ?? 0) + fields.bytes);
  }

  endSample(): void {
    this.series.samples.push(this.open!);
    this.open = null;
  }

  mark(timeSecs: number): void {
    this.series.markers.push({ timeSecs, label: 'MARK' });
  }

  /** Completes the series once the grammar has read all lines but `danglingLine` (text after the last newline). */
  finish(danglingLine: string, end: HeapProfileEnd): HeapSeries {
    const warnings: InputWarning[] = this.series.warnings;
    if (danglingLine.length > 0 || end.openSampleLine !== null) {
      // GHC flushes after every END_SAMPLE, so a killed program leaves a last census cut short:
      // drop it, as eventlog2html does.
      const line = end.openSampleLine ?? end.linesRead + 1;
      warnings.push({
        location: { source: this.source, line },
        message: `heap profile ends inside the sample begun at line ${line} (truncated?); kept the ${this.series.samples.length} complete samples before it`,
      });
    }
    return this.series;
  }
}
