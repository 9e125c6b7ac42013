// GHC counts in 64-bit integers; a JavaScript number holds integers exactly only up to 2^53,
// and reading a larger one (JSON.parse, Number) silently rounds it to the nearest it can hold.
// Rare in a real run (2^53 bytes is 8 PiB), but a figure printed with wrong digits and no word
// of it is a lie: every reader's profile is checked once, and the first such value named.
import { qualifiedName } from '../../model/cost-centre.js';
import type { InputWarning } from '../../model/diagnostic.js';
import type { Profile } from '../../model/profile.js';
import { compactTreeOf } from '../../model/profile-tree.js';

/** The warning for a profile holding integers beyond 2^53, or null when every one is exact. */
export function inexactIntegersWarning(profile: Profile, source: string): InputWarning | null {
  let count = 0;
  let first: string | null = null;
  const note = (value: number | null, what: () => string): void => {
    if (value === null || !(Math.abs(value) > Number.MAX_SAFE_INTEGER)) return;
    if (count++ === 0) first = `${what()}, read as ${value}`;
  };
  note(profile.metadata.totalTicks, () => 'total ticks');
  note(profile.metadata.totalAllocBytes, () => 'total alloc');
  const tree = compactTreeOf(profile);
  if (tree !== null) {
    const { entries, ticks, bytes } = tree;
    const limit = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < tree.size; i++) {
      // Costs are never negative: one comparison each on the path every node takes.
      if (entries[i]! > limit || ticks[i]! > limit || bytes[i]! > limit) {
        const name = qualifiedName(tree.costCentres[tree.centre[i]!]!);
        note(entries[i]!, () => `entries of ${name}`);
        note(ticks[i]!, () => `ticks of ${name}`);
        note(bytes[i]!, () => `bytes of ${name}`);
      }
    }
  }
  if (count === 0) return null;
  return {
    location: { source },
    message: `${count} number${count === 1 ? ' is' : 's are'} beyond 2^53, where integers are not exact: they are held rounded, and so are the sums they enter (first: ${first})`,
  };
}
