// Heap profiling and info-table provenance (ghc-events Events.hs `buildEventInfo`).
import type { HeapProfBreakdown } from '../../../formats/eventlog/index.js';
import { hex, line, list, via, type LineSpecs } from '../line-template.js';

/** ghc-events' `HeapProfBreakdown` names. */
const BREAKDOWN_NAMES: Record<HeapProfBreakdown, string> = {
  costCentre: 'cost centre',
  module: 'module',
  closureDescr: 'closure description',
  typeDescr: 'type description',
  retainer: 'retainer',
  biography: 'biography',
  closureType: 'closure type',
  infoTable: 'info table',
  era: 'era',
};

export const heapProfileLines = {
  // The filters that are set, each followed by ", ".
  heapProfBegin: {
    text: (info) => {
      const filters = [
        info.moduleFilter,
        info.closureDescrFilter,
        info.typeDescrFilter,
        info.costCentreFilter,
        info.costCentreStackFilter,
        info.retainerFilter,
        info.biographyFilter,
      ].filter((filter) => filter.length > 0);
      const filtered = filters.length === 0 ? '' : ` filtered by ${filters.map((filter) => `${filter}, `).join('')}`;
      return `start heap profiling ${info.profileId} at sampling period ${info.samplingPeriodNs} broken down by ${BREAKDOWN_NAMES[info.breakdown]}${filtered}`;
    },
  },
  heapProfCostCentre: (f) => line`cost centre ${f.costCentreId} ${f.label} in ${f.module} at ${f.srcLoc}${via(f.isCaf, (isCaf) => (isCaf ? ' CAF' : ''))}`,
  infoTableProvenance: (f) => line`Info Table: ${hex(f.infoTableAddress)}:${f.closureDesc}:${f.tableName} - ${f.srcLoc}`,
  heapProfSampleBegin: (f) => line`start heap prof sample ${f.era}`,
  heapProfSampleEnd: (f) => line`end prof sample ${f.era}`,
  heapBioProfSampleBegin: (f) => line`start heap prof sample ${f.era} at time ${f.sampleTimeNs}`,
  heapProfSampleCostCentre: (f) => line`heap prof sample ${f.profileId}, residency ${f.residencyBytes}, cost centre stack ${list(f.stack)}`,
  heapProfSampleString: (f) => line`heap prof sample ${f.profileId}, residency ${f.residencyBytes}, label ${f.label}`,
} satisfies Partial<LineSpecs>;
