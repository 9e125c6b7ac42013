// The run facts at the top of a report, as text lines and as a JSON object.
import { profileTotals } from '../analyze/cost-centre-totals.js';
import { percent } from '../model/percent.js';
import type { Profile, RunMetadata, SystemCentreCost, SystemCosts } from '../model/profile.js';
import { GC_COST_CENTRE, PROFILING_OVERHEAD_COST_CENTRE, sameCostCentreName, type SystemCostCentreName } from '../model/system-cost-centres.js';
import { formatCount, formatPct } from './numbers.js';
import { visibleText } from './program-text.js';

const FORMAT_NAMES = {
  'prof-text': 'text report',
  'prof-json': 'JSON profile (-pj)',
  eventlog: 'eventlog time samples',
  aggregate: 'aggregate of runs',
} as const;

export type ProfileHeaderJson = RunMetadata & {
  nodes: number;
  costCentres: number;
  measures: Profile['measures'];
  /** The system cost centres' costs the header totals include (null where they leave them out). */
  system: SystemCosts | null;
};

export function profileHeaderJson(profile: Profile): ProfileHeaderJson {
  return {
    ...profile.metadata,
    nodes: profile.nodeCount,
    costCentres: profile.costCentres.length,
    measures: profile.measures,
    system: profile.system,
  };
}

/**
 * Two lines where the header totals include the RTS's system cost centres (-pa, -pj,
 * eventlog): what GC and the profiler cost, with their share of the header total as GHC's
 * own rows for them print it, and the program totals every share below is of.
 */
function systemLines(profile: Profile, system: SystemCosts): string[] {
  const totalTicks = profile.metadata.totalTicks;
  const hasBytes = profile.measures.bytes !== 'absent';
  const share = (ticks: number, of: string): string =>
    totalTicks !== null && totalTicks > 0 ? ` (${formatPct(percent(ticks, totalTicks))}%${of})` : '';
  const find = (name: SystemCostCentreName): SystemCentreCost | undefined => system.centres.find((centre) => sameCostCentreName(centre, name));
  const gc = find(GC_COST_CENTRE);
  const overhead = find(PROFILING_OVERHEAD_COST_CENTRE);
  const gcTicks = gc?.ticks ?? 0;
  const overheadTicks = overhead?.ticks ?? 0;
  const otherTicks = system.ticks - gcTicks - overheadTicks;
  const otherBytes = system.bytes - (gc?.bytes ?? 0) - (overhead?.bytes ?? 0);
  const parts = [
    `GC ${formatCount(gcTicks)} ticks${share(gcTicks, ' of all ticks')}`,
    `profiling overhead ${formatCount(overheadTicks)} ticks${share(overheadTicks, '')}${hasBytes ? ` and ${formatCount(overhead?.bytes ?? 0)} bytes` : ''}`,
  ];
  if (otherTicks > 0 || otherBytes > 0) {
    parts.push(`other RTS ${formatCount(otherTicks)} ticks${hasBytes ? ` and ${formatCount(otherBytes)} bytes` : ''}`);
  }
  const program = profileTotals(profile);
  const programText = hasBytes ? `${formatCount(program.ticks)} ticks, ${formatCount(program.bytes)} bytes` : `${formatCount(program.ticks)} ticks`;
  return [`  system      ${parts.join(', ')}`, `  program     ${programText} (totals less system): shares below are of these`];
}

export function profileHeaderText(profile: Profile): string {
  const metadata = profile.metadata;
  const lines: string[] = [];
  // The path, date and command line are the profile's text (program-text.ts).
  lines.push(`${visibleText(metadata.source)}  (${FORMAT_NAMES[metadata.format]}${metadata.timestamp ? `, ${visibleText(metadata.timestamp)}` : ''})`);
  if (metadata.commandLine.length > 0) lines.push(`  command     ${visibleText(metadata.commandLine.join(' '))}`);
  const timeParts: string[] = [];
  if (metadata.totalTimeSecs !== null) timeParts.push(`${metadata.totalTimeSecs.toFixed(2)} s`);
  if (metadata.totalTicks !== null) {
    const interval = metadata.tickIntervalUs !== null ? ` @ ${metadata.tickIntervalUs} us` : '';
    timeParts.push(`${formatCount(metadata.totalTicks)} ticks${interval}`);
  }
  if (metadata.processors !== null) timeParts.push(`${metadata.processors} processor${metadata.processors === 1 ? '' : 's'}`);
  if (timeParts.length > 0) lines.push(`  total time  ${timeParts.join(', ')}`);
  if (metadata.totalAllocBytes !== null) lines.push(`  total alloc ${formatCount(metadata.totalAllocBytes)} bytes`);
  if (profile.system !== null) lines.push(...systemLines(profile, profile.system));
  const { ticks, bytes } = profile.measures;
  const exactness =
    bytes === 'absent'
      ? 'exact ticks from samples; no allocation or entries in this source'
      : ticks === 'exact'
        ? 'ticks and bytes exact'
        : 'ticks and bytes estimated from percentages (use +RTS -P for exact ones)';
  lines.push(`  call tree   ${formatCount(profile.nodeCount)} nodes, ${formatCount(profile.costCentres.length)} cost centres; ${exactness}`);
  return lines.join('\n') + '\n';
}
