// Heap usage over time from an eventlog (`+RTS -h* -l`): each census is HEAP_PROF_SAMPLE_BEGIN
// (162) … END (165) with cost-centre-stack samples (163: residency and stack of cost-centre
// ids, innermost first) or string samples (164: a closure description, type, module, ...).
// Logs of GHC before 9.0 declare no END event (the RTS did not write one): there a census ends
// where the next begins, and the last at the end of the log.
import { undefinedCostCentre, type CostCentre } from '../../model/cost-centre.js';
import { costCentreStackBand } from '../../model/heap-band-name.js';
import type { HeapSample, HeapSeries } from '../../model/heap-series.js';
import { EventId } from './format.js';
import type { HeapProfBreakdown } from './event-info.js';
import { readEventlog, requireHeader } from './read-eventlog.js';
import type { ByteChunks } from '../common/byte-chunks.js';

const BREAKDOWN_NAMES: Record<HeapProfBreakdown, string> = {
  costCentre: 'cost-centre stack',
  module: 'module',
  closureDescr: 'closure description',
  typeDescr: 'type',
  retainer: 'retainer set',
  biography: 'biography',
  closureType: 'closure type',
  infoTable: 'info table',
  era: 'era',
};

const WANTED = new Set<number>([
  EventId.HEAP_PROF_BEGIN,
  EventId.HEAP_PROF_COST_CENTRE,
  EventId.HEAP_PROF_SAMPLE_BEGIN,
  EventId.HEAP_PROF_SAMPLE_COST_CENTRE,
  EventId.HEAP_PROF_SAMPLE_STRING,
  EventId.HEAP_PROF_SAMPLE_END,
  EventId.PROGRAM_ARGS,
  EventId.USER_MARKER,
]);

export async function readEventlogHeapSeries(chunks: ByteChunks, source: string): Promise<HeapSeries> {
  const series: HeapSeries = {
    source,
    format: 'eventlog',
    job: null,
    date: null,
    breakdown: null,
    timeBasis: 'elapsed',
    samples: [],
    bands: [],
    markers: [],
    warnings: [],
  };
  const costCentres = new Map<number, CostCentre>();
  const knownBands = new Set<string>();
  let open: HeapSample | null = null;
  let censuses = 0;
  /** False for logs whose censuses have no END (declared by the header, so known before any event). */
  let censusesEnd = true;
  const closeCensus = (): void => {
    if (open !== null) series.samples.push(open);
    open = null;
  };
  const addBand = (band: string, bytes: number): void => {
    if (open === null) return;
    if (!knownBands.has(band)) {
      knownBands.add(band);
      series.bands.push(band);
    }
    open.bytesByBand.set(band, (open.bytesByBand.get(band) ?? 0) + bytes);
  };
  const costCentre = (id: number): CostCentre =>
    costCentres.get(id) ?? undefinedCostCentre(id);

  const result = await readEventlog(chunks, { source, order: 'file', types: WANTED }, {
    header: (header) => {
      censusesEnd = header.byId.has(EventId.HEAP_PROF_SAMPLE_END);
    },
    event: (event) => {
      const info = event.info;
      switch (info.kind) {
        case 'heapProfBegin':
          series.breakdown = BREAKDOWN_NAMES[info.breakdown];
          break;
        case 'heapProfCostCentre':
          costCentres.set(info.costCentreId, { id: info.costCentreId, label: info.label, module: info.module, src: info.srcLoc, isCaf: info.isCaf });
          break;
        case 'heapProfSampleBegin':
          if (!censusesEnd) closeCensus();
          censuses++;
          open = { timeSecs: event.timeNs / 1e9, bytesByBand: new Map() };
          break;
        case 'heapProfSampleCostCentre':
          addBand(costCentreStackBand(info.stack.map(costCentre)), info.residencyBytes);
          break;
        case 'heapProfSampleString':
          addBand(info.label, info.residencyBytes);
          break;
        case 'heapProfSampleEnd':
          closeCensus();
          break;
        case 'programArgs':
          series.job = info.args.join(' ');
          break;
        case 'userMarker':
          series.markers.push({ timeSecs: event.timeNs / 1e9, label: info.name });
          break;
        default:
          break;
      }
    },
  });
  requireHeader(result, source);
  series.warnings.push(...result.warnings);
  // Without END events the log's end ends the last census, unless the read stopped early.
  if (!censusesEnd && result.warnings.length === 0) closeCensus();
  if (open !== null) {
    series.warnings.push({ location: { source }, message: `the eventlog ends inside heap census ${censuses}; kept the ${series.samples.length} complete ones` });
  }
  if (censuses === 0) {
    series.warnings.push({ location: { source }, message: 'the eventlog has no heap-profile samples (run the program with +RTS -h<breakdown> -l)' });
  }
  series.markers.sort((a, b) => a.timeSecs - b.timeSecs);
  return series;
}
