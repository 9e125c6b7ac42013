// `ghcprof report`: ranked cost centres and, on request, the pruned call tree and the bottom-up view.
import type { BottomUpRow } from '../analyze/bottom-up.js';
import type { CostCentreTotals, Grouping } from '../analyze/cost-centre-totals.js';
import type { AmountMetric } from '../model/metric.js';
import type { TreeViewRow } from '../analyze/tree-view.js';
import type { Profile } from '../model/profile.js';
import { formatWarning } from '../model/diagnostic.js';
import { markdownText } from './markdown-text.js';
import { formatCount, formatPct, formatPlainCount } from './numbers.js';
import { profileHeaderJson, profileHeaderText } from './profile-header.js';
import { renderTable, type Column, type Table, type TableFormat, type TableOptions } from './table.js';

export interface ReportContent {
  profile: Profile;
  grouping: Grouping;
  sort: AmountMetric;
  /** Ranked rows, already cut to --top. */
  totals: CostCentreTotals[];
  /** Total number of rows before the cut. */
  totalRows: number;
  tree: TreeViewRow[] | null;
  /** With --bottom-up: the top cost centres, each followed by its callers (deeper rows). */
  bottomUp: BottomUpRow[] | null;
}

const left = (title: string): Column => ({ title, align: 'left' });
const right = (title: string): Column => ({ title, align: 'right' });

/**
 * Which columns the profile can fill: eventlog samples have no alloc or entries. `-p` ticks
 * and bytes are estimates reconciled to GHC's totals: shown, marked `≈` in text.
 */
function availableColumns(profile: Profile): { entries: boolean; alloc: boolean; ticks: boolean; bytes: boolean; estimated: boolean } {
  const { ticks, bytes, entries } = profile.measures;
  return { entries: entries !== 'absent', alloc: bytes !== 'absent', ticks: ticks !== 'absent', bytes: bytes !== 'absent', estimated: ticks === 'approximate' || bytes === 'approximate' };
}

/** A count cell: `≈` before estimates in text; machine formats carry the flag in JSON instead. */
function amountFormatter(has: ReturnType<typeof availableColumns>, machine: boolean): (value: number) => string {
  if (machine) return formatPlainCount;
  return has.estimated ? (value) => `≈${formatCount(value)}` : formatCount;
}

/** A column with the function that fills it, kept only when `shown`. */
type CellColumn<Row> = [Column, (row: Row) => string, boolean];

function buildTable<Row>(rows: readonly Row[], columns: ReadonlyArray<CellColumn<Row>>): Table {
  const shown = columns.filter(([, , show]) => show);
  return { columns: shown.map(([column]) => column), rows: rows.map((row) => shown.map(([, cell]) => cell(row))) };
}

function totalsTable(content: ReportContent, machine: boolean): Table {
  const has = availableColumns(content.profile);
  const count = machine ? formatPlainCount : formatCount;
  const amount = amountFormatter(has, machine);
  const byCostCentre = content.grouping === 'cost-centre';
  const nameTitle = byCostCentre ? 'COST CENTRE' : content.grouping === 'module' ? 'MODULE' : 'FILE';
  return buildTable<CostCentreTotals>(content.totals, [
    [left(nameTitle), (row) => row.label, true],
    [left('MODULE'), (row) => row.module, byCostCentre],
    [left('SRC'), (row) => row.src ?? '', byCostCentre],
    [right('sites'), (row) => count(row.callSites), true],
    [right('entries'), (row) => count(row.entries), has.entries],
    [right('%time'), (row) => formatPct(row.timePct), true],
    [right('%alloc'), (row) => formatPct(row.allocPct), has.alloc],
    [right('ticks'), (row) => amount(row.ticks), has.ticks],
    [right('bytes'), (row) => amount(row.bytes), has.bytes],
    [right('inh %time'), (row) => formatPct(row.inheritedTimePct), true],
    [right('inh %alloc'), (row) => formatPct(row.inheritedAllocPct), has.alloc],
  ]);
}

function treeTable(content: ReportContent, rows: TreeViewRow[], machine: boolean): Table {
  const has = availableColumns(content.profile);
  const count = machine ? formatPlainCount : formatCount;
  const amount = amountFormatter(has, machine);
  // Only text reports number their stacks (JSON and eventlogs have no `no.` column).
  const numbered = rows.some((row) => row.node.stackId !== null);
  // Text shows depth by indentation, like GHC; machine formats get a depth column instead.
  return buildTable<TreeViewRow>(rows, [
    [right('depth'), (row) => String(row.depth), machine],
    [left('COST CENTRE'), (row) => (machine ? '' : ' '.repeat(row.depth)) + row.node.costCentre.label, true],
    [left('MODULE'), (row) => row.node.costCentre.module, true],
    [left('SRC'), (row) => row.node.costCentre.src ?? '', true],
    [right('no.'), (row) => (row.node.stackId === null ? '' : String(row.node.stackId)), numbered],
    [right('entries'), (row) => count(row.node.entries), has.entries],
    [right('%time'), (row) => formatPct(row.timePct), true],
    [right('%alloc'), (row) => formatPct(row.allocPct), has.alloc],
    [right('inh %time'), (row) => formatPct(row.inheritedTimePct), true],
    [right('inh %alloc'), (row) => formatPct(row.inheritedAllocPct), has.alloc],
    [right('ticks'), (row) => amount(row.node.ticks), has.ticks],
    [right('bytes'), (row) => amount(row.node.bytes), has.bytes],
  ]);
}

function bottomUpTable(content: ReportContent, rows: BottomUpRow[], machine: boolean): Table {
  const has = availableColumns(content.profile);
  const count = machine ? formatPlainCount : formatCount;
  const amount = amountFormatter(has, machine);
  // As the call tree: indentation in text, a depth column in machine formats.
  return buildTable<BottomUpRow>(rows, [
    [right('depth'), (row) => String(row.depth), machine],
    [left('COST CENTRE'), (row) => (machine ? '' : ' '.repeat(row.depth)) + row.costCentre.label, true],
    [left('MODULE'), (row) => row.costCentre.module, true],
    [left('SRC'), (row) => row.costCentre.src ?? '', true],
    [right('entries'), (row) => count(row.entries), has.entries],
    [right('%time'), (row) => formatPct(row.timePct), true],
    [right('%alloc'), (row) => formatPct(row.allocPct), has.alloc],
    [right('ticks'), (row) => amount(row.ticks), has.ticks],
    [right('bytes'), (row) => amount(row.bytes), has.bytes],
  ]);
}

const BOTTOM_UP_TITLE = 'Bottom-up';

/** What a bottom-up row's numbers are, for the section's heading. */
function bottomUpHeading(content: ReportContent): string {
  return `cost centres by individual ${content.sort}, each with its callers below it; a caller's row is the part of the cost centre's cost spent under that chain of callers`;
}

/** The report's tables (ranked totals, then the tree when asked for) for other renderers such as HTML. */
export function reportTables(content: ReportContent): Array<{ title: string; table: Table }> {
  const tables = [{ title: `${groupingTitle(content.grouping)} by individual ${content.sort}, summed over call sites`, table: totalsTable(content, false) }];
  if (content.tree !== null) tables.push({ title: 'Call tree', table: treeTable(content, content.tree, true) });
  if (content.bottomUp !== null) tables.push({ title: `${BOTTOM_UP_TITLE}: ${bottomUpHeading(content)}`, table: bottomUpTable(content, content.bottomUp, true) });
  return tables;
}

export function renderReport(content: ReportContent, format: TableFormat, options: TableOptions = {}): string {
  const parts: string[] = [];
  if (format === 'text') {
    parts.push(profileHeaderText(content.profile));
    const shown = content.totals.length < content.totalRows ? `top ${content.totals.length} of ${content.totalRows}` : `all ${content.totalRows}`;
    parts.push(`\n${groupingTitle(content.grouping)} by individual ${content.sort}, summed over call sites (${shown}):\n\n`);
  } else if (format === 'markdown') {
    parts.push(`### ${markdownText(content.profile.metadata.program ?? content.profile.metadata.source)}\n\n`);
  }
  parts.push(renderTable(totalsTable(content, format !== 'text'), format, options));
  if (content.tree !== null) {
    if (format === 'text') parts.push('\nCall tree:\n\n');
    else if (format === 'markdown') parts.push('\n#### Call tree\n\n');
    else parts.push('\n');
    parts.push(renderTable(treeTable(content, content.tree, format !== 'text'), format, options));
  }
  if (content.bottomUp !== null) {
    if (format === 'text') parts.push(`\n${BOTTOM_UP_TITLE}: ${bottomUpHeading(content)}:\n\n`);
    else if (format === 'markdown') parts.push(`\n#### ${BOTTOM_UP_TITLE}\n\n${markdownText(bottomUpHeading(content))}.\n\n`);
    else parts.push('\n');
    parts.push(renderTable(bottomUpTable(content, content.bottomUp, format !== 'text'), format, options));
  }
  return parts.join('');
}

/**
 * One table of several reports' tables: a `source` column first, naming each row's profile.
 * Profiles of different formats have different columns (-p has no ticks): the union, by title,
 * in first-seen order; a column a profile lacks is empty in its rows.
 */
function withSources(contents: readonly ReportContent[], tableOf: (content: ReportContent) => Table | null): Table | null {
  const columns: Table['columns'] = [{ title: 'source', align: 'left' }];
  const at = new Map<string, number>();
  const parts: Array<{ source: string; table: Table; places: number[] }> = [];
  for (const content of contents) {
    const table = tableOf(content);
    if (table === null) continue;
    const places = table.columns.map((column) => {
      if (!at.has(column.title)) {
        at.set(column.title, columns.length);
        columns.push(column);
      }
      return at.get(column.title)!;
    });
    parts.push({ source: content.profile.metadata.source, table, places });
  }
  if (parts.length === 0) return null;
  const rows: string[][] = [];
  for (const { source, table, places } of parts) {
    for (const row of table.rows) {
      const cells = new Array<string>(columns.length).fill('');
      cells[0] = source;
      row.forEach((cell, i) => (cells[places[i]!] = cell));
      rows.push(cells);
    }
  }
  return { columns, rows };
}

/**
 * Several reports as CSV: each kind of table once, its rows from every profile under one
 * header with a `source` column (a CSV of stacked tables, each with its own header, reads as
 * rows of nonsense). The kinds (totals, tree, bottom-up) are separated by a blank line.
 */
export function renderReportsCsv(contents: readonly ReportContent[]): string {
  if (contents.length === 1) return renderReport(contents[0]!, 'csv');
  const tables = [
    withSources(contents, (content) => totalsTable(content, true)),
    withSources(contents, (content) => (content.tree === null ? null : treeTable(content, content.tree, true))),
    withSources(contents, (content) => (content.bottomUp === null ? null : bottomUpTable(content, content.bottomUp, true))),
  ].filter((table) => table !== null);
  return tables.map((table) => renderTable(table, 'csv')).join('\n');
}

function groupingTitle(grouping: Grouping): string {
  return grouping === 'cost-centre' ? 'Cost centres' : grouping === 'module' ? 'Modules' : 'Source files';
}

export function reportJson(content: ReportContent): object {
  const has = availableColumns(content.profile);
  return {
    profile: profileHeaderJson(content.profile),
    by: content.grouping,
    sort: content.sort,
    totalRows: content.totalRows,
    costCentres: content.totals.map((row) => ({
      label: row.label,
      module: row.module,
      src: row.src,
      callSites: row.callSites,
      entries: has.entries ? row.entries : null,
      timePct: row.timePct,
      allocPct: has.alloc ? row.allocPct : null,
      ticks: has.ticks ? row.ticks : null,
      bytes: has.bytes ? row.bytes : null,
      estimated: has.estimated,
      inheritedTimePct: row.inheritedTimePct,
      inheritedAllocPct: has.alloc ? row.inheritedAllocPct : null,
    })),
    ...(content.tree === null
      ? {}
      : {
          tree: content.tree.map((row) => ({
            depth: row.depth,
            label: row.node.costCentre.label,
            module: row.node.costCentre.module,
            src: row.node.costCentre.src,
            stackId: row.node.stackId,
            entries: row.node.entries,
            timePct: row.timePct,
            allocPct: row.allocPct,
            inheritedTimePct: row.inheritedTimePct,
            inheritedAllocPct: row.inheritedAllocPct,
            ticks: has.ticks ? row.node.ticks : null,
            bytes: has.bytes ? row.node.bytes : null,
            estimated: has.estimated,
          })),
        }),
    ...(content.bottomUp === null
      ? {}
      : {
          bottomUp: content.bottomUp.map((row) => ({
            depth: row.depth,
            label: row.costCentre.label,
            module: row.costCentre.module,
            src: row.costCentre.src,
            entries: has.entries ? row.entries : null,
            timePct: row.timePct,
            allocPct: has.alloc ? row.allocPct : null,
            ticks: has.ticks ? row.ticks : null,
            bytes: has.bytes ? row.bytes : null,
            estimated: has.estimated,
          })),
        }),
    warnings: content.profile.warnings.map(formatWarning),
  };
}
