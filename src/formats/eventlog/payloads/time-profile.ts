// Time-profile events (`+RTS -p -l`, GHC 8.10+). On every profiler tick the RTS posts one
// sample per capability with the global tick count and that capability's current cost-centre
// stack (rts/Proftimer.c `handleProfTick`, rts/eventlog/EventLog.c `postProfSampleCostCentre`).
// Layouts: ghc-events Binary.hs `timeProfParsers`.
import { EventId } from '../format.js';
import { costCentreStack, i32Cap, u64 } from './codecs.js';
import { layout } from './layout.js';

export const timeProfileLayouts = [
  layout(EventId.PROF_BEGIN, 'profBegin', { tickIntervalNs: u64 }),
  layout(EventId.PROF_SAMPLE_COST_CENTRE, 'profSampleCostCentre', { capability: i32Cap, ticks: u64, stack: costCentreStack }),
];
