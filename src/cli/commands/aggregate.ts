// `ghcprof aggregate PATH...`: cost centres (or modules, or stacks) across runs of one build,
// as centre ± spread with n, like benchstat: amounts (seconds, bytes, entries) by default.
import { Command, Option } from 'commander';
import { summariseRows, availableMetrics, findRunOutliers, summariseRunMetrics, type AggregatedRow } from '../../analyze/aggregate-summary.js';
import { AMOUNT_METRICS, METRIC_NAMES, type MetricName } from '../../model/metric.js';
import { aggregateJson, renderAggregateReport, type AggregateReportContent } from '../../render/aggregate-report.js';
import { collectRuns } from '../../runs/collect-runs.js';
import { loadRuns, type LoadedRuns } from '../../runs/load-runs.js';
import { checkBuildNames, loadStoredRuns } from '../../store/load.js';
import { withStore } from '../../store/store.js';
import type { CollectedRuns } from '../../runs/collect-runs.js';
import { threadsOption } from '../../runs/threads.js';
import { percentage, positiveInteger } from '../options.js';
import { writeOutput } from '../output.js';
import { runAction, UsageError } from '../run-command.js';
import { printWarnings } from '../warnings.js';
import { colourOption, wantsColour, type ColourWhen } from '../colour.js';
import { noTimeProfileError } from '../no-time-profile.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface AggregateOptions {
  by: 'cost-centre' | 'module' | 'stack';
  top: number;
  sort: MetricName;
  metric?: MetricName[];
  min: number;
  format: (typeof FORMATS)[number];
  output?: string;
  store?: string;
  build?: string[];
  threads?: number;
  color: ColourWhen;
}

/** The runs of `--store FILE [--build NAME...]`, as loadRuns would give them from their files. */
function loadFromStore(path: string, builds: string[] | undefined): Promise<{ collected: CollectedRuns; loaded: LoadedRuns }> {
  return withStore(path, (store) => {
    if (builds !== undefined) checkBuildNames(store, builds);
    return loadStoredRuns(store, builds === undefined ? {} : { builds });
  });
}

function median(row: AggregatedRow, metric: MetricName): number {
  return row.metrics[metric]?.median ?? 0;
}

export function aggregateCommand(): Command {
  return new Command('aggregate')
    .description('aggregate cost centres across runs and nodes of one build: n, median, spread, 95% CI of time, alloc and entries')
    .argument('[path...]', 'profiles, folders searched for profiles, profnix run directories (run/<tag>), or .summary.json run summaries')
    .addOption(new Option('--by <grouping>', 'rows per').choices(['cost-centre', 'stack', 'module']).default('cost-centre'))
    .option('--top <n>', 'rows to show (0 = all)', positiveInteger, 20)
    .addOption(new Option('--metric <metrics...>', `columns (default: ${AMOUNT_METRICS.join(', ')} where recorded)`).choices(METRIC_NAMES))
    .addOption(new Option('--sort <metric>', 'order rows by the median of').choices(METRIC_NAMES).default('time'))
    .option('--min <pct>', 'hide rows whose median shares of time and alloc are both below this', percentage, 0)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .addOption(colourOption())
    .option('--store <file>', 'aggregate stored runs (ghcprof store add) instead of files: all of them, or those of --build')
    .option('--build <names...>', 'with --store: the runs of these builds (node commit prefix, or run directory tag)')
    .addOption(threadsOption())
    .action(
      runAction(async (paths: string[], options: AggregateOptions) => {
        if (options.store !== undefined && paths.length > 0) throw new UsageError('give PATH... or --store FILE, not both');
        if (options.store === undefined && paths.length === 0) throw new UsageError('give PATH... (profiles, folders, run directories or run summaries), or --store FILE');
        if (options.store === undefined && options.build !== undefined) throw new UsageError('--build selects runs of a store: give --store FILE too');
        if (options.store !== undefined && options.by === 'stack') throw new UsageError('--by stack needs call trees, and a store keeps per cost centre and module totals only: aggregate the profiles instead');
        let collected: CollectedRuns;
        let loaded: LoadedRuns;
        if (options.store !== undefined) {
          ({ collected, loaded } = await loadFromStore(options.store, options.build));
        } else {
          collected = await collectRuns(paths);
          const showProgress = process.stderr.isTTY && collected.inputs.length > 1;
          loaded = await loadRuns(collected, {
            threads: options.threads,
            callTrees: options.by === 'stack',
            onProgress: (done, total, path) => {
              if (showProgress) process.stderr.write(`\r\x1b[Kaggregating run ${Math.min(done + 1, total)}/${total} ${path}`);
            },
          });
          if (showProgress) process.stderr.write('\r\x1b[K');
        }
        const { aggregator } = loaded;
        printWarnings(loaded.warnings);
        if (aggregator.runs.length === 0) throw noTimeProfileError(collected, null);
        if (options.by === 'stack' && !aggregator.hasStacks) throw new UsageError('--by stack needs call trees, and run summaries (.summary.json) have none: aggregate the profiles instead');
        for (const name of [...(options.metric ?? []), options.sort]) {
          const reason = aggregator.unavailableReason(name);
          if (reason !== null) throw new UsageError(`${name === options.sort ? '--sort' : '--metric'} ${name}: ${reason}`);
        }
        const available = availableMetrics(aggregator);
        const metrics = options.metric ?? AMOUNT_METRICS.filter((name) => available.includes(name));
        // Shares are always computed: --min and the secondary order use them.
        const computed = [...new Set([...metrics, options.sort, 'time-share', 'alloc-share'] as MetricName[])].filter((name) => available.includes(name));
        const grouped = options.by === 'stack' ? aggregator.stackRows() : aggregator.rows(options.by);
        const rows = summariseRows(aggregator, grouped, computed)
          .filter((row) => median(row, 'time-share') >= options.min || median(row, 'alloc-share') >= options.min)
          .sort((a, b) => median(b, options.sort) - median(a, options.sort) || median(b, 'time-share') - median(a, 'time-share') || a.key.localeCompare(b.key));
        const content: AggregateReportContent = {
          program: aggregator.program,
          runs: aggregator.runs,
          runDirectories: collected.runDirectories,
          mixedBuilds: loaded.mixedBuilds,
          outliers: findRunOutliers(aggregator.runs),
          runMetrics: summariseRunMetrics(aggregator.runs),
          grouping: options.by,
          metrics,
          estimated: metrics.filter((name) => aggregator.isEstimated(name)),
          sort: options.sort,
          rows: options.top > 0 ? rows.slice(0, options.top) : rows,
          totalRows: rows.length,
          warnings: loaded.warnings,
        };
        await writeOutput(options.output, async (write) => {
          await write(options.format === 'json' ? `${JSON.stringify(aggregateJson(content), null, 2)}\n` : renderAggregateReport(content, options.format, { colour: wantsColour(options.color, options.output) }));
        });
      }),
    );
}
