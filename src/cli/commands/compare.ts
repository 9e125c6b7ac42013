// `ghcprof compare BASE NEW` or `ghcprof compare --base PATH... --new PATH...`: which cost
// centres changed between two builds, by how much, and how sure we are; a CI verdict with
// --fail-on-regression; a differential flamegraph with --flamegraph.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunMetric } from '../../analyze/aggregate.js';
import { compareBuilds, significantRegressions, type CompareGrouping } from '../../analyze/compare.js';
import { manifestDiff } from '../../analyze/manifest-diff.js';
import { meanProfile } from '../../analyze/mean-profile.js';
import type { PValueAdjustment } from '../../analyze/multiple-comparisons.js';
import { median } from 'simple-statistics';
import type { RunRecord } from '../../model/run-set.js';
import { compareJson, deltaCell, renderCompareReport, type CompareReportContent, type CompareSideInfo } from '../../render/compare-report.js';
import { withDeltas } from '../../render/diff-flame-data.js';
import { flameDataFromProfile } from '../../render/flame-data.js';
import { renderFlamegraphSvg } from '../../render/flamegraph-svg.js';
import { renderFlamegraphHtml } from '../../render/html/flamegraph-html.js';
import { collectRuns, type CollectedRuns } from '../collect-runs.js';
import { loadRuns, type LoadedRuns } from '../load-runs.js';
import { percentage, positiveInteger } from '../options.js';
import { writeOutput } from '../output.js';
import { runAction, UsageError } from '../run-command.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
const METRICS: Record<string, RunMetric> = { time: 'timePct', alloc: 'allocPct', entries: 'entries', ticks: 'ticks', bytes: 'bytes' };

interface CompareOptions {
  base?: string[];
  new?: string[];
  metric?: string[];
  alpha: number;
  correction: PValueAdjustment;
  by: CompareGrouping;
  min: number;
  top: number;
  format: (typeof FORMATS)[number];
  failOnRegression?: number;
  flamegraph?: string;
  output?: string;
}

function alphaValue(value: string): number {
  const alpha = Number(value);
  if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError('expected a probability between 0 and 1');
  return alpha;
}

function regressionThreshold(value: string): number {
  const pct = Number(value);
  if (!Number.isFinite(pct) || pct < 0) throw new InvalidArgumentError('expected a percentage');
  return pct;
}

function medianTotals(runs: readonly RunRecord[]): CompareSideInfo['totals'] {
  const medianOf = (pick: (run: RunRecord) => number | null): number | null => {
    const values = runs.map(pick).filter((value): value is number => value !== null);
    return values.length === 0 ? null : median(values);
  };
  return { timeSecs: medianOf((run) => run.totals.timeSecs), ticks: medianOf((run) => run.totals.ticks), allocBytes: medianOf((run) => run.totals.allocBytes) };
}

function runSources(collected: CollectedRuns): string[] {
  return collected.runDirectories.length > 0 ? collected.runDirectories.map((info) => info.meta.tag ?? info.path) : collected.inputs.map((input) => input.profilePath);
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('compare two builds: matched cost centres, deltas, Mann-Whitney significance with correction, CI verdict')
    .argument('[paths...]', 'BASE NEW: two folders or run directories (or use --base/--new)')
    .option('--base <paths...>', 'base build: profiles, folders or run directories')
    .option('--new <paths...>', 'new build: profiles, folders or run directories')
    .addOption(new Option('--metric <metrics...>', 'metrics to compare (default: all measured on both sides)').choices(Object.keys(METRICS)))
    .option('--alpha <p>', 'significance level', alphaValue, 0.05)
    .addOption(new Option('--correction <method>', 'multiple-comparison correction').choices(['holm', 'bh', 'none']).default('holm'))
    .addOption(new Option('--by <grouping>', 'rows per').choices(['cost-centre', 'stack', 'module']).default('cost-centre'))
    .option('--min <pct>', 'test only rows with at least this mean %time or %alloc in one build', percentage, 0.5)
    .option('--top <n>', 'rows shown per metric in text and Markdown (0 = all)', positiveInteger, 25)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--fail-on-regression <pct>', 'exit 1 when a significant regression exceeds this many percent', regressionThreshold)
    .option('--flamegraph <file>', 'also write a differential flamegraph (.svg or .html): widths from the new build, colour by change')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(
      runAction(async (paths: string[], options: CompareOptions) => {
        let basePaths = options.base ?? [];
        let newPaths = options.new ?? [];
        if (paths.length > 0) {
          if (paths.length !== 2 || basePaths.length > 0 || newPaths.length > 0) throw new UsageError('give BASE NEW, or --base PATH... --new PATH...');
          [basePaths, newPaths] = [[paths[0]!], [paths[1]!]];
        }
        if (basePaths.length === 0 || newPaths.length === 0) throw new UsageError('give BASE NEW, or --base PATH... --new PATH...');
        const [baseRuns, newRuns] = [await collectRuns(basePaths), await collectRuns(newPaths)];
        const load = async (collected: CollectedRuns, name: string): Promise<LoadedRuns> => {
          const loaded = await loadRuns(collected);
          for (const warning of loaded.warnings) process.stderr.write(`ghcprof: warning: ${warning}\n`);
          if (loaded.aggregator.runs.length === 0) throw new UsageError(`${name}: no run with a time profile`);
          return loaded;
        };
        const base = await load(baseRuns, 'base');
        const next = await load(newRuns, 'new');
        const metrics = (options.metric ?? Object.keys(METRICS)).map((metric) => METRICS[metric]!);
        const comparison = compareBuilds(base.aggregator, next.aggregator, {
          grouping: options.by,
          metrics,
          alpha: options.alpha,
          correction: options.correction,
          minPct: options.min,
        });
        const manifest =
          baseRuns.runDirectories.length > 0 && newRuns.runDirectories.length > 0 ? manifestDiff(baseRuns.runDirectories[0]!.meta, newRuns.runDirectories[0]!.meta) : null;
        const content: CompareReportContent = {
          comparison,
          base: { label: 'base', runs: base.aggregator.runs.length, sources: runSources(baseRuns), program: base.aggregator.program, totals: medianTotals(base.aggregator.runs) },
          next: { label: 'new', runs: next.aggregator.runs.length, sources: runSources(newRuns), program: next.aggregator.program, totals: medianTotals(next.aggregator.runs) },
          manifest,
          top: options.top,
        };
        const regressions = options.failOnRegression === undefined ? null : significantRegressions(comparison, options.failOnRegression);

        if (options.flamegraph !== undefined) {
          const format = options.flamegraph.endsWith('.svg') ? 'svg' : options.flamegraph.endsWith('.html') ? 'html' : null;
          if (format === null) throw new UsageError('--flamegraph: end the file name in .svg or .html');
          const flameMetric = comparison.metrics.includes('timePct') ? 'timePct' : comparison.metrics[0]!;
          const stacks = compareBuilds(base.aggregator, next.aggregator, { grouping: 'stack', metrics: [flameMetric], alpha: options.alpha, correction: options.correction, minPct: 0 });
          const profile = meanProfile(next.aggregator, `new build: mean of ${next.aggregator.runs.length} runs`);
          const data = withDeltas(
            flameDataFromProfile(profile, { metrics: [flameMetric === 'allocPct' ? 'alloc' : 'time'], minWidthPct: 0.1, title: `${profile.metadata.program ?? 'profile'}: new vs base (red: more, blue: less; pale: no significant change)` }),
            stacks,
            flameMetric,
          );
          await writeOutput(options.flamegraph, async (write) => {
            await write(format === 'svg' ? renderFlamegraphSvg(data, { metric: 0, inverted: false }) : renderFlamegraphHtml(data, { differential: true }));
          });
        }

        await writeOutput(options.output, async (write) => {
          await write(options.format === 'json' ? `${JSON.stringify(compareJson(content, regressions), null, 2)}\n` : renderCompareReport(content, options.format));
        });
        if (regressions !== null && regressions.length > 0) {
          process.stderr.write(`ghcprof: ${regressions.length} significant regression${regressions.length === 1 ? '' : 's'} above ${options.failOnRegression}%:\n`);
          for (const row of regressions) process.stderr.write(`  ${row.module}.${row.label} ${row.metric}: ${deltaCell(row, null)}\n`);
          process.exitCode = 1;
        }
      }),
    );
}
