// `ghcprof report FILE...`: the header, ranked cost centres, and optionally the call tree and the bottom-up view.
import { Command, Option } from 'commander';
import { costCentreTotals, GROUPINGS, type Grouping } from '../../analyze/cost-centre-totals.js';
import { AMOUNT_METRICS, metricUnavailableReason, type AmountMetric } from '../../model/metric.js';
import { rankTotals } from '../../analyze/ranking.js';
import { treeView } from '../../analyze/tree-view.js';
import { bottomUpView } from '../../analyze/bottom-up.js';
import { unsummarizableReason } from '../../analyze/summarize-run.js';
import { formatWarning, InputError } from '../../model/diagnostic.js';
import { openInput } from '../../runs/input.js';
import { readHeapSeries } from '../../formats/read-heap-series.js';
import { renderEventlogSummary } from '../../render/eventlog-summary.js';
import { drawableMetrics, flameDataFromProfile } from '../../render/flame-data.js';
import { renderHeapChart } from '../../render/heap-chart.js';
import { renderFlamegraphHtml } from '../../render/html/flamegraph-html.js';
import { profileHeaderText } from '../../render/profile-header.js';
import { renderReport, renderReportsCsv, reportJson, reportTables, type ReportContent } from '../../render/report.js';
import { renderReportHtml } from '../../render/report-html.js';
import { loadProfile } from '../../runs/load-profile.js';
import { summariseEventlogChunks } from '../../summarise-eventlog.js';
import { choice, percentage, positiveInteger } from '../options.js';
import { withOutputs, type OutputTarget } from '../output.js';
import { runAction, UsageError } from '../run-command.js';
import { printWarnings } from '../warnings.js';
import { colourOption, wantsColour, type ColourWhen } from '../colour.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface ReportOptions {
  top: number;
  sort: AmountMetric;
  by: Grouping;
  tree: boolean;
  bottomUp: boolean;
  color: ColourWhen;
  depth: number;
  min: number;
  format: (typeof FORMATS)[number];
  output?: string;
  html?: string;
  from?: string;
  to?: string;
}

export function reportCommand(): Command {
  return new Command('report')
    .description('summarise profiles: header, cost centres ranked by cost summed over call sites, optional call tree')
    .argument('<file...>', 'profiles: text .prof (-p, -P, -pa), JSON .prof (-pj), .gz, or - for stdin')
    .option('--top <n>', 'rows to show (0 = all)', positiveInteger, 20)
    .addOption(new Option('--sort <metric>', 'rank by').choices(AMOUNT_METRICS).default('time'))
    .addOption(new Option('--by <grouping>', 'group costs by').choices(GROUPINGS).default('cost-centre'))
    .option('--tree', 'also print the call tree', false)
    .option('--bottom-up', 'also print each top cost centre with its callers below it (their callers below them, and so on)', false)
    .addOption(new Option('--depth <n>', 'with --tree or --bottom-up: deepest level shown').argParser(positiveInteger).default(Number.MAX_SAFE_INTEGER, 'all'))
    .option('--min <pct>', 'with --tree or --bottom-up: hide subtrees under this share of time and alloc', percentage, 0)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text').argParser(choice(FORMATS)))
    .option('--from <marker>', 'eventlogs: keep samples from the first user marker starting with this')
    .option('--to <marker>', 'eventlogs: ... up to the next user marker starting with this')
    .option('--html <file>', 'also write one self-contained HTML page: header, tables, interactive flamegraph (and heap chart and GC summary for eventlogs)')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .addOption(colourOption())
    .action(
      runAction(async (files: string[], options: ReportOptions) => {
        // The page is of one profile: with several, all but the first were silently left out.
        if (options.html !== undefined && files.length > 1) {
          throw new UsageError(`--html writes the page of one profile, and ${files.length} were given: run report --html once per file (or compare them: ghcprof compare)`);
        }
        // Both outputs checked before any work, both written before either replaces its file.
        const paths = options.html === undefined ? [options.output] : [options.output, options.html];
        await withOutputs(paths, ([output, html]) => report(files, options, output!, html));
      }),
    );
}

/** The reports of `files` to `output`, and the page of the one file to `html`. */
async function report(files: string[], options: ReportOptions, output: OutputTarget, html: OutputTarget | undefined): Promise<void> {
  const contents: ReportContent[] = [];
  for (const file of files) {
    // Without the tree or the page, the report is sums: rows of one stack may share a node.
    const stacks = options.tree || options.html !== undefined ? 'every-row' : 'merged';
    const profile = await loadProfile(file, { window: { fromMarker: options.from, toMarker: options.to }, stacks });
    // An eventlog of a program run without -p has no time profile: a report of a 0-tick MAIN would say nothing true.
    if (options.from === undefined && options.to === undefined && unsummarizableReason(profile) !== null) {
      printWarnings(profile.warnings); // where the read stopped, if it stopped early
      throw new InputError({ source: file }, 'this eventlog has no time-profile samples: run the program with +RTS -p -l (GHC 8.10 or later) for them; `ghcprof eventlog` summarises what it has');
    }
    const unavailable = metricUnavailableReason(profile.measures, options.sort);
    if (unavailable !== null) throw new UsageError(`${file}: --sort ${options.sort}: this profile ${unavailable}`);
    const ranked = rankTotals(costCentreTotals(profile, options.by), options.sort);
    contents.push({
      profile,
      grouping: options.by,
      sort: options.sort,
      totals: options.top > 0 ? ranked.slice(0, options.top) : ranked,
      totalRows: ranked.length,
      tree: options.tree ? treeView(profile, { maxDepth: options.depth, minPct: options.min }) : null,
      bottomUp: options.bottomUp ? bottomUpView(profile, { top: options.top, sort: options.sort, maxDepth: options.depth, minPct: options.min }) : null,
    });
    printWarnings(profile.warnings);
  }
  if (html !== undefined) await writeHtmlReport(html, files, contents[0]!);
  if (options.format === 'json') {
    const json = contents.length === 1 ? reportJson(contents[0]!) : contents.map(reportJson);
    await output.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (options.format === 'csv') {
    await output.write(renderReportsCsv(contents));
  } else {
    for (const [i, content] of contents.entries()) {
      if (i > 0) await output.write('\n');
      await output.write(renderReport(content, options.format, { colour: wantsColour(options.color, options.output) }));
    }
  }
}

/** The HTML page of the first report; eventlog files are read again for heap samples and GC. */
async function writeHtmlReport(output: OutputTarget, files: string[], content: ReportContent): Promise<void> {
  const profile = content.profile;
  const data = flameDataFromProfile(profile, { metrics: drawableMetrics(profile), minWidthPct: 0.05 });
  let heapSvg: string | null = null;
  let gcSummaryText: string | null = null;
  const file = files[0]!;
  if (profile.metadata.format === 'eventlog' && file !== '-') {
    const series = await readHeapSeries(openInput(file).chunks(), file);
    if (series.samples.length > 0) heapSvg = renderHeapChart(series, { top: 10 }).svg;
    gcSummaryText = renderEventlogSummary(await summariseEventlogChunks(openInput(file).transientChunks(), file));
  }
  await output.write(
    renderReportHtml({
      title: `ghcprof report: ${profile.metadata.program ?? profile.metadata.source}`,
      headerText: profileHeaderText(profile),
      warnings: profile.warnings.map(formatWarning),
      tables: reportTables(content),
      flamegraphHtml: renderFlamegraphHtml(data),
      heapSvg,
      gcSummaryText,
    }),
  );
}
