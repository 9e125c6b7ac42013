// Builds a Profile from the JSON events of a GHC `-pj` profile (docs/formats.md §2),
// as they stream in: cost centres as their records end, tree nodes into columns
// (compact-call-tree.ts) in the order their objects open, with explicit stacks (the JSON nests
// two levels per stack level).
import { computeCompactInheritedCosts, numberCentresByFirstUse, type CompactCallTree } from '../../model/compact-call-tree.js';
import { UNDEFINED_MODULE, undefinedCostCentre, type CostCentre } from '../../model/cost-centre.js';
import type { InputWarning } from '../../model/diagnostic.js';
import { emptyMetadata, type Profile, type RunMetadata } from '../../model/profile.js';
import { profileWithCompactTree } from '../../model/profile-tree.js';
import { GrowingCallTree } from '../common/growing-call-tree.js';
import type { JsonEventSink } from './json-stream/json-events.js';

/** What a container is in GHC's layout; `ignore` for anything else (kept readable, not used). */
type Role = 'root' | 'arguments' | 'rtsArguments' | 'costCentres' | 'costCentre' | 'node' | 'children' | 'ignore';

interface Frame {
  role: Role;
  /** The member being read (objects). */
  key: string | null;
  fields: Record<string, string | number | boolean | null>;
  /** A node frame's node in the tree; -1 for other frames. */
  node: number;
  /** A node frame's `id` as read (its other numbers go straight into the tree's columns). */
  id: string | number | boolean | null | undefined;
}

export class ProfJsonBuilder implements JsonEventSink {
  private readonly frames: Frame[] = [];
  private readonly metadata: RunMetadata;
  private readonly costCentres = new Map<number, CostCentre>();
  private readonly costCentreList: CostCentre[] = [];
  /** Each cost centre's index in costCentreList. */
  private readonly indexOf = new Map<CostCentre, number>();
  private readonly tree = new GrowingCallTree(false, false);
  private nodeCount = 0;
  private sawCostCentres = false;
  private sawProfile = false;
  private readonly arguments: string[] = [];
  private readonly rtsArguments: string[] = [];

  constructor(private readonly source: string) {
    this.metadata = emptyMetadata(source, 'prof-json');
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private push(role: Role, node = -1): void {
    this.frames.push({ role, key: null, fields: {}, node, id: undefined });
  }

  /** The node of the innermost node frame (below its `children` array); -1 at the top of the tree. */
  private enclosingNode(): number {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const outer = this.frames[i]!;
      if (outer.role === 'node') return outer.node;
      if (outer.role === 'root') break;
    }
    return -1;
  }

  /** The role of a container opening at the current position. */
  private roleOf(kind: 'object' | 'array'): Role {
    const parent = this.top();
    if (parent === undefined) return kind === 'object' ? 'root' : 'ignore';
    if (kind === 'object') {
      if (parent.role === 'root' && parent.key === 'profile') return 'node';
      if (parent.role === 'costCentres') return 'costCentre';
      if (parent.role === 'children') return 'node';
      return 'ignore';
    }
    if (parent.role === 'root' && parent.key === 'arguments') return 'arguments';
    if (parent.role === 'root' && parent.key === 'rts_arguments') return 'rtsArguments';
    if (parent.role === 'root' && parent.key === 'cost_centres') return 'costCentres';
    if (parent.role === 'node' && parent.key === 'children') return 'children';
    return 'ignore';
  }

  startObject(): void {
    const role = this.roleOf('object');
    if (role !== 'node') {
      this.push(role);
      return;
    }
    this.sawProfile = true;
    const parent = this.enclosingNode();
    // A second tree at the top (not GHC's layout): only the first is kept, as before.
    if (parent < 0 && this.tree.size > 0) {
      this.push('ignore');
      return;
    }
    this.push(role, this.tree.nodeFor(parent, -1, -1));
  }

  startArray(): void {
    const role = this.roleOf('array');
    if (role === 'costCentres') this.sawCostCentres = true;
    this.push(role);
  }

  endArray(): void {
    this.frames.pop();
  }

  endObject(): void {
    const frame = this.frames.pop()!;
    if (frame.role === 'costCentre') this.addCostCentre(frame.fields);
    else if (frame.role === 'node') this.completeNode(frame);
    else if (frame.role === 'root') this.readRootFields(frame.fields);
  }

  key(name: string): void {
    this.top()!.key = name;
  }

  private value(value: string | number | boolean | null): void {
    const frame = this.top();
    if (frame === undefined) return;
    if (frame.role === 'arguments' && typeof value === 'string') this.arguments.push(value);
    else if (frame.role === 'rtsArguments' && typeof value === 'string') this.rtsArguments.push(value);
    else if (frame.role === 'node' && frame.key !== null) this.nodeField(frame, frame.key, value);
    else if (frame.key !== null) frame.fields[frame.key] = value;
  }

  string(value: string): void {
    this.value(value);
  }

  number(value: number): void {
    this.value(value);
  }

  literal(value: boolean | null): void {
    this.value(value);
  }

  private addCostCentre(fields: Frame['fields']): void {
    const id = Number(fields['id']);
    const definition = {
      id,
      label: String(fields['label'] ?? ''),
      module: String(fields['module'] ?? ''),
      src: typeof fields['src_loc'] === 'string' ? fields['src_loc'] : null,
      isCaf: fields['is_caf'] === true,
    };
    // A node may have named this id before its definition arrived: fill the placeholder in.
    const existing = this.costCentres.get(id);
    if (existing !== undefined) Object.assign(existing, definition);
    else {
      this.costCentres.set(id, definition);
      this.indexOf.set(definition, this.costCentreList.length);
      this.costCentreList.push(definition);
    }
  }

  private costCentre(id: number): CostCentre {
    let costCentre = this.costCentres.get(id);
    if (costCentre === undefined) {
      costCentre = undefinedCostCentre(id);
      this.costCentres.set(id, costCentre);
      this.indexOf.set(costCentre, this.costCentreList.length);
      this.costCentreList.push(costCentre);
    }
    return costCentre;
  }

  /** A member of a tree node: its numbers go into the columns as they come (the last of a repeated key counts). */
  private nodeField(frame: Frame, key: string, value: string | number | boolean | null): void {
    const tree = this.tree;
    if (key === 'id') frame.id = value;
    else if (key === 'entries') tree.entries[frame.node] = Number(value ?? 0);
    else if (key === 'ticks') tree.ticks[frame.node] = Number(value ?? 0);
    else if (key === 'alloc') tree.bytes[frame.node] = Number(value ?? 0);
  }

  private completeNode(frame: Frame): void {
    this.tree.centre[frame.node] = this.indexOf.get(this.costCentre(Number(frame.id)))!;
    this.nodeCount++;
  }

  private readRootFields(fields: Frame['fields']): void {
    const text = (key: string): string | null => (typeof fields[key] === 'string' ? fields[key] : null);
    const number = (key: string): number | null => (typeof fields[key] === 'number' ? fields[key] : null);
    const metadata = this.metadata;
    metadata.program = text('program');
    metadata.timestamp = text('end_time');
    metadata.totalTimeSecs = number('total_time');
    metadata.totalTicks = number('total_ticks');
    metadata.tickIntervalUs = number('tick_interval');
    metadata.totalAllocBytes = number('total_alloc');
    const capabilities = number('initial_capabilities');
    // GHC writes 0 capabilities when -N was not given (docs/formats.md §2.2): that is one.
    metadata.processors = capabilities === null ? null : Math.max(1, capabilities);
  }

  get hasProfile(): boolean {
    return this.sawCostCentres || this.sawProfile;
  }

  /**
   * Completes the profile. For a document cut short, the nodes still open are closed with
   * what they had, so the tree read so far survives.
   */
  finish(warnings: InputWarning[]): Profile {
    while (this.frames.length > 0) this.endObject();
    this.metadata.commandLine = [this.metadata.program ?? '', ...this.arguments.slice(1)];
    this.metadata.rtsArguments = [...this.rtsArguments];
    const undefinedIds = this.costCentreList.filter((costCentre) => costCentre.module === UNDEFINED_MODULE).length;
    if (undefinedIds > 0) {
      warnings.push({ location: { source: this.source }, message: `tree nodes name ${undefinedIds} cost-centre ids that "cost_centres" does not define` });
    }
    return profileWithCompactTree(
      {
        metadata: this.metadata,
        costCentres: this.costCentreList,
        nodeCount: this.nodeCount,
        measures: { ticks: 'exact', bytes: 'exact', entries: 'exact', percentages: 'derived' },
        printedFlatTable: [],
        system: null,
        warnings,
      },
      this.finishTree(),
    );
  }

  /** The tree's columns, its cost centres numbered in the order the tree first names them. */
  private finishTree(): CompactCallTree | null {
    if (this.tree.size === 0) return null;
    const tree = this.tree.finish([]);
    numberCentresByFirstUse(tree, this.costCentreList);
    computeCompactInheritedCosts(tree);
    return tree;
  }
}
