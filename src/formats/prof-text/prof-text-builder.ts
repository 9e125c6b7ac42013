// Builds a Profile from the lines the text-report grammar recognises, in the order the
// grammar allows (grammar/prof-text/parser.ts): this adapts the grammar's plain fields to
// the model and checks what no grammar can (one root, indentation, totals).
import type { TableLayout } from '../../../grammar/prof-text/layout.js';
import type { ProfTextSink } from '../../../grammar/prof-text/parser.js';
import type { FlatRowFields } from '../../../grammar/prof-text/flat-row-scanner.js';
import {
  BYTES,
  DEPTH,
  ENTRIES,
  INDIVIDUAL_ALLOC_PCT,
  INDIVIDUAL_TIME_PCT,
  INHERITED_ALLOC_PCT,
  INHERITED_TIME_PCT,
  JAMMED,
  LABEL,
  MODULE,
  SRC,
  STACK_ID,
  TICKS,
  type TreeRowBatch,
} from '../../../grammar/prof-text/tree-row-scanner.js';
import { computeCompactInheritedCosts, type CompactCallTree } from '../../model/compact-call-tree.js';
import { CostCentreTable } from '../../model/cost-centre.js';
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import { emptyMetadata, type PrintedFlatRow, type Profile, type RunMetadata } from '../../model/profile.js';
import { profileWithCompactTree } from '../../model/profile-tree.js';
import { splitCommandLine } from '../common/command-line.js';
import { GrowingCallTree } from '../common/growing-call-tree.js';
import { NamesByBytes, type ByteField } from './names-by-bytes.js';
import { RowEstimates } from './row-estimates.js';

/**
 * How the reader keeps the call tree: a node per row, as written (what `report --tree` and
 * flamegraphs show), or rows of the same stack merged into one node, which gives the same
 * per-cost-centre and per-stack sums in memory set by the distinct stacks.
 */
export type StackKeeping = 'every-row' | 'merged';

const decoder = new TextDecoder('utf-8');

export class ProfTextBuilder implements ProfTextSink {
  private readonly metadata: RunMetadata;
  private readonly costCentres = new CostCentreTable();
  private readonly names = new NamesByBytes();
  private readonly knownModules = new Set<string>();
  private readonly tree: GrowingCallTree;
  /** The open path from the root to the last row, as node indices (rows arrive in pre-order), `open` deep. */
  private ancestors = new Int32Array(256);
  private open = 0;
  private readonly printedFlatTable: PrintedFlatRow[] = [];
  private readonly warnings: InputWarning[] = [];
  private rowCount = 0;
  private treeLayout: TableLayout | null = null;
  private indentationJumps = 0;
  /** Without -P, ticks and bytes come from the percentages: reconciled with the header totals where both are known. */
  private estimates: RowEstimates | null = null;
  private ticksPerPct = 0;
  private bytesPerPct = 0;
  /** Scratch ranges of the row being read. */
  private readonly label: ByteField = { start: 0, end: 0 };
  private readonly module: ByteField = { start: 0, end: 0 };
  private readonly src: ByteField = { start: 0, end: 0 };

  constructor(
    private readonly source: string,
    keeping: StackKeeping = 'every-row',
  ) {
    this.metadata = emptyMetadata(source, 'prof-text');
    this.tree = new GrowingCallTree(keeping === 'merged', keeping === 'every-row');
  }

  private fail(line: number, message: string): never {
    throw new InputError({ source: this.source, line }, message);
  }

  title(timestamp: string): void {
    this.metadata.timestamp = timestamp.trim();
  }

  commandLine(text: string): void {
    const parts = splitCommandLine(text);
    this.metadata.program = parts.program;
    this.metadata.commandLine = parts.words;
    this.metadata.rtsArguments = parts.rtsArguments;
  }

  totalTime(secs: number, ticks: number, tickInterval: number, unit: 'us' | 'ms', processors: number | null): void {
    this.metadata.totalTimeSecs = secs;
    this.metadata.totalTicks = ticks;
    this.metadata.tickIntervalUs = unit === 'ms' ? tickInterval * 1000 : tickInterval;
    // GHC <= 7.4 printed no processor count (docs/formats.md §1.2): left unknown.
    this.metadata.processors = processors;
  }

  totalAlloc(bytes: number): void {
    this.metadata.totalAllocBytes = bytes;
  }

  flatRow(row: FlatRowFields): void {
    this.knownModules.add(row.module);
    const printed: PrintedFlatRow = { ...row };
    this.printedFlatTable.push(printed);
  }

  treeHeader(layout: TableLayout): void {
    this.treeLayout = layout;
    const { totalTicks, totalAllocBytes } = this.metadata;
    this.ticksPerPct = (totalTicks ?? 0) / 100;
    this.bytesPerPct = (totalAllocBytes ?? 0) / 100;
    if (!layout.hasTicks && totalTicks !== null && totalAllocBytes !== null) this.estimates = new RowEstimates(this.tree, totalTicks, totalAllocBytes);
  }

  treeRows(rows: TreeRowBatch, firstLine: number): void {
    for (let i = 0; i < rows.length; i++) this.treeRow(rows, i, firstLine + i);
  }

  /** The index of the row's cost centre, interned by its bytes (decoded once per centre). */
  private centreOf(rows: TreeRowBatch, i: number): number {
    const bytes = rows.bytes;
    const label = this.label;
    const module = this.module;
    const src = this.src;
    label.start = rows.range(i, LABEL);
    label.end = rows.range(i, LABEL + 1);
    module.start = rows.range(i, MODULE);
    module.end = rows.range(i, MODULE + 1);
    src.start = rows.range(i, SRC);
    src.end = rows.range(i, SRC + 1);
    let centre = this.names.find(bytes, label, module, src);
    if (centre < 0) {
      const text = decoder.decode(bytes.subarray(label.start, label.end));
      const moduleText = decoder.decode(bytes.subarray(module.start, module.end));
      const srcText = src.start < 0 ? null : decoder.decode(bytes.subarray(src.start, src.end));
      centre = this.costCentres.intern(text, moduleText, srcText, text.startsWith('CAF')).id - 1;
      this.names.add(bytes, label, module, src, centre);
      // Only reports without SRC (GHC < 8) can jam module names; only they need the list.
      if (!this.treeLayout!.hasSrc) this.knownModules.add(moduleText);
    }
    return centre;
  }

  /** A row whose module and stack number ran together (GHC < 8): its centre and number, from the word split once. */
  private jammedRow(rows: TreeRowBatch, i: number, line: number): [centre: number, stackId: number] {
    const [module, stackId] = this.splitJammed(decoder.decode(rows.bytes.subarray(rows.range(i, MODULE), rows.range(i, MODULE + 1))), line);
    this.knownModules.add(module);
    const label = decoder.decode(rows.bytes.subarray(rows.range(i, LABEL), rows.range(i, LABEL + 1)));
    return [this.costCentres.intern(label, module, null, label.startsWith('CAF')).id - 1, stackId];
  }

  private treeRow(rows: TreeRowBatch, i: number, line: number): void {
    let centre: number;
    let stackId: number;
    if (rows.number(i, JAMMED) === 1) [centre, stackId] = this.jammedRow(rows, i, line);
    else {
      centre = this.centreOf(rows, i);
      stackId = rows.number(i, STACK_ID);
    }
    let depth = rows.range(i, DEPTH);
    if (depth > this.open) {
      // GHC indents one space per level; a deeper jump means rows were cut out (hand-trimmed
      // excerpts). Keep the row under the deepest row above it, and say so once.
      if (this.indentationJumps++ === 0) {
        this.warnings.push({
          location: { source: this.source, line },
          message: `row is indented ${depth} levels below a row at level ${this.open - 1} (rows missing?); attached such rows to the row above`,
        });
      }
      depth = this.open;
    }
    if (depth === 0 && this.rowCount > 0) this.fail(line, 'a second row at indentation 0; expected one root (MAIN)');
    const tree = this.tree;
    const node = tree.nodeFor(depth === 0 ? -1 : this.ancestors[depth - 1]!, centre, stackId);
    if (depth === this.ancestors.length) {
      const deeper = new Int32Array(2 * depth);
      deeper.set(this.ancestors);
      this.ancestors = deeper;
    }
    this.ancestors[depth] = node;
    this.open = depth + 1;
    this.rowCount++;
    const timePct = rows.number(i, INDIVIDUAL_TIME_PCT);
    const allocPct = rows.number(i, INDIVIDUAL_ALLOC_PCT);
    const inheritedTimePct = rows.number(i, INHERITED_TIME_PCT);
    const inheritedAllocPct = rows.number(i, INHERITED_ALLOC_PCT);
    if (tree.printed !== null && tree.rows[node] === 1) {
      // The four percentages in PrintedPercentages order.
      tree.printed[4 * node] = timePct;
      tree.printed[4 * node + 1] = allocPct;
      tree.printed[4 * node + 2] = inheritedTimePct;
      tree.printed[4 * node + 3] = inheritedAllocPct;
    }
    tree.entries[node]! += rows.number(i, ENTRIES);
    if (this.treeLayout!.hasTicks) {
      tree.ticks[node]! += rows.number(i, TICKS);
      tree.bytes[node]! += rows.number(i, BYTES);
    } else if (this.estimates !== null) {
      this.estimates.add(node, depth, timePct, allocPct, inheritedTimePct, inheritedAllocPct);
    } else {
      tree.ticks[node]! += timePct * this.ticksPerPct;
      tree.bytes[node]! += allocPct * this.bytesPerPct;
    }
  }

  /**
   * `Language.PureScript.Parser.Declarations104975`: module and stack number run together
   * (GHC < 8, trac #8811). A module seen elsewhere in the file tells where to cut; failing
   * that, every trailing digit belongs to the number.
   */
  private splitJammed(word: string, line: number): [module: string, stackId: number] {
    let cut = -1;
    for (const module of this.knownModules) {
      if (module.length > cut && word.startsWith(module) && /^\d+$/.test(word.slice(module.length))) cut = module.length;
    }
    if (cut < 0) {
      cut = word.length;
      while (cut > 0 && /\d/.test(word[cut - 1]!)) cut--;
    }
    if (cut === 0) this.fail(line, `expected a module name before the stack number, found "${word}"`);
    return [word.slice(0, cut), Number(word.slice(cut))];
  }

  /**
   * With -P/-pa the rows' ticks and bytes add up to the header's totals exactly (true of
   * every such sample GHC wrote). If they fall short, rows are missing: the file was cut
   * at a line boundary, or edited.
   */
  private checkExactTotals(tree: CompactCallTree, linesRead: number): void {
    const { totalTicks, totalAllocBytes } = this.metadata;
    if (totalTicks === null || totalAllocBytes === null) return;
    const ticks = tree.inheritedTicks[0]!;
    const bytes = tree.inheritedBytes[0]!;
    if (ticks === totalTicks && bytes === totalAllocBytes) return;
    this.warnings.push({
      location: { source: this.source, line: linesRead },
      message: `the ${this.rowCount} call-tree rows add up to ${ticks} ticks and ${bytes} bytes, but the header says ${totalTicks} and ${totalAllocBytes}: rows are missing after line ${linesRead} (truncated?) or the file was edited`,
    });
  }

  /**
   * Without -P the rows print percentages only: their row-by-row estimates become integers
   * that add up to the header totals (estimated-costs.ts). Where the printed numbers cannot
   * add up to the totals, rows are missing: say so rather than inflate the rows there are.
   */
  private reconcileEstimates(estimates: RowEstimates, linesRead: number): void {
    const { totalTicks, totalAllocBytes } = this.metadata;
    const result = estimates.finish(this.costCentres.all, this.printedFlatTable);
    if (result.ticksReconciled && result.bytesReconciled) return;
    const kept = !result.ticksReconciled && !result.bytesReconciled ? 'ticks and bytes' : result.ticksReconciled ? 'bytes' : 'ticks';
    const timePct = result.printedTimePct.toFixed(1);
    const allocPct = result.printedAllocPct.toFixed(1);
    this.warnings.push({
      location: { source: this.source, line: linesRead },
      message: `the ${this.rowCount} call-tree rows do not add up to the header totals of ${totalTicks} ticks and ${totalAllocBytes} bytes (their individual %time sums to ${timePct}, %alloc to ${allocPct}) beyond what rounding to one decimal explains: rows are missing after line ${linesRead} (truncated?) or the file was edited; ${kept} are row-by-row estimates, not scaled to the totals`,
    });
  }

  /**
   * Completes the profile once the grammar has read `linesRead` lines; `danglingLine` is text
   * after the last newline (GHC always ends with one).
   */
  finish(danglingLine: string, linesRead: number): Profile {
    if (danglingLine.length > 0) {
      this.warnings.push({
        location: { source: this.source, line: linesRead + 1 },
        message: `file ends in the middle of line ${linesRead + 1} (truncated?); ignored that line, kept the ${this.rowCount} call-tree rows before it`,
      });
    }
    // Rows come only after the tree header (the grammar says so): no root, no tree.
    if (this.rowCount === 0) {
      this.warnings.push({
        location: { source: this.source, line: linesRead },
        message: `no call tree after line ${linesRead} (truncated?); the profile has header totals only`,
      });
    }
    const exact = this.treeLayout?.hasTicks ?? false;
    if (this.estimates !== null && this.rowCount > 0) this.reconcileEstimates(this.estimates, linesRead);
    const tree = this.rowCount === 0 ? null : this.tree.finish(this.costCentres.all);
    if (tree !== null) computeCompactInheritedCosts(tree);
    if (exact && tree !== null) this.checkExactTotals(tree, linesRead);
    return profileWithCompactTree(
      {
        metadata: this.metadata,
        costCentres: this.costCentres.all,
        nodeCount: this.rowCount,
        measures: {
          ticks: exact ? 'exact' : 'approximate',
          bytes: exact ? 'exact' : 'approximate',
          entries: 'exact',
          percentages: 'printed',
        },
        printedFlatTable: this.printedFlatTable,
        system: null,
        warnings: this.warnings,
      },
      tree,
    );
  }
}
