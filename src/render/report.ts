// `ghcprof report`: ranked cost centres and, on request, the pruned call tree.
import type { CostCentreTotals, Grouping } from '../analyze/cost-centre-totals.js';
import type { Metric } from '../analyze/metric.js';
import type { TreeViewRow } from '../analyze/tree-view.js';
import type { Profile } from '../model/profile.js';
import { formatWarning } from '../model/diagnostic.js';
import { formatCount, formatPct, formatPlainCount } from './numbers.js';
import { profileHeaderJson, profileHeaderText } from './profile-header.js';
import { renderTable, type Column, type Table, type TableFormat } from './table.js';

export interface ReportContent {
  profile: Profile;
  grouping: Grouping;
  sort: Metric;
  /** Ranked rows, already cut to --top. */
  totals: CostCentreTotals[];
  /** Total number of rows before the cut. */
  totalRows: number;
  tree: TreeViewRow[] | null;
}

const left = (title: string): Column => ({ title, align: 'left' });
const right = (title: string): Column => ({ title, align: 'right' });

function totalsTable(content: ReportContent, machine: boolean): Table {
  const exact = content.profile.measures.ticks === 'exact';
  const count = machine ? formatPlainCount : formatCount;
  const nameColumns: Column[] =
    content.grouping === 'cost-centre'
      ? [left('COST CENTRE'), left('MODULE'), left('SRC')]
      : [left(content.grouping === 'module' ? 'MODULE' : 'FILE')];
  const columns = [
    ...nameColumns,
    right('sites'),
    right('entries'),
    right('%time'),
    right('%alloc'),
    ...(exact ? [right('ticks'), right('bytes')] : []),
    right('inh %time'),
    right('inh %alloc'),
  ];
  const rows = content.totals.map((row) => [
    ...(content.grouping === 'cost-centre' ? [row.label, row.module, row.src ?? ''] : [row.label]),
    count(row.callSites),
    count(row.entries),
    formatPct(row.timePct),
    formatPct(row.allocPct),
    ...(exact ? [count(row.ticks), count(row.bytes)] : []),
    formatPct(row.inheritedTimePct),
    formatPct(row.inheritedAllocPct),
  ]);
  return { columns, rows };
}

function treeTable(content: ReportContent, rows: TreeViewRow[], machine: boolean): Table {
  const exact = content.profile.measures.ticks === 'exact';
  const count = machine ? formatPlainCount : formatCount;
  // Only text reports number their stacks (JSON and eventlogs have no `no.` column).
  const numbered = rows.some((row) => row.node.stackId !== null);
  const columns = [
    left('COST CENTRE'),
    left('MODULE'),
    left('SRC'),
    ...(numbered ? [right('no.')] : []),
    right('entries'),
    right('%time'),
    right('%alloc'),
    right('inh %time'),
    right('inh %alloc'),
    ...(exact ? [right('ticks'), right('bytes')] : []),
  ];
  // Text shows depth by indentation, like GHC; machine formats get a depth column instead.
  const table: Table = {
    columns: machine ? [right('depth'), ...columns] : columns,
    rows: rows.map((row) => {
      const costCentre = row.node.costCentre;
      const cells = [
        machine ? costCentre.label : `${' '.repeat(row.depth)}${costCentre.label}`,
        costCentre.module,
        costCentre.src ?? '',
        ...(numbered ? [row.node.stackId === null ? '' : String(row.node.stackId)] : []),
        count(row.node.entries),
        formatPct(row.timePct),
        formatPct(row.allocPct),
        formatPct(row.inheritedTimePct),
        formatPct(row.inheritedAllocPct),
        ...(exact ? [count(row.node.ticks), count(row.node.bytes)] : []),
      ];
      return machine ? [String(row.depth), ...cells] : cells;
    }),
  };
  return table;
}

export function renderReport(content: ReportContent, format: TableFormat): string {
  const parts: string[] = [];
  if (format === 'text') {
    parts.push(profileHeaderText(content.profile));
    for (const warning of content.profile.warnings) parts.push(`  warning: ${formatWarning(warning)}\n`);
    const shown = content.totals.length < content.totalRows ? `top ${content.totals.length} of ${content.totalRows}` : `all ${content.totalRows}`;
    parts.push(`\n${groupingTitle(content.grouping)} by individual ${content.sort}, summed over call sites (${shown}):\n\n`);
  } else if (format === 'markdown') {
    parts.push(`### ${content.profile.metadata.program ?? content.profile.metadata.source}\n\n`);
  }
  parts.push(renderTable(totalsTable(content, format !== 'text'), format));
  if (content.tree !== null) {
    if (format === 'text') parts.push('\nCall tree:\n\n');
    else if (format === 'markdown') parts.push('\n#### Call tree\n\n');
    else parts.push('\n');
    parts.push(renderTable(treeTable(content, content.tree, format !== 'text'), format));
  }
  return parts.join('');
}

function groupingTitle(grouping: Grouping): string {
  return grouping === 'cost-centre' ? 'Cost centres' : grouping === 'module' ? 'Modules' : 'Source files';
}

export function reportJson(content: ReportContent): object {
  const exact = content.profile.measures.ticks === 'exact';
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
      entries: row.entries,
      timePct: row.timePct,
      allocPct: row.allocPct,
      ticks: exact ? row.ticks : null,
      bytes: exact ? row.bytes : null,
      inheritedTimePct: row.inheritedTimePct,
      inheritedAllocPct: row.inheritedAllocPct,
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
            ticks: exact ? row.node.ticks : null,
            bytes: exact ? row.node.bytes : null,
          })),
        }),
    warnings: content.profile.warnings.map(formatWarning),
  };
}
