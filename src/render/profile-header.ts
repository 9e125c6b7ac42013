// The run facts at the top of a report, as text lines and as a JSON object.
import type { Profile, RunMetadata } from '../model/profile.js';
import { formatCount } from './numbers.js';

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
};

export function profileHeaderJson(profile: Profile): ProfileHeaderJson {
  return { ...profile.metadata, nodes: profile.nodeCount, costCentres: profile.costCentres.length, measures: profile.measures };
}

export function profileHeaderText(profile: Profile): string {
  const metadata = profile.metadata;
  const lines: string[] = [];
  lines.push(`${metadata.source}  (${FORMAT_NAMES[metadata.format]}${metadata.timestamp ? `, ${metadata.timestamp}` : ''})`);
  if (metadata.commandLine.length > 0) lines.push(`  command     ${metadata.commandLine.join(' ')}`);
  const timeParts: string[] = [];
  if (metadata.totalTimeSecs !== null) timeParts.push(`${metadata.totalTimeSecs.toFixed(2)} s`);
  if (metadata.totalTicks !== null) {
    const interval = metadata.tickIntervalUs !== null ? ` @ ${metadata.tickIntervalUs} us` : '';
    timeParts.push(`${formatCount(metadata.totalTicks)} ticks${interval}`);
  }
  if (metadata.processors !== null) timeParts.push(`${metadata.processors} processor${metadata.processors === 1 ? '' : 's'}`);
  if (timeParts.length > 0) lines.push(`  total time  ${timeParts.join(', ')}`);
  if (metadata.totalAllocBytes !== null) lines.push(`  total alloc ${formatCount(metadata.totalAllocBytes)} bytes`);
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
