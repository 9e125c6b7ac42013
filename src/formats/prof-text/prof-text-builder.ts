// Builds a Profile from the lines the text-report grammar recognises, in the order the
// grammar allows (grammar/prof-text/parser.ts): this adapts the grammar's plain fields to
// the model and checks what no grammar can (one root, indentation, totals).
import type { TableLayout } from '../../../grammar/prof-text/layout.js';
import type { ProfTextSink } from '../../../grammar/prof-text/parser.js';
import type { FlatRowFields, TreeRowBatch } from '../../../grammar/prof-text/row-scanner.js';
import { addChild, newCallTreeNode, type CallTreeNode, type PrintedPercentages } from '../../model/call-tree.js';
import { CostCentreTable } from '../../model/cost-centre.js';
import { InputError, type InputWarning } from '../../model/diagnostic.js';
import { emptyMetadata, type PrintedFlatRow, type Profile, type RunMetadata } from '../../model/profile.js';
import { splitCommandLine } from '../common/command-line.js';
import { estimateIntegerCosts } from './estimated-costs.js';

export class ProfTextBuilder implements ProfTextSink {
  private readonly metadata: RunMetadata;
  private readonly costCentres = new CostCentreTable();
  private readonly knownModules = new Set<string>();
  /** The open path from the root to the last row: rows arrive in pre-order. */
  private readonly ancestors: CallTreeNode[] = [];
  private readonly printedFlatTable: PrintedFlatRow[] = [];
  private readonly warnings: InputWarning[] = [];
  private root: CallTreeNode | null = null;
  private nodeCount = 0;
  private treeLayout: TableLayout | null = null;
  private indentationJumps = 0;
  /** Without -P, ticks and bytes are estimated as percentage × header total. */
  private ticksPerPct = 0;
  private bytesPerPct = 0;

  constructor(private readonly source: string) {
    this.metadata = emptyMetadata(source, 'prof-text');
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
    this.ticksPerPct = (this.metadata.totalTicks ?? 0) / 100;
    this.bytesPerPct = (this.metadata.totalAllocBytes ?? 0) / 100;
  }

  treeRows(rows: TreeRowBatch, firstLine: number): void {
    const exact = this.treeLayout!.hasTicks;
    for (let i = 0; i < rows.length; i++) this.treeRow(rows, i, firstLine + i, exact);
  }

  private treeRow(rows: TreeRowBatch, i: number, line: number, exact: boolean): void {
    const label = rows.labels[i]!;
    let module = rows.modules[i]!;
    let stackId: number | null = rows.stackIds[i]!;
    const jammed = rows.jammed[i];
    if (jammed !== null && jammed !== undefined) [module, stackId] = this.splitJammed(jammed, line);
    // Only reports without SRC (GHC < 8) can jam module names; only they need the list.
    if (!this.treeLayout!.hasSrc) this.knownModules.add(module);
    let depth = rows.depths[i]!;
    if (depth > this.ancestors.length) {
      // GHC indents one space per level; a deeper jump means rows were cut out (hand-trimmed
      // excerpts). Keep the row under the deepest row above it, and say so once.
      if (this.indentationJumps++ === 0) {
        this.warnings.push({
          location: { source: this.source, line },
          message: `row is indented ${depth} levels below a row at level ${this.ancestors.length - 1} (rows missing?); attached such rows to the row above`,
        });
      }
      depth = this.ancestors.length;
    }
    if (depth === 0 && this.root !== null) this.fail(line, 'a second row at indentation 0; expected one root (MAIN)');
    const costCentre = this.costCentres.intern(label, module, rows.srcs[i]!, label.startsWith('CAF'));
    // The grammar's percentages object is kept as the node's printed percentages, as is.
    const printed: PrintedPercentages = rows.printed[i]!;
    const node = newCallTreeNode(
      costCentre,
      stackId,
      rows.entries[i],
      exact ? rows.ticks[i]! : printed.individualTimePct * this.ticksPerPct,
      exact ? rows.bytes[i]! : printed.individualAllocPct * this.bytesPerPct,
      printed,
    );
    this.closeTo(depth);
    if (depth === 0) this.root = node;
    else addChild(this.ancestors[depth - 1]!, node);
    this.ancestors.push(node);
    this.nodeCount++;
  }

  /**
   * Completes the open rows deeper than `depth`: all their children have been read, so
   * their inherited costs are final and pass up to their parents. Doing this as rows
   * arrive saves a second walk over the tree.
   */
  private closeTo(depth: number): void {
    const ancestors = this.ancestors;
    while (ancestors.length > depth) {
      const node = ancestors.pop()!;
      node.inheritedTicks += node.ticks;
      node.inheritedBytes += node.bytes;
      const parent = ancestors[ancestors.length - 1];
      if (parent !== undefined) {
        parent.inheritedTicks += node.inheritedTicks;
        parent.inheritedBytes += node.inheritedBytes;
      }
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
  private checkExactTotals(root: CallTreeNode, linesRead: number): void {
    const { totalTicks, totalAllocBytes } = this.metadata;
    if (totalTicks === null || totalAllocBytes === null) return;
    if (root.inheritedTicks === totalTicks && root.inheritedBytes === totalAllocBytes) return;
    this.warnings.push({
      location: { source: this.source, line: linesRead },
      message: `the ${this.nodeCount} call-tree rows add up to ${root.inheritedTicks} ticks and ${root.inheritedBytes} bytes, but the header says ${totalTicks} and ${totalAllocBytes}: rows are missing after line ${linesRead} (truncated?) or the file was edited`,
    });
  }

  /**
   * Without -P the rows print percentages only: their row-by-row estimates become integers
   * that add up to the header totals (estimated-costs.ts). Where the printed numbers cannot
   * add up to the totals, rows are missing: say so rather than inflate the rows there are.
   */
  private reconcileEstimates(root: CallTreeNode, linesRead: number): void {
    const { totalTicks, totalAllocBytes } = this.metadata;
    if (totalTicks === null || totalAllocBytes === null) return;
    const estimates = estimateIntegerCosts(root, this.nodeCount, totalTicks, totalAllocBytes, this.printedFlatTable);
    if (estimates.ticksReconciled && estimates.bytesReconciled) return;
    const kept = !estimates.ticksReconciled && !estimates.bytesReconciled ? 'ticks and bytes' : estimates.ticksReconciled ? 'bytes' : 'ticks';
    const timePct = estimates.printedTimePct.toFixed(1);
    const allocPct = estimates.printedAllocPct.toFixed(1);
    this.warnings.push({
      location: { source: this.source, line: linesRead },
      message: `the ${this.nodeCount} call-tree rows do not add up to the header totals of ${totalTicks} ticks and ${totalAllocBytes} bytes (their individual %time sums to ${timePct}, %alloc to ${allocPct}) beyond what rounding to one decimal explains: rows are missing after line ${linesRead} (truncated?) or the file was edited; ${kept} are row-by-row estimates, not scaled to the totals`,
    });
  }

  /**
   * Completes the profile once the grammar has read `linesRead` lines; `danglingLine` is text
   * after the last newline (GHC always ends with one).
   */
  finish(danglingLine: string, linesRead: number): Profile {
    this.closeTo(0);
    if (danglingLine.length > 0) {
      this.warnings.push({
        location: { source: this.source, line: linesRead + 1 },
        message: `file ends in the middle of line ${linesRead + 1} (truncated?); ignored that line, kept the ${this.nodeCount} call-tree rows before it`,
      });
    }
    // Rows come only after the tree header (the grammar says so): no root, no tree.
    if (this.root === null) {
      this.warnings.push({
        location: { source: this.source, line: linesRead },
        message: `no call tree after line ${linesRead} (truncated?); the profile has header totals only`,
      });
    }
    const exact = this.treeLayout?.hasTicks ?? false;
    if (exact && this.root !== null) this.checkExactTotals(this.root, linesRead);
    if (!exact && this.root !== null) this.reconcileEstimates(this.root, linesRead);
    return {
      metadata: this.metadata,
      costCentres: this.costCentres.all,
      root: this.root,
      nodeCount: this.nodeCount,
      measures: {
        ticks: exact ? 'exact' : 'approximate',
        bytes: exact ? 'exact' : 'approximate',
        entries: 'exact',
        percentages: 'printed',
      },
      printedFlatTable: this.printedFlatTable,
      system: null,
      warnings: this.warnings,
    };
  }
}
