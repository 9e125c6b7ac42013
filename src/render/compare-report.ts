// `ghcprof compare`: benchstat-style tables (run totals first, then one per metric) as text
// or Markdown, CSV, and JSON.
import { changeMeaning, type ComparedFigure, type CompareRow, type CompareTotal, type Comparison, type OneSidedRow } from '../analyze/compare.js';
import type { ManifestChange } from '../analyze/manifest-diff.js';
import type { MetricName } from '../model/metric.js';
import { codeBlock, markdownText } from './markdown-text.js';
import { medianWithSpread } from './median-spread.js';
import { estimateMark, formatInUnit, formatMetricValue, formatPercent, formatSignedPct, metricTitle } from './metric-value.js';
import { shownName, visibleText } from './program-text.js';
import { renderTable, type Table, type TableFormat, type TableOptions } from './table.js';

export interface CompareSideInfo {
  label: string;
  runs: number;
  sources: string[];
  program: string | null;
}

export interface CompareReportContent {
  comparison: Comparison;
  base: CompareSideInfo;
  next: CompareSideInfo;
  manifest: ManifestChange[] | null;
  /** Rows shown per metric (0 = all), most important first. */
  top: number;
}

/** `p=0.004`, or `p<0.001` below what three decimals can show. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}

/** benchstat's delta column: `+28.9% (p=0.004 n=8+8)`, `~ (p=0.321 n=8+8)`, or the raw change marked untested. */
export function deltaCell(figure: ComparedFigure, runsNeeded: number | null): string {
  const n = `n=${figure.base.n}+${figure.next.n}`;
  const change = figure.deltaPct === null ? (figure.next.median === 0 ? '0%' : 'new') : formatSignedPct(figure.deltaPct);
  if (figure.p === null) return `${change} untested (${n}; significance needs ${runsNeeded ?? 4}+ runs per side)`;
  const p = `${formatP(figure.pAdjusted!)} ${n}`;
  if (figure.withinPrintPrecision) return `~ (${p}; ${change} is within -p's print precision)`;
  return figure.significant ? `${change} (${p})` : `~ (${p})`;
}

function totalsTable(comparison: Comparison): Table {
  const cell = (total: CompareTotal, summary: ComparedFigure['base']): string => medianWithSpread(summary, (value) => formatInUnit(value, total.unit));
  return {
    columns: [
      { title: 'RUN TOTAL', align: 'left' },
      { title: 'base', align: 'right' },
      { title: 'new', align: 'right' },
      { title: 'delta', align: 'left' },
    ],
    rows: comparison.totals.map((total) => [total.title, cell(total, total.base), cell(total, total.next), deltaCell(total, comparison.runsNeededForSignificance)]),
    cellStyle: (row, column) => (column === 3 ? changeMeaning(comparison.totals[row]!, comparison.totals[row]!.worse) : null),
  };
}

function metricTable(content: CompareReportContent, name: MetricName): Table {
  const { comparison } = content;
  // Rows come ordered by importance (significant first, then by the size of the change).
  const rows = comparison.rows.filter((row) => row.metric === name);
  const shown = content.top > 0 ? rows.slice(0, content.top) : rows;
  const byCostCentre = comparison.options.grouping === 'cost-centre';
  const nameTitle = byCostCentre ? 'COST CENTRE' : comparison.options.grouping === 'module' ? 'MODULE' : 'STACK';
  const cell = (row: CompareRow, summary: CompareRow['base']): string => `${estimateMark(row.estimated)}${medianWithSpread(summary, (value) => formatMetricValue(name, value))}`;
  const table: Table = {
    columns: [
      { title: `${nameTitle} (${metricTitle(name)})`, align: 'left' },
      ...(byCostCentre ? [{ title: 'MODULE', align: 'left' as const }] : []),
      { title: `base`, align: 'right' },
      { title: `new`, align: 'right' },
      { title: 'delta', align: 'left' },
    ],
    rows: shown.map((row) => [row.label, ...(byCostCentre ? [row.module] : []), cell(row, row.base), cell(row, row.next), deltaCell(row, comparison.runsNeededForSignificance)]),
    // The delta column; the geomean row (after the shown rows) is plain.
    cellStyle: (row, column) => (column === (byCostCentre ? 4 : 3) && row < shown.length ? changeMeaning(shown[row]!, 'higher') : null),
  };
  const ratio = comparison.geomean[name];
  if (ratio !== undefined && ratio !== null) table.rows.push(['geomean', ...(byCostCentre ? [''] : []), '', '', formatSignedPct((ratio - 1) * 100)]);
  return table;
}

function oneSidedLines(title: string, rows: OneSidedRow[]): string[] {
  if (rows.length === 0) return [];
  const amounts = (row: OneSidedRow): string =>
    [row.time !== null ? `${estimateMark(row.estimated)}${formatMetricValue('time', row.time)} time` : null, row.alloc !== null ? `${estimateMark(row.estimated)}${formatMetricValue('alloc', row.alloc)} alloc` : null]
      .filter((part) => part !== null)
      .join(', ');
  return [
    `${title} (${rows.length}):`,
    ...[...rows]
      .sort((a, b) => b.timeShare - a.timeShare || b.allocShare - a.allocShare || a.key.localeCompare(b.key))
      .slice(0, 20)
      .map((row) => `  ${shownName(row.module)}.${shownName(row.label)}${row.src ? ` ${shownName(row.src)}` : ''}  ${amounts(row)} (${formatPercent(row.timeShare)} of time, ${formatPercent(row.allocShare)} of alloc)`),
    ...(rows.length > 20 ? [`  ... and ${rows.length - 20} more (see --format json)`] : []),
  ];
}

function sideLine(name: string, info: CompareSideInfo): string {
  const sources = info.sources.length <= 3 ? info.sources.join(', ') : `${info.sources.slice(0, 2).join(', ')}, ... (${info.sources.length})`;
  return `${name}: ${info.runs} run${info.runs === 1 ? '' : 's'}${info.program ? ` of ${info.program}` : ''}: ${sources}`;
}

function manifestLines(changes: ManifestChange[]): string[] {
  if (changes.length === 0) return ['manifest: no component changed'];
  const show = (entry: ManifestChange['base']): string => (entry === null ? 'absent' : `${entry.version ?? '?'} (${entry.commit?.slice(0, 7) ?? 'no commit'})`);
  return ['manifest changes:', ...changes.map((change) => `  ${change.component}: ${show(change.base)} -> ${show(change.next)}`)];
}

export function testLine(comparison: Comparison): string {
  const { correction, alpha } = comparison.options;
  const tests = `${comparison.testedTotals} run-total and ${comparison.tested} row tests, each family corrected apart`;
  const corrected = correction === 'none' ? `no correction (${tests.replace(', each family corrected apart', '')})` : `${correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'} correction over ${tests}`;
  const estimated = comparison.rows.some((row) => row.estimated) ? '; ≈ = estimated from -p percentages' : '';
  return `test: Mann-Whitney U, two-sided; ${corrected}; alpha ${alpha}; centre: median ± 95% CI; ~ = no significant change${estimated}`;
}

const CSV_COLUMNS = ['kind', 'module', 'label', 'src', 'metric', 'base n', 'base median', 'base ciLow', 'base ciHigh', 'new n', 'new median', 'new ciLow', 'new ciHigh', 'change', 'deltaPct', 'p', 'pAdjusted', 'significant', 'estimated'];

function csvCells(figure: ComparedFigure): string[] {
  return [
    ...[figure.base, figure.next].flatMap((summary) => [summary.n, summary.median, summary.ciLow, summary.ciHigh].map(String)),
    String(figure.change),
    String(figure.deltaPct ?? ''),
    String(figure.p ?? ''),
    String(figure.pAdjusted ?? ''),
    String(figure.significant),
    String(figure.estimated),
  ];
}

export function renderCompareReport(content: CompareReportContent, format: TableFormat, options: TableOptions = {}): string {
  const { comparison } = content;
  if (format === 'csv') {
    const table: Table = {
      columns: CSV_COLUMNS.map((title) => ({ title, align: 'left' })),
      rows: [
        ...comparison.totals.map((total) => ['total', '', total.title, '', total.metric, ...csvCells(total)]),
        ...comparison.rows.map((row) => ['row', row.module, row.label, row.src ?? '', row.metric, ...csvCells(row)]),
      ],
    };
    return renderTable(table, 'csv');
  }
  const markdown = format === 'markdown';
  const lines: string[] = [];
  if (markdown) lines.push(`### ghcprof compare: ${markdownText(content.next.program ?? '')}`, '');
  const info = [sideLine('base', content.base), sideLine('new', content.next), ...(content.manifest === null ? [] : manifestLines(content.manifest)), testLine(comparison)];
  if (comparison.formatNote !== null) info.push(`note: ${comparison.formatNote}`);
  if (comparison.runsNeededForSignificance !== null) {
    info.push(`note: with ${Math.min(comparison.runs.base, comparison.runs.next)} run(s) on a side no change can be significant at alpha ${comparison.options.alpha}: significance needs ${comparison.runsNeededForSignificance} runs per side`);
  }
  // The info lines are plain text holding program names, paths and manifest entries: shown, or quoted in Markdown.
  lines.push(...info.map((line) => (markdown ? `> ${markdownText(line)}  ` : visibleText(line))), '');
  if (comparison.totals.length > 0) lines.push(renderTable(totalsTable(comparison), format, options).trimEnd(), '');
  for (const name of comparison.metrics) lines.push(renderTable(metricTable(content, name), format, options).trimEnd(), '');
  const oneSided = [...oneSidedLines('only in new (added)', comparison.added), ...oneSidedLines('only in base (removed)', comparison.removed)];
  if (oneSided.length > 0) lines.push(...(markdown ? codeBlock(oneSided) : oneSided), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function figureJson(figure: ComparedFigure): object {
  const sideJson = (summary: ComparedFigure['base']): object => ({ n: summary.n, median: summary.median, ciLow: summary.ciLow, ciHigh: summary.ciHigh, mean: summary.mean });
  return {
    base: sideJson(figure.base),
    new: sideJson(figure.next),
    change: figure.change,
    deltaPct: figure.deltaPct,
    p: figure.p,
    pAdjusted: figure.pAdjusted,
    significant: figure.significant,
    tested: figure.p !== null,
    estimated: figure.estimated,
    withinPrintPrecision: figure.withinPrintPrecision,
  };
}

export function compareJson(content: CompareReportContent, regressions: ReadonlyArray<CompareRow | CompareTotal> | null): object {
  const { comparison } = content;
  return {
    base: content.base,
    new: content.next,
    manifest: content.manifest,
    by: comparison.options.grouping,
    metrics: comparison.metrics,
    alpha: comparison.options.alpha,
    correction: comparison.options.correction,
    tested: comparison.tested,
    testedTotals: comparison.testedTotals,
    runsNeededForSignificance: comparison.runsNeededForSignificance,
    note: comparison.formatNote,
    totals: comparison.totals.map((total) => ({ metric: total.metric, title: total.title, unit: total.unit, worse: total.worse, ...figureJson(total) })),
    rows: comparison.rows.map((row) => ({ metric: row.metric, module: row.module, label: row.label, src: row.src, baseSrc: row.baseSrc, ...figureJson(row) })),
    added: comparison.added,
    removed: comparison.removed,
    geomean: comparison.geomean,
    ...(regressions === null ? {} : { regressions: regressions.length, verdict: regressions.length === 0 ? 'pass' : 'fail' }),
  };
}
