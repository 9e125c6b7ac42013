// Heap-profile events (`+RTS -h* -l`, GHC 8.2+), cost-centre definitions (also sent for time
// profiles) and info-table provenance (GHC 9.2+). Strings here are NUL-terminated UTF-8
// (eventlog-formats.rst). Layouts: ghc-events Binary.hs `heapProfParsers`; writers:
// rts/eventlog/EventLog.c `postHeapProf*`, `postIPE`.
import { EventId } from '../format.js';
import type { HeapProfBreakdown } from '../event-info.js';
import { InvalidFieldError } from '../payload-reader.js';
import { costCentreStack } from './cost-centre-stack.js';
import type { PayloadLayout } from './layout.js';

/** HEAP_PROF_BEGIN's u32 breakdown: EventLogFormat.h `HEAP_PROF_BREAKDOWN_*` (1-based). */
const BREAKDOWNS: readonly (HeapProfBreakdown | undefined)[] = [
  undefined,
  'costCentre', // -hc
  'module', // -hm
  'closureDescr', // -hd
  'typeDescr', // -hy
  'retainer', // -hr
  'biography', // -hb
  'closureType', // -hT
  'infoTable', // -hi (9.2)
  'era', // -he (9.10)
];

export const heapProfileLayouts: PayloadLayout[] = [
  // u8 profile id, u64 sampling period (ns), u32 breakdown, then seven filter strings.
  {
    typeId: EventId.HEAP_PROF_BEGIN,
    sizeBytes: null,
    decode: (r) => {
      const profileId = r.u8();
      const samplingPeriodNs = r.u64();
      const breakdownCode = r.u32();
      const breakdown = BREAKDOWNS[breakdownCode];
      if (breakdown === undefined) throw new InvalidFieldError(`unknown heap-profile breakdown ${breakdownCode}`);
      return {
        kind: 'heapProfBegin',
        profileId,
        samplingPeriodNs,
        breakdown,
        moduleFilter: r.textNul(),
        closureDescrFilter: r.textNul(),
        typeDescrFilter: r.textNul(),
        costCentreFilter: r.textNul(),
        costCentreStackFilter: r.textNul(),
        retainerFilter: r.textNul(),
        biographyFilter: r.textNul(),
      };
    },
  },
  // u32 cost-centre id, label, module, source location, u8 flags (bit 0: the cost centre is a CAF).
  {
    typeId: EventId.HEAP_PROF_COST_CENTRE,
    sizeBytes: null,
    decode: (r) => ({
      kind: 'heapProfCostCentre',
      costCentreId: r.u32(),
      label: r.textNul(),
      module: r.textNul(),
      srcLoc: r.textNul(),
      isCaf: (r.u8() & 1) !== 0,
    }),
  },
  // u64 info-table address, table name, closure description (a decimal closure type), type
  // description, label, module, source location.
  {
    typeId: EventId.IPE,
    sizeBytes: null,
    decode: (r) => {
      const infoTableAddress = r.u64Big();
      const tableName = r.textNul();
      const closureDescText = r.textNul();
      // ghc-events parses the leading decimal digits (`Data.Text.Read.decimal`).
      const digits = /^[0-9]+/.exec(closureDescText);
      if (digits === null) throw new InvalidFieldError(`closure description ${JSON.stringify(closureDescText)} is not a number`);
      return {
        kind: 'infoTableProvenance',
        infoTableAddress,
        tableName,
        closureDesc: Number(digits[0]),
        typeDesc: r.textNul(),
        label: r.textNul(),
        module: r.textNul(),
        srcLoc: r.textNul(),
      };
    },
  },
  // The "sample number" is the RTS's era, which stays 0 except for biographical (-hb) profiles.
  { typeId: EventId.HEAP_PROF_SAMPLE_BEGIN, sizeBytes: 8, decode: (r) => ({ kind: 'heapProfSampleBegin', era: r.u64() }) },
  { typeId: EventId.HEAP_PROF_SAMPLE_END, sizeBytes: 8, decode: (r) => ({ kind: 'heapProfSampleEnd', era: r.u64() }) },
  // -hb samples are all written at exit; the payload keeps the time each was taken.
  {
    typeId: EventId.HEAP_BIO_PROF_SAMPLE_BEGIN,
    sizeBytes: 16,
    decode: (r) => ({ kind: 'heapBioProfSampleBegin', era: r.u64(), sampleTimeNs: r.u64() }),
  },
  // u8 profile id, u64 residency in bytes, then the cost-centre stack.
  {
    typeId: EventId.HEAP_PROF_SAMPLE_COST_CENTRE,
    sizeBytes: null,
    decode: (r) => ({ kind: 'heapProfSampleCostCentre', profileId: r.u8(), residencyBytes: r.u64(), stack: costCentreStack(r) }),
  },
  // u8 profile id, u64 residency in bytes, then the band label (the same strings as the .hp file).
  {
    typeId: EventId.HEAP_PROF_SAMPLE_STRING,
    sizeBytes: null,
    decode: (r) => ({ kind: 'heapProfSampleString', profileId: r.u8(), residencyBytes: r.u64(), label: r.textNul() }),
  },
];
