// `ghcprof compare`: benchstat-style tables, one per metric, as text or Markdown, and JSON.
import type { RunMetric } from '../analyze/aggregate.js';
import type { CompareRow, Comparison, OneSidedRow } from '../analyze/compare.js';
import type { ManifestChange } from '../analyze/manifest-diff.js';
import { medianWithSpread, METRIC_TITLES, metricDigits } from './median-spread.js';
import { renderTable, type Table, type TableFormat } from './table.js';

export interface CompareSideInfo {
  label: string;
  runs: number;
  sources: string[];
  program: string | null;
  /** Median run totals (null where no run has the figure). */
  totals: { timeSecs: number | null; ticks: number | null; allocBytes: number | null };
}

export interface CompareReportContent {
  comparison: Comparison;
  base: CompareSideInfo;
  next: CompareSideInfo;
  manifest: ManifestChange[] | null;
  /** Rows shown per metric (0 = all), most changed first. */
  top: number;
}

/** benchstat's delta column: `+28.9% (p=0.000 n=8+8)`, or `~` when not significant. */
export function deltaCell(row: CompareRow, runsNeeded: number | null): string {
  const n = `n=${row.base.n}+${row.next.n}`;
  const change = row.deltaPct === null ? (row.next.median === 0 ? '0%' : 'new') : `${row.deltaPct >= 0 ? '+' : ''}${row.deltaPct.toFixed(1)}%`;
  if (row.p === null) return `${change} (${n}; significance needs ${runsNeeded ?? 4}+ runs per side)`;
  const p = `p=${row.pAdjusted!.toFixed(3)} ${n}`;
  return row.significant ? `${change} (${p})` : `~ (${p})`;
}

/** Rows are ranked by how much they moved in the metric's own units, so big cost centres come before tiny ones with large ratios. */
function changeSize(row: CompareRow): number {
  return Math.abs(row.next.median - row.base.median);
}

function metricTable(content: CompareReportContent, metric: RunMetric): Table {
  const { comparison } = content;
  const rows = comparison.rows
    .filter((row) => row.metric === metric)
    .sort((a, b) => Number(b.significant) - Number(a.significant) || changeSize(b) - changeSize(a) || a.key.localeCompare(b.key));
  const shown = content.top > 0 ? rows.slice(0, content.top) : rows;
  const byCostCentre = comparison.options.grouping === 'cost-centre';
  const nameTitle = byCostCentre ? 'COST CENTRE' : comparison.options.grouping === 'module' ? 'MODULE' : 'STACK';
  const table: Table = {
    columns: [
      { title: `${nameTitle} (${METRIC_TITLES[metric]})`, align: 'left' },
      ...(byCostCentre ? [{ title: 'MODULE', align: 'left' as const }] : []),
      { title: `base`, align: 'right' },
      { title: `new`, align: 'right' },
      { title: 'delta', align: 'left' },
    ],
    rows: shown.map((row) => [
      row.label,
      ...(byCostCentre ? [row.module] : []),
      medianWithSpread(row.base, metricDigits(metric)),
      medianWithSpread(row.next, metricDigits(metric)),
      deltaCell(row, comparison.runsNeededForSignificance),
    ]),
  };
  const ratio = comparison.geomean[metric];
  if (ratio !== undefined && ratio !== null) {
    const change = (ratio - 1) * 100;
    table.rows.push(['geomean', ...(byCostCentre ? [''] : []), '', '', `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`]);
  }
  return table;
}

function oneSidedLines(title: string, rows: OneSidedRow[]): string[] {
  if (rows.length === 0) return [];
  return [
    `${title} (${rows.length}):`,
    ...rows
      .sort((a, b) => b.timePct - a.timePct || b.allocPct - a.allocPct)
      .slice(0, 20)
      .map((row) => `  ${row.module}.${row.label}${row.src ? ` ${row.src}` : ''}  ${row.timePct.toFixed(1)}% time, ${row.allocPct.toFixed(1)}% alloc`),
    ...(rows.length > 20 ? [`  ... and ${rows.length - 20} more (see --format json)`] : []),
  ];
}

function sideLine(name: string, info: CompareSideInfo): string {
  const sources = info.sources.length <= 3 ? info.sources.join(', ') : `${info.sources.slice(0, 2).join(', ')}, ... (${info.sources.length})`;
  const totals = [
    info.totals.timeSecs !== null ? `${info.totals.timeSecs.toFixed(2)} s` : null,
    info.totals.ticks !== null ? `${Math.round(info.totals.ticks).toLocaleString('en-US')} ticks` : null,
    info.totals.allocBytes !== null ? `${Math.round(info.totals.allocBytes).toLocaleString('en-US')} bytes allocated` : null,
  ].filter((part) => part !== null);
  const medians = totals.length > 0 ? ` (median run: ${totals.join(', ')})` : '';
  return `${name}: ${info.runs} run${info.runs === 1 ? '' : 's'}${info.program ? ` of ${info.program}` : ''}${medians}: ${sources}`;
}

function manifestLines(changes: ManifestChange[]): string[] {
  if (changes.length === 0) return ['manifest: no component changed'];
  const show = (entry: ManifestChange['base']): string => (entry === null ? 'absent' : `${entry.version ?? '?'} (${entry.commit?.slice(0, 7) ?? 'no commit'})`);
  return ['manifest changes:', ...changes.map((change) => `  ${change.component}: ${show(change.base)} -> ${show(change.next)}`)];
}

export function renderCompareReport(content: CompareReportContent, format: TableFormat): string {
  const { comparison } = content;
  if (format === 'csv') {
    const table: Table = {
      columns: ['module', 'label', 'src', 'metric', 'base n', 'base median', 'base ciLow', 'base ciHigh', 'new n', 'new median', 'new ciLow', 'new ciHigh', 'deltaPct', 'p', 'pAdjusted', 'significant'].map((title) => ({ title, align: 'left' })),
      rows: comparison.rows.map((row) => [row.module, row.label, row.src ?? '', row.metric, ...[row.base, row.next].flatMap((s) => [s.n, s.median, s.ciLow, s.ciHigh].map(String)), String(row.deltaPct ?? ''), String(row.p ?? ''), String(row.pAdjusted ?? ''), String(row.significant)]),
    };
    return renderTable(table, 'csv');
  }
  const markdown = format === 'markdown';
  const lines: string[] = [];
  if (markdown) lines.push(`### ghcprof compare: ${content.next.program ?? ''}`, '');
  const info = [
    sideLine('base', content.base),
    sideLine('new', content.next),
    ...(content.manifest === null ? [] : manifestLines(content.manifest)),
    `test: Mann-Whitney U, two-sided; ${comparison.options.correction === 'none' ? 'no correction' : `${comparison.options.correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'} correction over ${comparison.tested} tests`}; alpha ${comparison.options.alpha}; centre: median ± 95% CI; ~ = no significant change`,
  ];
  if (comparison.runsNeededForSignificance !== null) {
    info.push(`note: with ${Math.min(comparison.runs.base, comparison.runs.next)} run(s) on a side no change can be significant at alpha ${comparison.options.alpha}: significance needs ${comparison.runsNeededForSignificance} runs per side`);
  }
  lines.push(...(markdown ? info.map((line) => `> ${line}  `) : info), '');
  for (const metric of comparison.metrics) {
    lines.push(renderTable(metricTable(content, metric), format).trimEnd(), '');
  }
  const oneSided = [...oneSidedLines('only in new (added)', comparison.added), ...oneSidedLines('only in base (removed)', comparison.removed)];
  if (oneSided.length > 0) lines.push(...(markdown ? ['```', ...oneSided, '```'] : oneSided), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

export function compareJson(content: CompareReportContent, regressions: CompareRow[] | null): object {
  const { comparison } = content;
  const sideJson = (summary: CompareRow['base']): object => ({ n: summary.n, median: summary.median, ciLow: summary.ciLow, ciHigh: summary.ciHigh, mean: summary.mean });
  return {
    base: content.base,
    new: content.next,
    manifest: content.manifest,
    by: comparison.options.grouping,
    alpha: comparison.options.alpha,
    correction: comparison.options.correction,
    tested: comparison.tested,
    runsNeededForSignificance: comparison.runsNeededForSignificance,
    rows: comparison.rows.map((row) => ({
      module: row.module,
      label: row.label,
      src: row.src,
      baseSrc: row.baseSrc,
      metric: row.metric,
      base: sideJson(row.base),
      new: sideJson(row.next),
      deltaPct: row.deltaPct,
      p: row.p,
      pAdjusted: row.pAdjusted,
      significant: row.significant,
    })),
    added: comparison.added,
    removed: comparison.removed,
    geomean: comparison.geomean,
    ...(regressions === null ? {} : { regressions: regressions.length, verdict: regressions.length === 0 ? 'pass' : 'fail' }),
  };
}
