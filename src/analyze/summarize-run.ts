// A run's summary (model/run-summary.ts) from its profile: the record loadRuns makes, and the
// per cost centre and per module totals RunAggregator.addRun pools, so that
// RunAggregator.addSummary puts in exactly the same values.
import type { Profile } from '../model/profile.js';
import { formatWarning } from '../model/diagnostic.js';
import { SUMMARY_VERSION, type RunSummary, type SummaryRunDirectory } from '../model/run-summary.js';
import { costCentreTotals, profileTotals } from './cost-centre-totals.js';
import { runRecordOf } from './run-record.js';

/** Where the run was found: the fields of a RunInput that the record keeps. */
export interface SummarizedInput {
  profilePath: string;
  runDirectory: string | null;
  node: string | null;
}

/** loadRuns leaves out eventlogs without time samples; so do summaries. Null when the run counts. */
export function unsummarizableReason(profile: Pick<Profile, 'metadata'>): string | null {
  return profile.metadata.format === 'eventlog' && (profile.metadata.totalTicks ?? 0) === 0 ? 'no time-profile samples' : null;
}

export interface SummarizeOptions {
  input: SummarizedInput;
  /** Numeric RTS statistics of the run (`cardano-node.stats`), {} when none. */
  stats: Record<string, number>;
  runDirectory: SummaryRunDirectory | null;
  /** sha256 (hex) of the profile's bytes. */
  sha256: string;
}

export function summarizeProfile(profile: Profile, options: SummarizeOptions): RunSummary {
  const { metadata } = profile;
  return {
    ghcprofSummary: SUMMARY_VERSION,
    sha256: options.sha256,
    record: runRecordOf(profile, { source: options.input.profilePath, runDirectory: options.input.runDirectory, node: options.input.node, stats: options.stats }),
    header: {
      timestamp: metadata.timestamp,
      totalTimeSecs: metadata.totalTimeSecs,
      totalTicks: metadata.totalTicks,
      totalAllocBytes: metadata.totalAllocBytes,
      tickIntervalUs: metadata.tickIntervalUs,
      processors: metadata.processors,
      commandLine: metadata.commandLine,
      rtsArguments: metadata.rtsArguments,
    },
    programTotals: profileTotals(profile),
    runDirectory: options.runDirectory,
    warnings: profile.warnings.map(formatWarning),
    costCentres: costCentreTotals(profile, 'cost-centre').map((total) => ({
      module: total.module,
      label: total.label,
      src: total.src,
      callSites: total.callSites,
      ticks: total.ticks,
      bytes: total.bytes,
      entries: total.entries,
      inheritedTicks: total.inheritedTicks,
      inheritedBytes: total.inheritedBytes,
    })),
    modules: costCentreTotals(profile, 'module').map((total) => ({
      module: total.module,
      callSites: total.callSites,
      ticks: total.ticks,
      bytes: total.bytes,
      entries: total.entries,
      inheritedTicks: total.inheritedTicks,
      inheritedBytes: total.inheritedBytes,
    })),
  };
}
