// Heap-profile events (`+RTS -h* -l`, GHC 8.2+), cost-centre definitions (also sent for time
// profiles) and info-table provenance (GHC 9.2+). Strings here are NUL-terminated UTF-8
// (eventlog-formats.rst). Layouts: ghc-events Binary.hs `heapProfParsers`; writers:
// rts/eventlog/EventLog.c `postHeapProf*`, `postIPE`.
import { EventId } from '../format.js';
import { costCentreStack, decimalUtf8Nul, heapProfBreakdown, u32, u64, u64Id, u8, u8Flag, utf8Nul } from './codecs.js';
import { layout } from './layout.js';

export const heapProfileLayouts = [
  layout(EventId.HEAP_PROF_BEGIN, 'heapProfBegin', {
    profileId: u8,
    samplingPeriodNs: u64,
    breakdown: heapProfBreakdown,
    moduleFilter: utf8Nul,
    closureDescrFilter: utf8Nul,
    typeDescrFilter: utf8Nul,
    costCentreFilter: utf8Nul,
    costCentreStackFilter: utf8Nul,
    retainerFilter: utf8Nul,
    biographyFilter: utf8Nul,
  }),
  // Flags bit 0: the cost centre is a CAF.
  layout(EventId.HEAP_PROF_COST_CENTRE, 'heapProfCostCentre', { costCentreId: u32, label: utf8Nul, module: utf8Nul, srcLoc: utf8Nul, isCaf: u8Flag }),
  // The closure description is a decimal closure type.
  layout(EventId.IPE, 'infoTableProvenance', {
    infoTableAddress: u64Id,
    tableName: utf8Nul,
    closureDesc: decimalUtf8Nul,
    typeDesc: utf8Nul,
    label: utf8Nul,
    module: utf8Nul,
    srcLoc: utf8Nul,
  }),
  // The "sample number" is the RTS's era, which stays 0 except for biographical (-hb) profiles.
  layout(EventId.HEAP_PROF_SAMPLE_BEGIN, 'heapProfSampleBegin', { era: u64 }),
  layout(EventId.HEAP_PROF_SAMPLE_END, 'heapProfSampleEnd', { era: u64 }),
  // -hb samples are all written at exit; the payload keeps the time each was taken.
  layout(EventId.HEAP_BIO_PROF_SAMPLE_BEGIN, 'heapBioProfSampleBegin', { era: u64, sampleTimeNs: u64 }),
  // The stack holds cost-centre ids (HEAP_PROF_COST_CENTRE), innermost first, without MAIN
  // (rts/eventlog/EventLog.c `postHeapProfSampleCostCentre`); the RTS caps its depth at 255.
  layout(EventId.HEAP_PROF_SAMPLE_COST_CENTRE, 'heapProfSampleCostCentre', { profileId: u8, residencyBytes: u64, stack: costCentreStack }),
  // The band label: the same strings as the .hp file.
  layout(EventId.HEAP_PROF_SAMPLE_STRING, 'heapProfSampleString', { profileId: u8, residencyBytes: u64, label: utf8Nul }),
];
