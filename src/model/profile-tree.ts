// A profile's call tree in whichever shape a command needs: columns (compact-call-tree.ts) for
// the commands that only add costs up, node objects for those that walk or print the tree.
// A reader keeps one shape and the other is made on demand, once.
import type { CallTreeNode } from './call-tree.js';
import { callTreeNodesOf, compactCallTreeOf, type CompactCallTree } from './compact-call-tree.js';
import type { Profile } from './profile.js';

/**
 * A profile whose `root` is made from `tree` when first read. Setting `root` replaces the tree
 * (whoever edits the node objects owns them from then on), so the two never disagree.
 */
export function profileWithCompactTree(fields: Omit<Profile, 'root' | 'tree'>, tree: CompactCallTree | null): Profile {
  let root: CallTreeNode | null | undefined;
  const profile = { ...fields, tree } as Profile;
  Object.defineProperty(profile, 'root', {
    enumerable: true,
    configurable: true,
    get(): CallTreeNode | null {
      if (root === undefined) root = profile.tree === null || profile.tree === undefined ? null : callTreeNodesOf(profile.tree);
      return root;
    },
    set(value: CallTreeNode | null) {
      root = value;
      profile.tree = null;
    },
  });
  return profile;
}

const madeFromRoot = new WeakMap<CallTreeNode, CompactCallTree>();

/** The call tree as columns; made from the node objects (once per tree) where the reader built those. */
export function compactTreeOf(profile: Profile): CompactCallTree | null {
  if (profile.tree !== null && profile.tree !== undefined) return profile.tree;
  const root = profile.root;
  if (root === null) return null;
  let tree = madeFromRoot.get(root);
  if (tree === undefined) {
    tree = compactCallTreeOf(root);
    madeFromRoot.set(root, tree);
  }
  return tree;
}

/** Whether the profile has a call tree, without making node objects to find out. */
export function hasCallTree(profile: Profile): boolean {
  if (profile.tree !== null && profile.tree !== undefined) return profile.tree.size > 0;
  return profile.root !== null;
}
