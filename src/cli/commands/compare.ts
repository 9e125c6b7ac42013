// `ghcprof compare BASE NEW` or `ghcprof compare --base PATH... --new PATH...`: which run
// totals and cost centres changed between two builds, by how much (in seconds, bytes and
// entries), and how sure we are; a CI verdict with --fail-on-regression; a differential
// flamegraph with --flamegraph; all of it on one page with --html.
import { Command, Option } from 'commander';
import type { RunAggregator } from '../../analyze/aggregate.js';
import { compareBuilds, significantRegressions, type CompareGrouping, type CompareOptions as CompareBuildOptions, type Comparison } from '../../analyze/compare.js';
import { manifestDiff } from '../../analyze/manifest-diff.js';
import { meanProfile } from '../../analyze/mean-profile.js';
import type { PValueAdjustment } from '../../analyze/multiple-comparisons.js';
import { DEFAULT_METRICS, METRIC_NAMES, type AmountMetric, type MetricName } from '../../model/metric.js';
import { renderCompareHtml } from '../../render/compare-html.js';
import { compareJson, deltaCell, renderCompareReport, type CompareReportContent } from '../../render/compare-report.js';
import { withDeltas } from '../../render/diff-flame-data.js';
import { flameDataFromProfile, type FlameData } from '../../render/flame-data.js';
import { renderFlamegraphSvg } from '../../render/flamegraph-svg.js';
import { renderFlamegraphHtml } from '../../render/html/flamegraph-html.js';
import { collectRuns, type CollectedRuns } from '../../runs/collect-runs.js';
import { loadRuns, type LoadedRuns } from '../../runs/load-runs.js';
import { threadsOption } from '../../runs/threads.js';
import { checkBuildNames, loadStoredRuns } from '../../store/load.js';
import { withStore } from '../../store/store.js';
import { alphaValue, percentage, positiveInteger, regressionThreshold } from '../options.js';
import { endingKind, PICTURE_ENDINGS } from '../output-kind.js';
import { withOutputs } from '../output.js';
import { runAction, UsageError } from '../run-command.js';
import { ALLOW_DIFFERENT_PROGRAMS } from '../one-program.js';
import { printWarnings } from '../warnings.js';
import { colourOption, wantsColour, type ColourWhen } from '../colour.js';
import { noTimeProfileError } from '../no-time-profile.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface CompareOptions {
  base?: string[];
  new?: string[];
  metric?: MetricName[];
  alpha: number;
  correction: PValueAdjustment;
  by: CompareGrouping;
  min: number;
  top: number;
  onlySignificant?: boolean;
  regressions?: boolean;
  color: ColourWhen;
  allowDifferentPrograms?: boolean;
  format: (typeof FORMATS)[number];
  failOnRegression?: number;
  flamegraph?: string;
  html?: string;
  output?: string;
  store?: string;
  baseBuild?: string[];
  newBuild?: string[];
  threads?: number;
}

/** The differential flamegraph's data: widths from the new build's mean, each frame's change tested per stack. */
function differentialFlame(base: RunAggregator, next: RunAggregator, compareOptions: CompareBuildOptions, metrics: readonly MetricName[]): FlameData {
  const flameMetric: AmountMetric = metrics.includes('time') ? 'time' : metrics.includes('alloc') ? 'alloc' : 'time';
  const stacks = compareBuilds(base, next, { ...compareOptions, grouping: 'stack', metrics: [flameMetric], minPct: 0 });
  const profile = meanProfile(next, `new build: mean of ${next.runs.length} runs`);
  return withDeltas(
    flameDataFromProfile(profile, {
      metrics: [flameMetric],
      minWidthPct: 0.1,
      title: `${profile.metadata.program ?? 'profile'}: new vs base (red: more ${flameMetric}, blue: less; pale: no significant change)`,
    }),
    stacks,
    flameMetric,
  );
}

/** `--store FILE --base-build NAME... --new-build NAME...`: each side's stored runs, as loadRuns would give them from their files. */
function loadStoredSides(path: string, baseBuilds: string[], nextBuilds: string[]): Promise<Array<{ collected: CollectedRuns; loaded: LoadedRuns }>> {
  return withStore(path, (store) => {
    checkBuildNames(store, [...baseBuilds, ...nextBuilds]);
    return [loadStoredRuns(store, { builds: baseBuilds }), loadStoredRuns(store, { builds: nextBuilds })];
  });
}

function runSources(collected: CollectedRuns): string[] {
  return collected.runDirectories.length > 0 ? collected.runDirectories.map((info) => info.meta.tag ?? info.path) : collected.inputs.map((input) => input.profilePath);
}

/** Metrics named on the command line must be measured on both sides; the default ones are used where they are. */
function chooseMetrics(asked: MetricName[] | undefined, sides: Array<[string, RunAggregator]>): MetricName[] {
  if (asked === undefined) return DEFAULT_METRICS.filter((name) => sides.every(([, aggregator]) => aggregator.unavailableReason(name) === null));
  for (const name of asked) {
    for (const [sideName, aggregator] of sides) {
      const reason = aggregator.unavailableReason(name);
      if (reason !== null) throw new UsageError(`--metric ${name}: the ${sideName} build cannot provide it: ${reason}`);
    }
  }
  return asked;
}

function checkPrograms(base: RunAggregator, next: RunAggregator, allowed: boolean): void {
  const programs = new Set([...base.programs, ...next.programs]);
  if (programs.size <= 1 || allowed) return;
  throw new UsageError(`the runs are of different programs (base: ${base.programs.join(', ') || '?'}; new: ${next.programs.join(', ') || '?'}); compare builds of one program, or pass ${ALLOW_DIFFERENT_PROGRAMS}`);
}

/** --only-significant and --regressions keep the rows (not the run totals) that pass. */
function filterRows(comparison: Comparison, options: CompareOptions): Comparison {
  if (!options.onlySignificant && !options.regressions) return comparison;
  return { ...comparison, rows: comparison.rows.filter((row) => row.significant && (!options.regressions || row.change > 0)) };
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('compare two builds: run totals and matched cost centres in seconds, bytes and entries; Mann-Whitney significance with correction; CI verdict')
    .argument('[paths...]', 'BASE NEW: two folders or run directories (or use --base/--new)')
    .option('--base <paths...>', 'base build: profiles, folders or run directories')
    .option('--new <paths...>', 'new build: profiles, folders or run directories')
    .addOption(
      new Option('--metric <metrics...>', `metrics to compare (default: ${DEFAULT_METRICS.join(', ')} where both sides record them; shares: time-share, alloc-share)`).choices(
        METRIC_NAMES,
      ),
    )
    .option('--alpha <p>', 'significance level', alphaValue, 0.05)
    .addOption(new Option('--correction <method>', 'multiple-comparison correction').choices(['holm', 'bh', 'none']).default('holm'))
    .addOption(new Option('--by <grouping>', 'rows per').choices(['cost-centre', 'stack', 'module']).default('cost-centre'))
    .option('--min <pct>', 'test only rows with at least this median share of time or alloc in one build', percentage, 0.5)
    .option('--top <n>', 'rows shown per metric in text and Markdown (0 = all)', positiveInteger, 25)
    .option('--only-significant', 'show only rows with a significant change')
    .option('--regressions', 'show only rows with a significant increase')
    .addOption(colourOption())
    .option(ALLOW_DIFFERENT_PROGRAMS, 'compare runs even when they are of different programs')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--fail-on-regression <pct>', 'exit 1 when a run total or row got significantly worse by more than this many percent', regressionThreshold)
    .option('--flamegraph <file>', 'also write a differential flamegraph (.svg or .html): widths from the new build, colour by the absolute change of each frame')
    .option('--html <file>', 'also write one self-contained page: verdict, settings, manifest difference, run totals, significant rows (sortable), the differential flamegraph')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--store <file>', 'compare stored runs (ghcprof store add) instead of files: --base-build against --new-build')
    .option('--base-build <names...>', 'with --store: the base build (node commit prefix, or run directory tag); several are pooled')
    .option('--new-build <names...>', 'with --store: the new build, likewise')
    .addOption(threadsOption())
    .action(
      runAction(async (paths: string[], options: CompareOptions) => {
        let basePaths = options.base ?? [];
        let nextPaths = options.new ?? [];
        const fromStore = options.store !== undefined;
        if (fromStore) {
          if (paths.length > 0 || basePaths.length > 0 || nextPaths.length > 0) throw new UsageError('with --store, name the builds with --base-build NAME --new-build NAME, not paths');
          if (options.baseBuild === undefined || options.newBuild === undefined) throw new UsageError('--store: give --base-build NAME and --new-build NAME (`ghcprof store list` shows the builds)');
          if (options.by === 'stack') throw new UsageError('--by stack needs call trees, and a store keeps per cost centre and module totals only: compare the profiles instead');
          if (options.flamegraph !== undefined) throw new UsageError('--flamegraph needs call trees, and a store keeps per cost centre and module totals only: compare the profiles instead');
        } else if (options.baseBuild !== undefined || options.newBuild !== undefined) {
          throw new UsageError('--base-build and --new-build select runs of a store: give --store FILE too');
        }
        if (fromStore) {
          // Paths are not used: the sides come from the store below.
        } else if (paths.length > 0) {
          if (paths.length !== 2 || basePaths.length > 0 || nextPaths.length > 0) throw new UsageError('give BASE NEW, or --base PATH... --new PATH...');
          [basePaths, nextPaths] = [[paths[0]!], [paths[1]!]];
        }
        if (!fromStore && (basePaths.length === 0 || nextPaths.length === 0)) throw new UsageError('give BASE NEW, or --base PATH... --new PATH...');
        const flamegraphFormat = options.flamegraph === undefined ? null : endingKind(options.flamegraph, PICTURE_ENDINGS);
        if (options.flamegraph !== undefined && flamegraphFormat === null) throw new UsageError('--flamegraph: end the file name in .svg or .html');
        const stored = fromStore ? await loadStoredSides(options.store!, options.baseBuild!, options.newBuild!) : null;
        const [baseRuns, nextRuns] = stored !== null ? [stored[0]!.collected, stored[1]!.collected] : [await collectRuns(basePaths), await collectRuns(nextPaths)];
        // Stacks only for --by stack and the flamegraphs: without, the workers post back summaries.
        const callTrees = options.by === 'stack' || flamegraphFormat !== null || options.html !== undefined;
        const load = async (collected: CollectedRuns, name: string, side: number): Promise<LoadedRuns> => {
          const loaded = stored !== null ? stored[side]!.loaded : await loadRuns(collected, { threads: options.threads, callTrees });
          printWarnings(loaded.warnings);
          if (loaded.aggregator.runs.length === 0) throw noTimeProfileError(collected, name);
          return loaded;
        };
        const base = await load(baseRuns, 'base', 0);
        const next = await load(nextRuns, 'new', 1);
        // Run summaries (.summary.json) carry no call tree.
        const treeless = !base.aggregator.hasStacks || !next.aggregator.hasStacks;
        if (treeless && options.by === 'stack') throw new UsageError('--by stack needs call trees, and run summaries (.summary.json) have none: compare the profiles instead');
        if (treeless && flamegraphFormat !== null) throw new UsageError('--flamegraph needs call trees, and run summaries (.summary.json) have none: compare the profiles instead');
        checkPrograms(base.aggregator, next.aggregator, options.allowDifferentPrograms === true);
        const metrics = chooseMetrics(options.metric, [
          ['base', base.aggregator],
          ['new', next.aggregator],
        ]);
        const compareOptions = { grouping: options.by, metrics, alpha: options.alpha, correction: options.correction, minPct: options.min };
        const comparison = compareBuilds(base.aggregator, next.aggregator, compareOptions);
        if (options.failOnRegression !== undefined && comparison.tested + comparison.testedTotals === 0) {
          throw new UsageError(
            `--fail-on-regression: nothing could be tested (runs per side: ${comparison.runs.base} and ${comparison.runs.next}; significance needs ${comparison.runsNeededForSignificance ?? 2} per side)`,
          );
        }
        const manifest =
          baseRuns.runDirectories.length > 0 && nextRuns.runDirectories.length > 0 ? manifestDiff(baseRuns.runDirectories[0]!.meta, nextRuns.runDirectories[0]!.meta) : null;
        const content: CompareReportContent = {
          comparison: filterRows(comparison, options),
          base: { label: 'base', runs: base.aggregator.runs.length, sources: runSources(baseRuns), program: base.aggregator.program },
          next: { label: 'new', runs: next.aggregator.runs.length, sources: runSources(nextRuns), program: next.aggregator.program },
          manifest,
          top: options.top,
        };
        const regressions = options.failOnRegression === undefined ? null : significantRegressions(comparison, options.failOnRegression);

        // Every output checked before any is written, and all written before any replaces its file.
        const outputPaths = [options.output, options.flamegraph ?? null, options.html ?? null];
        await withOutputs(outputPaths.filter((path) => path !== null), async (targets) => {
          const [output, flamegraph, html] = [targets[0], options.flamegraph === undefined ? undefined : targets[1], options.html === undefined ? undefined : targets.at(-1)];
          // Made once for both: the differential flame of the new build's mean, coloured by each frame's tested change.
          const flame = flamegraph !== undefined || (html !== undefined && !treeless) ? differentialFlame(base.aggregator, next.aggregator, compareOptions, metrics) : null;
          if (flamegraph !== undefined) await flamegraph.write(flamegraphFormat === 'svg' ? renderFlamegraphSvg(flame!, { metric: 0, inverted: false }) : renderFlamegraphHtml(flame!, { differential: true }));
          if (html !== undefined) {
            const flamegraphHtml = flame === null ? null : renderFlamegraphHtml(flame, { differential: true });
            await html.write(renderCompareHtml({ content, regressions, thresholdPct: options.failOnRegression ?? null, flamegraphHtml }));
          }
          await output!.write(options.format === 'json' ? `${JSON.stringify(compareJson(content, regressions), null, 2)}\n` : renderCompareReport(content, options.format, { colour: wantsColour(options.color, options.output) }));
        });
        if (regressions !== null && regressions.length > 0) {
          process.stderr.write(`ghcprof: ${regressions.length} significant regression${regressions.length === 1 ? '' : 's'} above ${options.failOnRegression}%:\n`);
          for (const figure of regressions) {
            const name = 'label' in figure ? `${figure.module}.${figure.label} ${figure.metric}` : figure.title;
            process.stderr.write(`  ${name}: ${deltaCell(figure, null)}\n`);
          }
          process.exitCode = 1;
        }
      }),
    );
}
