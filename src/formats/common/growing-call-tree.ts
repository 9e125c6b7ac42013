// A call tree as its rows or nodes arrive, in growable columns. Rows come in
// pre-order; each becomes a node, or, where the reader merges stacks, joins the node of the
// same stack (same cost centre under the same parent node) if there is one: then memory is set
// by the distinct stacks, not by the rows, however often a file repeats them.
import { columnsAsMade, columnsInOrder, preOrder, type CompactCallTree } from '../../model/compact-call-tree.js';
import type { CostCentre } from '../../model/cost-centre.js';

const INITIAL = 1 << 12;
/** Up to this many children a parent's list is searched; beyond, a hash is. */
const LIST_LIMIT = 8;

function filterBit(centre: number): number {
  return 1 << (Math.imul(centre, 0x9e3779b1) >>> 27);
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

export class GrowingCallTree {
  size = 0;
  centre = new Int32Array(INITIAL);
  parent = new Int32Array(INITIAL);
  stackId = new Float64Array(INITIAL);
  entries = new Float64Array(INITIAL);
  ticks = new Float64Array(INITIAL);
  bytes = new Float64Array(INITIAL);
  rows = new Int32Array(INITIAL);
  /** 4 per node, when kept. */
  printed: Float64Array | null;
  /**
   * Merging: per node its children as a linked list (to find a child of a centre, and to put a
   * merged tree back in pre-order), how many there are, and a 32-bit filter of their centres;
   * children of nodes with many are also in a hash of (parent, centre).
   */
  private readonly merging: {
    firstChild: Int32Array;
    lastChild: Int32Array;
    nextSibling: Int32Array;
    childCount: Int32Array;
    childFilter: Int32Array;
    slots: Int32Array;
    hashed: number;
  } | null;
  /** Whether a row joined a node made before it: nodes are then no longer in pre-order. */
  private merged = false;

  constructor(mergeStacks: boolean, keepPrinted: boolean) {
    this.printed = keepPrinted ? new Float64Array(4 * INITIAL) : null;
    this.merging = mergeStacks
      ? {
          firstChild: new Int32Array(INITIAL),
          lastChild: new Int32Array(INITIAL),
          nextSibling: new Int32Array(INITIAL),
          childCount: new Int32Array(INITIAL),
          childFilter: new Int32Array(INITIAL),
          slots: new Int32Array(INITIAL),
          hashed: 0,
        }
      : null;
  }

  /**
   * The node for a row of `centre` under `parent` (-1: the root): an existing one of the same
   * stack where stacks merge, else a new one with the row's stack number. Costs are the caller's to add.
   */
  nodeFor(parent: number, centre: number, stackId: number): number {
    const merging = this.merging;
    if (merging !== null && parent >= 0) {
      const existing = this.childOf(merging, parent, centre);
      if (existing >= 0) {
        this.merged = true;
        this.rows[existing]!++;
        return existing;
      }
    }
    const node = this.size;
    if (node === this.centre.length) this.grow();
    this.size = node + 1;
    this.centre[node] = centre;
    this.parent[node] = parent;
    this.stackId[node] = stackId;
    this.rows[node] = 1;
    if (merging !== null) this.link(merging, parent, node, centre);
    return node;
  }

  /** The child of `parent` with this centre, or -1. Most rows are a centre's first under their parent, which the filter tells at once. */
  private childOf(merging: NonNullable<GrowingCallTree['merging']>, parent: number, centre: number): number {
    if ((merging.childFilter[parent]! & filterBit(centre)) === 0) return -1;
    if (merging.childCount[parent]! <= LIST_LIMIT) {
      for (let child = merging.firstChild[parent]!; child >= 0; child = merging.nextSibling[child]!) if (this.centre[child] === centre) return child;
      return -1;
    }
    const slots = merging.slots;
    const mask = slots.length - 1;
    for (let slot = slotHash(parent, centre) & mask; ; slot = (slot + 1) & mask) {
      const node = slots[slot]! - 1;
      if (node < 0) return -1;
      if (this.parent[node] === parent && this.centre[node] === centre) return node;
    }
  }

  private link(merging: NonNullable<GrowingCallTree['merging']>, parent: number, node: number, centre: number): void {
    merging.firstChild[node] = -1;
    merging.lastChild[node] = -1;
    merging.nextSibling[node] = -1;
    merging.childCount[node] = 0;
    merging.childFilter[node] = 0;
    if (parent < 0) return;
    const last = merging.lastChild[parent]!;
    if (last < 0) merging.firstChild[parent] = node;
    else merging.nextSibling[last] = node;
    merging.lastChild[parent] = node;
    merging.childFilter[parent]! |= filterBit(centre);
    const count = ++merging.childCount[parent]!;
    // Past the limit a parent's children are found by hash: all of them once, then each new one.
    if (count === LIST_LIMIT + 1) {
      for (let child = merging.firstChild[parent]!; child >= 0; child = merging.nextSibling[child]!) this.hash(merging, child);
    } else if (count > LIST_LIMIT) {
      this.hash(merging, node);
    }
  }

  private hash(merging: NonNullable<GrowingCallTree['merging']>, node: number): void {
    if (2 * (merging.hashed + 1) > merging.slots.length) {
      const old = merging.slots;
      merging.slots = new Int32Array(old.length * 2);
      for (let slot = 0; slot < old.length; slot++) if (old[slot] !== 0) this.place(merging.slots, old[slot]! - 1);
    }
    this.place(merging.slots, node);
    merging.hashed++;
  }

  private place(slots: Int32Array, node: number): void {
    const mask = slots.length - 1;
    let slot = slotHash(this.parent[node]!, this.centre[node]!) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = node + 1;
  }

  private grow(): void {
    const length = this.centre.length * 2;
    this.centre = grown(this.centre, length);
    this.parent = grown(this.parent, length);
    this.stackId = grown(this.stackId, length);
    this.entries = grown(this.entries, length);
    this.ticks = grown(this.ticks, length);
    this.bytes = grown(this.bytes, length);
    this.rows = grown(this.rows, length);
    if (this.printed !== null) this.printed = grown(this.printed, 4 * length);
    const merging = this.merging;
    if (merging !== null) {
      merging.firstChild = grown(merging.firstChild, length);
      merging.lastChild = grown(merging.lastChild, length);
      merging.nextSibling = grown(merging.nextSibling, length);
      merging.childCount = grown(merging.childCount, length);
      merging.childFilter = grown(merging.childFilter, length);
    }
  }

  /** The finished columns, in pre-order, sized to the tree (inherited costs still to compute). */
  finish(costCentres: CostCentre[]): CompactCallTree {
    // Nodes are made in pre-order unless a row joined an older node.
    const tree = this.merged ? columnsInOrder(this, preOrder([0], this.merging!.firstChild, this.merging!.nextSibling), this.size) : columnsAsMade(this, this.size);
    tree.costCentres = costCentres;
    return tree;
  }
}

/** A well-mixed hash of the pair (murmur3's finaliser), so that nearby pairs spread over the table. */
function slotHash(parent: number, centre: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ centre;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
