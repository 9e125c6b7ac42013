// Builds a HeapSeries from the lines the heap-profile grammar recognises.
import type { HeaderKey, HeapProfileSink } from '../../../grammar/hp/parser.js';
import type { BandFields } from '../../../grammar/hp/tokens.js';
import { InputError, type InputWarning } from '../../model/diagnostic.js';
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
export function breakdownFromJob(job: string): string | null {
  const rts = job.split(' +RTS ')[1];
  if (rts === undefined) return null;
  for (const word of rts.split(/\s+/)) {
    const flag = /^-h[cmdyrbTie]?$/.test(word) ? word : /^-h[cmdyrbTie]/.exec(word)?.[0];
    if (flag !== undefined && BREAKDOWN_BY_FLAG[flag] !== undefined) return BREAKDOWN_BY_FLAG[flag]!;
  }
  return null;
}

export class HeapProfileBuilder implements HeapProfileSink {
  linesRead = 0;
  private readonly series: HeapSeries;
  private readonly knownBands = new Set<string>();
  private open: HeapSample | null = null;
  private openLine = 0;
  private sawHeader = false;

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

  private fail(message: string): never {
    throw new InputError({ source: this.source, line: this.linesRead + 1 }, message);
  }

  header(key: HeaderKey, value: string): void {
    this.sawHeader = true;
    if (key === 'JOB') {
      this.series.job = value;
      this.series.breakdown = breakdownFromJob(value);
    }
    else if (key === 'DATE') this.series.date = value;
    else if (key === 'SAMPLE_UNIT' && value !== 'seconds') this.fail(`expected SAMPLE_UNIT "seconds", found "${value}"`);
    else if (key === 'VALUE_UNIT' && value !== 'bytes') this.fail(`expected VALUE_UNIT "bytes", found "${value}"`);
    this.linesRead++;
  }

  beginSample(timeSecs: number): void {
    if (!this.sawHeader) this.fail('expected the JOB/DATE/SAMPLE_UNIT/VALUE_UNIT header before the first sample');
    if (this.open !== null) this.fail(`BEGIN_SAMPLE inside the sample begun at line ${this.openLine}; expected END_SAMPLE ${this.open.timeSecs}`);
    this.open = { timeSecs, bytesByBand: new Map() };
    this.openLine = this.linesRead + 1;
    this.linesRead++;
  }

  band(fields: BandFields): void {
    const sample = this.open;
    if (sample === null) this.fail('a band line outside BEGIN_SAMPLE … END_SAMPLE');
    const label = this.series.breakdown === 'cost-centre stack' ? withoutStackId(fields.label) : fields.label;
    if (!this.knownBands.has(label)) {
      this.knownBands.add(label);
      this.series.bands.push(label);
    }
    // Old RTSs could repeat a label within one census (bands keyed by pointer), and stacks
    // that differ only in their stack id share a band once the id is dropped: sum them.
    sample.bytesByBand.set(label, (sample.bytesByBand.get(label) ?? 0) + fields.bytes);
    this.linesRead++;
  }

  endSample(timeSecs: number): void {
    const sample = this.open;
    if (sample === null) this.fail('END_SAMPLE without BEGIN_SAMPLE');
    if (timeSecs !== sample.timeSecs) this.fail(`END_SAMPLE ${timeSecs} closes the sample begun at ${sample.timeSecs} (line ${this.openLine})`);
    this.series.samples.push(sample);
    this.open = null;
    this.linesRead++;
  }

  mark(timeSecs: number): void {
    this.series.markers.push({ timeSecs, label: 'MARK' });
    this.linesRead++;
  }

  blank(): void {
    this.linesRead++;
  }

  finish(danglingLine: string): HeapSeries {
    const warnings: InputWarning[] = this.series.warnings;
    if (!this.sawHeader) throw new InputError({ source: this.source, line: 1 }, 'empty file; expected a heap profile starting with JOB "..."');
    if (danglingLine.length > 0 || this.open !== null) {
      // GHC flushes after every END_SAMPLE, so a killed program leaves a last census cut short:
      // drop it, as eventlog2html does.
      const line = this.open !== null ? this.openLine : this.linesRead + 1;
      warnings.push({
        location: { source: this.source, line },
        message: `heap profile ends inside the sample begun at line ${line} (truncated?); kept the ${this.series.samples.length} complete samples before it`,
      });
    }
    return this.series;
  }
}
