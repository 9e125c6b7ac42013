// `ghcprof timeline PATH... [--store FILE]`: many builds in order (run directories pooled into
// builds by their manifests), per cost centre and run total each build's median with its CI,
// and the change points: the builds where a series stepped, with the manifest components that
// changed there. Text, JSON, CSV or Markdown; `-o trend.svg|trend.html` draws the charts; a CI
// verdict with --fail-on-regression. With --store, the runs come from a run store (`ghcprof
// store add`), all or those of --build, and the answer is the one their files give.
import { Command, Option } from 'commander';
import type { PValueAdjustment } from '../../analyze/multiple-comparisons.js';
import { analyzeTimeline, timelineRegressions, type TimelineGrouping } from '../../analyze/timeline.js';
import type { BuildOrder } from '../../analyze/timeline/builds.js';
import { DEFAULT_METRICS, METRIC_NAMES, type MetricName } from '../../model/metric.js';
import { renderTimelineReport, timelineJson, type TimelineReportContent } from '../../render/timeline-report.js';
import { renderTrendHtml } from '../../render/trend-chart-html.js';
import { renderTrendSvg } from '../../render/trend-chart.js';
import { buildName, describeStep, seriesName } from '../../render/trend/labels.js';
import { loadBuilds, type LoadBuildsOptions, type LoadedBuilds } from '../../runs/builds.js';
import { loadStoredBuilds } from '../../store/builds.js';
import { withStore } from '../../store/store.js';
import { alphaValue, percentage, positiveInteger, regressionThreshold } from '../options.js';
import { endingKind, PICTURE_ENDINGS } from '../output-kind.js';
import { writeOutput } from '../output.js';
import { runAction, UsageError } from '../run-command.js';
import { printWarnings } from '../warnings.js';
import { colourOption, wantsColour, type ColourWhen } from '../colour.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface TimelineCommandOptions {
  order: BuildOrder;
  by: TimelineGrouping;
  metric?: MetricName[];
  alpha: number;
  correction: PValueAdjustment;
  min: number;
  top: number;
  format?: (typeof FORMATS)[number];
  output?: string;
  color: ColourWhen;
  failOnRegression?: number;
  store?: string;
  build?: string[];
}

// Stacks are paths through a call tree, which a run summary (stored or in a file) does not
// keep: `--by stack` is refused on them, in the words of `aggregate --by stack`.
const NO_STACKS_IN_STORE = '--by stack needs call trees, and a store keeps per cost centre and module totals only: give the run directories of the profiles instead';
const NO_STACKS_IN_SUMMARIES = '--by stack needs call trees, and run summaries (.summary.json) have none: give the run directories of the profiles instead';

/**
 * Where the builds come from: the profiles under the paths, read into one aggregator per build
 * (src/runs/builds.ts), or a store's run summaries (src/store/builds.ts), which give the same
 * builds; everything after this works on { build, aggregator } pairs.
 */
async function timelineBuilds(paths: string[], options: TimelineCommandOptions): Promise<LoadedBuilds> {
  const showProgress = process.stderr.isTTY;
  const loadOptions: LoadBuildsOptions = {
    order: options.order,
    // Only stack series need the runs' call trees; the rest is in each run's summary.
    callTrees: options.by === 'stack',
    onProgress: (done, total, path) => {
      if (showProgress && path !== '') process.stderr.write(`\r\x1b[Kreading run ${Math.min(done + 1, total)}/${total} ${path}`);
    },
  };
  const { store: storePath, build: builds } = options;
  const loaded =
    storePath === undefined
      ? await loadBuilds(paths, loadOptions)
      : await withStore(storePath, (store) => loadStoredBuilds(store, builds === undefined ? { ...loadOptions, paths } : { ...loadOptions, builds }));
  if (showProgress) process.stderr.write('\r\x1b[K');
  return loaded;
}

export function timelineCommand(): Command {
  return new Command('timeline')
    .description('many builds in order: per cost centre and run total the median of each build, and the builds where a series stepped, with the manifest changes there')
    .argument('[path...]', 'profnix run directories (run/<tag>) or folders holding them; runs whose manifests agree are one build')
    .addOption(new Option('--order <order>', 'order builds by the earliest timing.start of their runs, or as given').choices(['start', 'given']).default('start'))
    .addOption(new Option('--by <grouping>', 'series per').choices(['cost-centre', 'module', 'stack']).default('cost-centre'))
    .addOption(new Option('--metric <metrics...>', `metrics per cost centre (default: ${DEFAULT_METRICS.join(', ')} where recorded)`).choices(METRIC_NAMES))
    .option('--alpha <p>', 'false discovery rate (or family-wise error rate with holm)', alphaValue, 0.05)
    .addOption(new Option('--correction <method>', 'multiple-comparison correction over all series').choices(['bh', 'holm', 'none']).default('bh'))
    .option('--min <pct>', 'leave out cost centres (modules, stacks) whose median share of time and of alloc stay below this in every build', percentage, 0.5)
    .option('--top <n>', 'cost centres shown in text, Markdown and SVG, those with change points always (0 = all)', positiveInteger, 20)
    .addOption(new Option('--format <format>', 'output format (default: from -o: .svg and .html draw charts, else text)').choices(FORMATS))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout; .svg or .html draw the trend charts')
    .addOption(colourOption())
    .option('--store <file>', 'read the runs from a store (ghcprof store add): every build in it, or with PATHs the run directories under them, from their files where the store lacks them')
    .option('--build <names...>', 'with --store: only the runs of these builds (node commit prefix, or run directory tag), in timeline order')
    .option('--fail-on-regression <pct>', 'exit 1 when the newest build sits in a segment that is a significant regression of more than this many percent over the one before', regressionThreshold)
    .action(
      runAction(async (paths: string[], options: TimelineCommandOptions) => {
        if (options.store === undefined && options.build !== undefined) throw new UsageError('--build selects runs of a store: give --store FILE too');
        if (paths.length === 0 && options.store === undefined) throw new UsageError('give PATH... (profnix run directories or folders holding them), or --store FILE');
        if (paths.length > 0 && options.build !== undefined) throw new UsageError('give PATH... or --build NAME..., not both: both select the run directories');
        if (options.store !== undefined && options.by === 'stack') throw new UsageError(NO_STACKS_IN_STORE);
        const chart = options.format === undefined && options.output !== undefined ? endingKind(options.output, PICTURE_ENDINGS) : null;
        const loaded = await timelineBuilds(paths, options);
        printWarnings(loaded.warnings);
        if (loaded.builds.length === 0) throw new UsageError('no build had a run with a time profile');
        if (options.by === 'stack' && loaded.builds.some(({ aggregator }) => !aggregator.hasStacks)) throw new UsageError(NO_STACKS_IN_SUMMARIES);
        for (const name of options.metric ?? []) {
          if (loaded.builds.every(({ aggregator }) => aggregator.unavailableReason(name) !== null)) {
            throw new UsageError(`--metric ${name}: no build can provide it: ${loaded.builds[0]!.aggregator.unavailableReason(name)}`);
          }
        }
        const timeline = analyzeTimeline(loaded.builds, {
          grouping: options.by,
          metrics: options.metric ?? DEFAULT_METRICS,
          alpha: options.alpha,
          correction: options.correction,
          minPct: options.min,
        });
        const minBuilds = 2 * timeline.options.detector.minSegmentBuilds;
        if (timeline.builds.length < minBuilds) {
          process.stderr.write(`ghcprof: warning: ${timeline.builds.length} build${timeline.builds.length === 1 ? '' : 's'}: a change point needs ${timeline.options.detector.minSegmentBuilds} builds on each side, so at least ${minBuilds} builds${timeline.builds.length === 2 ? ' (`ghcprof compare` tests two builds)' : ''}\n`);
        }
        const content: TimelineReportContent = { timeline, order: options.order, top: options.top };
        const regressions = options.failOnRegression === undefined ? null : timelineRegressions(timeline, options.failOnRegression);

        await writeOutput(options.output, async (write) => {
          if (chart === 'svg') await write(renderTrendSvg(timeline, { top: options.top }));
          else if (chart === 'html') await write(renderTrendHtml(timeline));
          else {
            const format = options.format ?? 'text';
            await write(format === 'json' ? `${JSON.stringify(timelineJson(content, regressions), null, 2)}\n` : renderTimelineReport(content, format, { colour: wantsColour(options.color, options.output) }));
          }
        });
        if (regressions !== null && regressions.length > 0) {
          const newest = timeline.builds[timeline.builds.length - 1]!.name;
          process.stderr.write(`ghcprof: the newest build ${newest} sits after ${regressions.length} significant regression${regressions.length === 1 ? '' : 's'} above ${options.failOnRegression}%:\n`);
          for (const { changePoint, step } of regressions) {
            process.stderr.write(`  ${seriesName(changePoint)} at ${buildName(timeline, changePoint.afterIndex)}: ${describeStep(step)}\n`);
          }
          process.exitCode = 1;
        }
      }),
    );
}
