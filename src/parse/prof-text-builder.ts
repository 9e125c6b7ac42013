// Builds a Profile from the lines the text-report grammar recognises.
import type { TableLayout } from '../../grammar/prof-text/layout.js';
import type { ProfTextSink } from '../../grammar/prof-text/parser.js';
import type { FlatRowFields, TreeRowFields } from '../../grammar/prof-text/row-scanner.js';
import { parseGroupedInteger } from '../../grammar/prof-text/numbers.js';
import { computeInheritedCosts, newCallTreeNode, walkCallTree, type CallTreeNode } from '../model/call-tree.js';
import { CostCentreTable } from '../model/cost-centre.js';
import { InputError, type InputWarning } from '../model/diagnostic.js';
import { emptyMetadata, type PrintedFlatRow, type Profile, type RunMetadata } from '../model/profile.js';
import { splitCommandLine } from './command-line.js';
import type { ReportSection } from '../../grammar/prof-text/lexer.js';

export class ProfTextBuilder implements ProfTextSink {
  /** Lines consumed before the current chunk; line numbers are 1-based. */
  private lineBase = 0;
  section: ReportSection = 'header';
  private readonly metadata: RunMetadata;
  private readonly costCentres = new CostCentreTable();
  private readonly knownModules = new Set<string>();
  private readonly ancestors: CallTreeNode[] = [];
  private readonly printedFlatTable: PrintedFlatRow[] = [];
  private readonly warnings: InputWarning[] = [];
  private root: CallTreeNode | null = null;
  private nodeCount = 0;
  private sawTitle = false;
  private sawTreeHeader = false;
  private treeLayout: TableLayout | null = null;
  private lastLine = 0;
  private indentationJumps = 0;

  constructor(private readonly source: string) {
    this.metadata = emptyMetadata(source, 'prof-text');
  }

  /** Line number of the token at `index` in the current chunk. */
  lineOf(index: number): number {
    return this.lineBase + index + 1;
  }

  endChunk(lineCount: number): void {
    this.lineBase += lineCount;
    this.lastLine = this.lineBase;
  }

  private fail(index: number, message: string): never {
    throw new InputError({ source: this.source, line: this.lineOf(index) }, message);
  }

  title(_index: number, timestamp: string): void {
    this.sawTitle = true;
    this.metadata.timestamp = timestamp.trim();
  }

  commandLine(_index: number, text: string): void {
    const parts = splitCommandLine(text);
    this.metadata.program = parts.program;
    this.metadata.commandLine = parts.words;
    this.metadata.rtsArguments = parts.rtsArguments;
  }

  totalTime(_index: number, secs: number, ticks: number, tickInterval: number, unit: 'us' | 'ms', processors: number | null): void {
    this.metadata.totalTimeSecs = secs;
    this.metadata.totalTicks = ticks;
    this.metadata.tickIntervalUs = unit === 'ms' ? tickInterval * 1000 : tickInterval;
    // GHC <= 7.4 printed no processor count; those runtimes had one capability per report.
    this.metadata.processors = processors;
  }

  totalAlloc(_index: number, bytes: string): void {
    this.metadata.totalAllocBytes = parseGroupedInteger(bytes);
  }

  flatHeader(index: number, _layout: TableLayout): void {
    if (!this.sawTitle) this.fail(index, 'expected the report title line before the cost-centre table');
    this.section = 'flat';
  }

  flatRow(_index: number, row: FlatRowFields): void {
    this.knownModules.add(row.module);
    this.printedFlatTable.push({ ...row });
  }

  treeHeader(index: number, layout: TableLayout): void {
    if (!this.sawTitle) this.fail(index, 'expected the report title line before the call tree');
    if (this.sawTreeHeader) this.fail(index, 'a second call-tree header; expected one report per file');
    this.sawTreeHeader = true;
    this.treeLayout = layout;
    this.section = 'tree';
  }

  treeRow(index: number, row: TreeRowFields): void {
    if (row.jammedModuleAndId !== null) this.splitJammed(index, row);
    this.knownModules.add(row.module);
    let depth = row.depth;
    if (depth > this.ancestors.length) {
      // GHC indents one space per level; a deeper jump means rows were cut out (hand-trimmed
      // excerpts). Keep the row under the deepest row above it, and say so once.
      if (this.indentationJumps++ === 0) {
        this.warnings.push({
          location: { source: this.source, line: this.lineOf(index) },
          message: `row is indented ${depth} levels below a row at level ${this.ancestors.length - 1} (rows missing?); attached such rows to the row above`,
        });
      }
      depth = this.ancestors.length;
    }
    if (depth === 0 && this.root !== null) this.fail(index, 'a second row at indentation 0; expected one root (MAIN)');
    const costCentre = this.costCentres.intern(row.label, row.module, row.src, row.label.startsWith('CAF'));
    const node = newCallTreeNode(costCentre, row.stackId);
    node.entries = row.entries;
    node.ticks = row.ticks ?? 0;
    node.bytes = row.bytes ?? 0;
    node.printed = {
      individualTimePct: row.individualTimePct,
      individualAllocPct: row.individualAllocPct,
      inheritedTimePct: row.inheritedTimePct,
      inheritedAllocPct: row.inheritedAllocPct,
    };
    this.ancestors.length = depth;
    if (depth === 0) this.root = node;
    else this.ancestors[depth - 1]!.children.push(node);
    this.ancestors.push(node);
    this.nodeCount++;
  }

  trailer(_index: number): void {
    this.section = 'trailer';
  }

  /**
   * `Language.PureScript.Parser.Declarations104975`: module and stack number run together
   * (GHC < 8, trac #8811). A module seen elsewhere in the file tells where to cut; failing
   * that, every trailing digit belongs to the number.
   */
  private splitJammed(index: number, row: TreeRowFields): void {
    const word = row.jammedModuleAndId!;
    let cut = -1;
    for (const module of this.knownModules) {
      if (module.length > cut && word.startsWith(module) && /^\d+$/.test(word.slice(module.length))) cut = module.length;
    }
    if (cut < 0) {
      cut = word.length;
      while (cut > 0 && /\d/.test(word[cut - 1]!)) cut--;
    }
    if (cut === 0) this.fail(index, `expected a module name before the stack number, found "${word}"`);
    row.module = word.slice(0, cut);
    row.stackId = Number(word.slice(cut));
    row.jammedModuleAndId = null;
  }

  /** Completes the profile; `danglingLine` is text after the last newline (GHC always ends with one). */
  finish(danglingLine: string): Profile {
    if (danglingLine.trim().length > 0) {
      this.warnings.push({
        location: { source: this.source, line: this.lastLine + 1 },
        message: `file ends in the middle of line ${this.lastLine + 1} (truncated?); ignored that line, kept the ${this.nodeCount} rows before it`,
      });
    }
    if (!this.sawTitle) {
      throw new InputError({ source: this.source, line: 1 }, 'empty file; expected a GHC time and allocation report');
    }
    if (!this.sawTreeHeader || this.root === null) {
      this.warnings.push({
        location: { source: this.source, line: this.lastLine },
        message: `no call tree after line ${this.lastLine} (truncated?); the profile has header totals only`,
      });
    }
    const exact = this.treeLayout?.hasTicks ?? false;
    if (this.root !== null) {
      if (!exact) this.approximateFromPercentages(this.root);
      computeInheritedCosts(this.root);
    }
    return {
      metadata: this.metadata,
      costCentres: this.costCentres.all,
      root: this.root,
      nodeCount: this.nodeCount,
      measures: {
        ticks: exact ? 'exact' : 'approximate',
        bytes: exact ? 'exact' : 'approximate',
        percentages: 'printed',
      },
      printedFlatTable: this.printedFlatTable,
      warnings: this.warnings,
    };
  }

  /** `-p` prints only one-decimal percentages: ticks ≈ %time × total ticks, bytes ≈ %alloc × total alloc. */
  private approximateFromPercentages(root: CallTreeNode): void {
    const totalTicks = this.metadata.totalTicks ?? 0;
    const totalBytes = this.metadata.totalAllocBytes ?? 0;
    walkCallTree(root, (node) => {
      const printed = node.printed!;
      node.ticks = (printed.individualTimePct / 100) * totalTicks;
      node.bytes = (printed.individualAllocPct / 100) * totalBytes;
    });
  }
}
