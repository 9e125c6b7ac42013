// The quantities a user can rank or weigh by, and how to read them off a node.
import type { CallTreeNode } from '../model/call-tree.js';
import type { Profile } from '../model/profile.js';

export const METRICS = ['time', 'alloc', 'entries', 'ticks', 'bytes'] as const;
export type Metric = (typeof METRICS)[number];

/** `ticks` and `bytes` insist on exact values; `time` and `alloc` accept estimates from percentages. */
export function requiresExactValues(metric: Metric): boolean {
  return metric === 'ticks' || metric === 'bytes';
}

/** A node's individual value for `metric`, an integer (estimates are rounded to the nearest one). */
export function individualWeight(node: CallTreeNode, metric: Metric): number {
  switch (metric) {
    case 'time':
    case 'ticks':
      return Math.round(node.ticks);
    case 'alloc':
    case 'bytes':
      return Math.round(node.bytes);
    case 'entries':
      return node.entries;
  }
}

/** Why a metric cannot be used on this profile, or null if it can. */
export function metricUnavailableReason(profile: Profile, metric: Metric): string | null {
  const { ticks, bytes, entries } = profile.measures;
  if ((metric === 'alloc' || metric === 'bytes') && bytes === 'absent') {
    return 'this profile records no allocation (eventlog time samples carry only ticks); use --metric time';
  }
  if (metric === 'entries' && entries === 'absent') {
    return 'this profile records no entry counts (eventlog time samples carry only ticks); use --metric time';
  }
  if (metric === 'ticks' && ticks !== 'exact') {
    return 'this profile has no exact ticks (they come with +RTS -P, -pa or -pj); use --metric time for an estimate from the percentages';
  }
  if (metric === 'bytes' && bytes !== 'exact') {
    return 'this profile has no exact bytes (they come with +RTS -P, -pa or -pj); use --metric alloc for an estimate from the percentages';
  }
  return null;
}
