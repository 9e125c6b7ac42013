// Which of GHC's outputs a profile came from, by what it holds: the formats count costs
// differently (`-pa`, `-pj` and eventlogs include the system cost centres in their totals,
// `-p` prints only percentages), so mixed sets of runs are reported as such.
import type { Profile } from './profile.js';

export type ProfileKind = '-p' | '-P' | '-pa' | '-pj' | 'eventlog' | 'aggregate';

export function profileKind(profile: Pick<Profile, 'metadata' | 'measures' | 'system'>): ProfileKind {
  switch (profile.metadata.format) {
    case 'prof-json':
      return '-pj';
    case 'eventlog':
      return 'eventlog';
    case 'aggregate':
      return 'aggregate';
    case 'prof-text':
      if (profile.measures.ticks !== 'exact') return '-p';
      return profile.system !== null ? '-pa' : '-P';
  }
}
