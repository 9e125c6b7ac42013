// `ghcprof aggregate`: runs, run-level metrics and rows as centre ± spread, like benchstat.
import type { AggregatedRow, RunMetricSummary, RunOutlier } from '../analyze/aggregate-summary.js';
import { METRICS, type MetricName } from '../model/metric.js';
import type { RunDirectoryInfo } from '../model/run-meta.js';
import type { RunRecord } from '../model/run-record.js';
import { markdownText } from './markdown-text.js';
import { medianWithSpread, relativeSpreadPct } from './median-spread.js';
import { estimateMark, formatInUnit, formatMetricValue } from './metric-value.js';
import { visibleText } from './program-text.js';
import { renderTable, type Column, type Table, type TableFormat, type TableOptions } from './table.js';

export interface AggregateReportContent {
  program: string | null;
  runs: RunRecord[];
  runDirectories: RunDirectoryInfo[];
  /** Run directories whose manifests differ: they are not one build. */
  mixedBuilds: boolean;
  outliers: RunOutlier[];
  runMetrics: RunMetricSummary[];
  grouping: 'cost-centre' | 'module' | 'stack';
  metrics: MetricName[];
  /** Metrics whose values are estimates in some run (from `-p` percentages): marked `≈`. */
  estimated: MetricName[];
  sort: MetricName;
  rows: AggregatedRow[];
  totalRows: number;
  warnings: string[];
}

function shortCommit(commit: string | null): string {
  return commit === null ? 'no commit' : commit.slice(0, 7);
}

function buildLine(info: RunDirectoryInfo): string {
  return Object.values(info.meta.manifest)
    .map((entry) => `${entry.name} ${entry.version ?? '?'} (${shortCommit(entry.commit)})`)
    .join(', ');
}

function rowTable(content: AggregateReportContent, format: TableFormat): Table {
  const nameColumns: Column[] =
    content.grouping === 'cost-centre'
      ? [
          { title: 'COST CENTRE', align: 'left' },
          { title: 'MODULE', align: 'left' },
          { title: 'SRC', align: 'left' },
        ]
      : [{ title: content.grouping === 'module' ? 'MODULE' : 'STACK', align: 'left' }];
  const names = (row: AggregatedRow): string[] => (content.grouping === 'cost-centre' ? [row.label, row.module, row.src ?? ''] : [row.label]);
  if (format === 'text' || format === 'markdown') {
    return {
      columns: [...nameColumns, ...content.metrics.map((metric) => ({ title: METRICS[metric].title, align: 'right' as const })), { title: 'n', align: 'right' }],
      rows: content.rows.map((row) => [
        ...names(row),
        ...content.metrics.map((metric) => `${estimateMark(content.estimated.includes(metric))}${medianWithSpread(row.metrics[metric]!, (value) => formatMetricValue(metric, value))}`),
        String(runCount(row)),
      ]),
    };
  }
  // CSV: every statistic in a column of its own.
  const fields = ['median', 'ciLow', 'ciHigh', 'mean', 'stddev', 'cv', 'min', 'max'] as const;
  return {
    columns: [
      ...nameColumns,
      { title: 'n', align: 'right' },
      ...content.metrics.flatMap((metric) => fields.map((field) => ({ title: `${metric} ${field}`, align: 'right' as const }))),
    ],
    rows: content.rows.map((row) => [
      ...names(row),
      String(runCount(row)),
      ...content.metrics.flatMap((metric) => fields.map((field) => String(row.metrics[metric]![field]))),
    ]),
  };
}

/** Runs behind a row: the most any of its metrics has (eventlog runs record no allocation). */
function runCount(row: AggregatedRow): number {
  return Math.max(0, ...Object.values(row.metrics).map((summary) => summary.n));
}

function runMetricTable(metrics: RunMetricSummary[]): Table {
  return {
    columns: [
      { title: 'run metric', align: 'left' },
      { title: 'median', align: 'right' },
      { title: '± CI', align: 'right' },
      { title: 'mean', align: 'right' },
      { title: 'cv', align: 'right' },
      { title: 'min', align: 'right' },
      { title: 'max', align: 'right' },
      { title: 'n', align: 'right' },
    ],
    rows: metrics.map(({ title, unit, summary }) => {
      const number = (value: number): string => formatInUnit(value, unit);
      return [
        title,
        number(summary.median),
        summary.median === 0 ? '' : `± ${Math.round(relativeSpreadPct(summary)!)}%`,
        number(summary.mean),
        `${(summary.cv * 100).toFixed(1)}%`,
        number(summary.min),
        number(summary.max),
        String(summary.n),
      ];
    }),
  };
}

function groupingTitle(grouping: AggregateReportContent['grouping']): string {
  return grouping === 'cost-centre' ? 'Cost centres' : grouping === 'module' ? 'Modules' : 'Call stacks';
}

export function renderAggregateReport(content: AggregateReportContent, format: TableFormat, options: TableOptions = {}): string {
  if (format === 'csv') return renderTable(rowTable(content, format), 'csv');
  // Program names, run directories, manifests and warnings are text from the runs' files.
  const show = format === 'markdown' ? markdownText : visibleText;
  const lines: string[] = [];
  const heading = `Aggregate of ${content.runs.length} run${content.runs.length === 1 ? '' : 's'}${content.program ? ` of ${show(content.program)}` : ''}`;
  lines.push(format === 'markdown' ? `### ${heading}` : heading);
  if (format === 'markdown') lines.push('');
  for (const info of content.runDirectories) {
    const ghc = info.meta.ghcVersion ? `, GHC ${info.meta.ghcVersion}` : '';
    lines.push(`  run directory ${show(`${info.meta.tag ?? info.path}${ghc}: ${buildLine(info)}`)}`);
  }
  if (content.mixedBuilds) lines.push('  warning: the run directories are not one build (their manifests differ); use `ghcprof compare` to compare builds');
  const interval = content.runs.length >= 2 ? 'CI: 95% confidence interval for the median from order statistics (benchstat)' : 'one run: no spread';
  lines.push(`  centre: median of the runs; ±: the larger distance to a bound of the ${interval}`);
  if (content.outliers.length === 0) lines.push('  outliers: none (runs whose totals are more than 3 scaled MADs from the median are flagged)');
  for (const outlier of content.outliers) {
    lines.push(`  outlier: run ${outlier.run + 1} ${show(outlier.source)}: ${show(outlier.metric)} ${outlier.value.toLocaleString('en-US')} vs median ${outlier.median.toLocaleString('en-US')} (kept in the statistics)`);
  }
  lines.push('');
  const pad = (text: string): string => (format === 'text' ? text.trimEnd().split('\n').map((line) => `  ${line}`).join('\n') : text.trimEnd());
  // Text shows the headline figures (model/run-statistic.ts); JSON carries every statistic of the runs.
  const shownMetrics = content.runMetrics.filter(({ headline }) => headline);
  lines.push(pad(renderTable(runMetricTable(shownMetrics), format, options)));
  const hidden = content.runMetrics.length - shownMetrics.length;
  if (hidden > 0) lines.push(`  (${hidden} more RTS statistics in --format json)`);
  lines.push('');
  const shown = content.rows.length < content.totalRows ? `top ${content.rows.length} of ${content.totalRows}` : `all ${content.totalRows}`;
  const estimates = content.estimated.length > 0 ? `; ≈ = estimated from -p percentages` : '';
  lines.push(`${groupingTitle(content.grouping)} by median ${METRICS[content.sort].title} (${shown}${estimates}):`, '');
  lines.push(renderTable(rowTable(content, format), format, options).trimEnd());
  return `${lines.join('\n')}\n`;
}

export function aggregateJson(content: AggregateReportContent): object {
  return {
    program: content.program,
    runs: {
      count: content.runs.length,
      items: content.runs.map((run) => ({
        source: run.source,
        runDirectory: run.runDirectory,
        node: run.node,
        format: run.format,
        formatDetail: run.formatDetail,
        program: run.program,
        measures: run.measures,
        totals: run.totals,
        stats: run.stats,
      })),
    },
    runDirectories: content.runDirectories.map((info) => ({ path: info.path, ...info.meta })),
    mixedBuilds: content.mixedBuilds,
    outliers: content.outliers,
    runMetrics: content.runMetrics.map(({ name, title, unit, summary }) => ({ name, title, unit, ...summary })),
    metrics: content.metrics,
    estimated: content.estimated,
    by: content.grouping,
    confidence: { centre: 'median', interval: 'median, order statistics', level: 0.95 },
    totalRows: content.totalRows,
    costCentres: content.rows.map((row) => ({
      module: row.module,
      label: row.label,
      src: row.src,
      metrics: Object.fromEntries(content.metrics.map((metric) => [metric, { ...row.metrics[metric]!, estimated: content.estimated.includes(metric) }])),
    })),
    warnings: content.warnings,
  };
}
