// A call tree as a few flat arrays, to post from a parse worker to the main thread: the
// structured clone of half a million node objects would cost about what parsing them did,
// while typed arrays are handed over (transferred) without a copy. It keeps what
// RunAggregator pools as stacks: per node in pre-order its cost centre, depth and own costs
// (aggregate.ts, `walkCallTreeColumns`).
import type { CallTreeColumns } from '../analyze/aggregate.js';
import type { Profile } from '../model/profile.js';
import { compactTreeOf } from '../model/profile-tree.js';

export type FlatCallTree = CallTreeColumns;

/** The profile's tree to post: copied from its columns, which stay the profile's. */
export function flatCallTreeOf(profile: Profile): FlatCallTree | null {
  const tree = compactTreeOf(profile);
  if (tree === null) return null;
  return {
    costCentres: tree.costCentres,
    centre: tree.centre.slice(0, tree.size),
    depth: tree.depth.slice(0, tree.size),
    ticks: tree.ticks.slice(0, tree.size),
    bytes: tree.bytes.slice(0, tree.size),
    entries: tree.entries.slice(0, tree.size),
  };
}

/** The buffers to transfer rather than copy when posting the tree. */
export function transferables(tree: FlatCallTree): ArrayBuffer[] {
  return [tree.centre, tree.depth, tree.ticks, tree.bytes, tree.entries].map((array) => array.buffer as ArrayBuffer);
}
