// `ghcprof compare --html`: one self-contained page to attach to a CI job or open offline: the
// verdict, the settings the comparison used, the two sides, the manifest difference, the run
// totals, every significant row (tables sortable by any column), and the differential
// flamegraph (the viewer page, embedded with srcdoc as report --html embeds it).
import { changeMeaning, type ComparedFigure, type CompareRow, type CompareTotal } from '../analyze/compare.js';
import type { MetricName } from '../model/metric.js';
import type { CellStyle } from './cell-style.js';
import { deltaCell, formatP, testLine, type CompareReportContent } from './compare-report.js';
import { medianWithSpread } from './median-spread.js';
import { estimateMark, formatInUnit, formatMetricValue, formatSignedPct, metricTitle } from './metric-value.js';
import { srcdoc } from './html/srcdoc.js';
import { escapeXml } from './xml-escape.js';

export interface ComparePage {
  content: CompareReportContent;
  /** The rows and totals over --fail-on-regression's threshold, or null without the gate. */
  regressions: ReadonlyArray<CompareRow | CompareTotal> | null;
  thresholdPct: number | null;
  /** A complete differential flamegraph page, or null when the runs have no call trees. */
  flamegraphHtml: string | null;
}

/** A cell: its text, what it sorts by (a number, or the text), and its meaning for colour. */
interface Cell {
  text: string;
  sortValue?: number | null;
  style?: CellStyle | null;
}


function sortableTable(id: string, titles: ReadonlyArray<{ title: string; numeric: boolean }>, rows: Cell[][]): string {
  const head = titles.map((column, i) => `<th data-column="${i}"${column.numeric ? ' class="num" data-numeric="1"' : ''} title="sort">${escapeXml(column.title)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, i) => {
        const classes = [titles[i]!.numeric ? 'num' : '', cell.style ? cell.style : ''].filter((name) => name !== '').join(' ');
        const value = cell.sortValue === undefined || cell.sortValue === null || !Number.isFinite(cell.sortValue) ? '' : ` data-value="${cell.sortValue}"`;
        return `<td${classes === '' ? '' : ` class="${classes}"`}${value}>${escapeXml(cell.text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="sortable" id="${id}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function verdictText(page: ComparePage): { text: string; failed: boolean } {
  const { comparison } = page.content;
  const significant = [...comparison.totals, ...comparison.rows].filter((figure) => figure.significant && !figure.withinPrintPrecision);
  const meanings = [...comparison.totals.map((total) => changeMeaning(total, total.worse)), ...comparison.rows.map((row) => changeMeaning(row, 'higher'))];
  const worse = meanings.filter((meaning) => meaning === 'worse').length;
  const better = meanings.filter((meaning) => meaning === 'better').length;
  const counts = `${significant.length} significant change${significant.length === 1 ? '' : 's'} (${worse} worse, ${better} better) in ${comparison.testedTotals + comparison.tested} tests`;
  if (page.regressions === null) return { text: counts, failed: false };
  const failed = page.regressions.length > 0;
  const gate = failed
    ? `FAIL: ${page.regressions.length} significant regression${page.regressions.length === 1 ? '' : 's'} above ${page.thresholdPct}%`
    : `PASS: no significant regression above ${page.thresholdPct}%`;
  return { text: `${gate}; ${counts}`, failed };
}

function settingsLines(page: ComparePage): string[] {
  const { comparison, base, next } = page.content;
  const { options } = comparison;
  const sides = [base, next].map((side, i) => `${i === 0 ? 'base' : 'new'}: ${side.runs} run${side.runs === 1 ? '' : 's'}${side.program ? ` of ${side.program}` : ''} (${side.label})`);
  return [
    ...sides,
    testLine(comparison),
    `rows per ${options.grouping}; metrics ${comparison.metrics.join(', ')}; rows tested when at least ${options.minPct}% of time or alloc in a build`,
    ...(comparison.formatNote === null ? [] : [`note: ${comparison.formatNote}`]),
    ...(comparison.runsNeededForSignificance === null ? [] : [`note: significance needs ${comparison.runsNeededForSignificance} runs per side`]),
  ];
}

function figureCells(figure: ComparedFigure, format: (value: number) => string, mark: string): Cell[] {
  return [
    { text: `${mark}${medianWithSpread(figure.base, format)}`, sortValue: figure.base.median },
    { text: `${mark}${medianWithSpread(figure.next, format)}`, sortValue: figure.next.median },
    { text: `${figure.change >= 0 ? '+' : '-'}${format(Math.abs(figure.change))}`, sortValue: figure.change },
    { text: figure.deltaPct === null ? '' : formatSignedPct(figure.deltaPct), sortValue: figure.deltaPct },
    { text: figure.pAdjusted === null ? 'untested' : formatP(figure.pAdjusted), sortValue: figure.pAdjusted },
  ];
}

const FIGURE_TITLES = [
  { title: 'base', numeric: true },
  { title: 'new', numeric: true },
  { title: 'change', numeric: true },
  { title: 'delta', numeric: true },
  { title: 'p (corrected)', numeric: true },
];

function totalsTable(page: ComparePage): string {
  const { comparison } = page.content;
  const rows = comparison.totals.map((total): Cell[] => {
    const cells = figureCells(total, (value) => formatInUnit(value, total.unit), '');
    cells[3]!.style = changeMeaning(total, total.worse);
    return [{ text: total.title }, ...cells, { text: deltaCell(total, comparison.runsNeededForSignificance) }];
  });
  return sortableTable('totals', [{ title: 'run total', numeric: false }, ...FIGURE_TITLES, { title: 'verdict', numeric: false }], rows);
}

function rowsTable(page: ComparePage, name: MetricName, rows: readonly CompareRow[]): string {
  const { comparison } = page.content;
  const cells = rows.map((row): Cell[] => {
    const figures = figureCells(row, (value) => formatMetricValue(name, value), estimateMark(row.estimated));
    figures[3]!.style = changeMeaning(row, 'higher');
    return [{ text: row.label }, { text: row.module }, { text: row.src ?? '' }, ...figures, { text: deltaCell(row, comparison.runsNeededForSignificance) }];
  });
  return sortableTable(`rows-${name}`, [{ title: comparison.options.grouping === 'stack' ? 'stack' : 'cost centre', numeric: false }, { title: 'module', numeric: false }, { title: 'SRC', numeric: false }, ...FIGURE_TITLES, { title: 'verdict', numeric: false }], cells);
}

function manifestTable(page: ComparePage): string {
  const changes = page.content.manifest;
  if (changes === null) return '<p>No manifest on both sides (profnix run directories carry one in meta.json).</p>';
  if (changes.length === 0) return '<p>No component changed.</p>';
  const show = (entry: (typeof changes)[number]['base']): string => (entry === null ? 'absent' : `${entry.version ?? '?'} (${entry.commit?.slice(0, 7) ?? 'no commit'})`);
  const rows = changes.map((change): Cell[] => [{ text: change.component }, { text: show(change.base) }, { text: show(change.next) }]);
  return sortableTable('manifest', [{ title: 'component', numeric: false }, { title: 'base', numeric: false }, { title: 'new', numeric: false }], rows);
}

/** Click a heading to sort by it (again: the other way); numbers by their value, text as text. */
const SORT_SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  table.querySelectorAll('th').forEach((th, column) => {
    th.addEventListener('click', () => {
      const body = table.tBodies[0];
      const numeric = th.dataset.numeric === '1';
      const down = th.dataset.sorted !== 'down';
      table.querySelectorAll('th').forEach((other) => delete other.dataset.sorted);
      th.dataset.sorted = down ? 'down' : 'up';
      const key = (row) => {
        const cell = row.cells[column];
        if (!numeric) return cell.textContent;
        return cell.dataset.value === undefined ? -Infinity : Number(cell.dataset.value);
      };
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = numeric ? x - y : x.localeCompare(y);
        return down ? -order : order;
      });
      for (const row of rows) body.appendChild(row);
    });
  });
}
`;

export function renderCompareHtml(page: ComparePage): string {
  const { content } = page;
  const { comparison } = content;
  const title = `ghcprof compare: ${content.next.program ?? 'profiles'}`;
  const verdict = verdictText(page);
  const sections: string[] = [
    `<section><p class="verdict ${verdict.failed ? 'worse' : page.regressions === null ? '' : 'better'}">${escapeXml(verdict.text)}</p>`,
    `<pre class="settings">${escapeXml(settingsLines(page).join('\n'))}</pre></section>`,
    `<section><h2>Manifest</h2>${manifestTable(page)}</section>`,
  ];
  if (comparison.totals.length > 0) sections.push(`<section><h2>Run totals</h2>${totalsTable(page)}</section>`);
  for (const name of comparison.metrics) {
    const significant = comparison.rows.filter((row) => row.metric === name && row.significant && !row.withinPrintPrecision);
    const tested = comparison.rows.filter((row) => row.metric === name).length;
    const heading = `Significant changes in ${metricTitle(name)} (${significant.length} of ${tested} rows)`;
    sections.push(`<section><h2>${escapeXml(heading)}</h2>${significant.length === 0 ? '<p>None.</p>' : rowsTable(page, name, significant)}</section>`);
  }
  if (comparison.added.length + comparison.removed.length > 0) {
    const list = (rows: typeof comparison.added): string => rows.map((row) => `<li>${escapeXml(`${row.module}.${row.label}${row.src ? ` ${row.src}` : ''}`)}</li>`).join('');
    sections.push(`<section><h2>Only on one side</h2><p>Added (${comparison.added.length}):</p><ul>${list(comparison.added)}</ul><p>Removed (${comparison.removed.length}):</p><ul>${list(comparison.removed)}</ul></section>`);
  }
  sections.push(
    page.flamegraphHtml === null
      ? '<section><h2>Differential flamegraph</h2><p>Not drawn: a side has no call trees (run summaries carry none).</p></section>'
      : `<section><h2>Differential flamegraph</h2><iframe class="flamegraph" title="differential flamegraph" srcdoc="${srcdoc(page.flamegraphHtml)}"></iframe></section>`,
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>
body{font-family:Verdana,sans-serif;margin:20px;color:#222;max-width:1500px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
pre{background:#f6f6f2;padding:10px;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;font-size:12px}th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:left;white-space:nowrap}
th{background:#f0f0ea;cursor:pointer;user-select:none}th[data-sorted=down]::after{content:" \\25BC"}th[data-sorted=up]::after{content:" \\25B2"}
.num{text-align:right;font-variant-numeric:tabular-nums}
.worse{color:#b00020}.better{color:#08711f}.unchanged{color:#888}
.verdict{font-size:16px;font-weight:bold}
iframe.flamegraph{width:100%;height:640px;border:1px solid #ddd}
</style></head>
<body><h1>${escapeXml(title)}</h1>
${sections.join('\n')}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}
