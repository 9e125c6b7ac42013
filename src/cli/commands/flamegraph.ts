// `ghcprof flamegraph INPUT... [-o OUT]`: SVG, self-contained HTML, speedscope JSON or folded
// stacks, chosen by OUT's ending (or --format with `-o -`). Without -o, the HTML page beside
// the first input (`<input>.flame.html`), its path printed.
import { Command, Option } from 'commander';
import { AMOUNT_METRICS, METRICS, metricUnavailableReason, type AmountMetric } from '../../model/metric.js';
import { drawableMetrics, flameDataFromProfile } from '../../render/flame-data.js';
import { bottomUpCallTree } from '../../analyze/bottom-up.js';
import { renderFlamegraphSvg } from '../../render/flamegraph-svg.js';
import { foldedStacks } from '../../render/folded.js';
import { compactTreeOf } from '../../model/profile-tree.js';
import type { FrameColouring } from '../../render/module-colour.js';
import { renderFlamegraphHtml } from '../../render/html/flamegraph-html.js';
import { toSpeedscope, type SpeedscopeRun } from '../../render/speedscope.js';
import { collectRuns } from '../../runs/collect-runs.js';
import { loadProfile } from '../../runs/load-profile.js';
import { loadMeanProfile } from '../../runs/load-mean-profile.js';
import { ALLOW_DIFFERENT_PROGRAMS, differentProgramsReason } from '../one-program.js';
import { percentage } from '../options.js';
import { writeOutput } from '../output.js';
import { outputKind, type OutputEndings } from '../output-kind.js';
import { packageVersion } from '../package-version.js';
import { runAction, UsageError } from '../run-command.js';
import { printWarnings } from '../warnings.js';

const FORMATS = ['svg', 'html', 'speedscope', 'folded'] as const;
type FlameFormat = (typeof FORMATS)[number];

interface FlamegraphOptions {
  output?: string;
  format?: FlameFormat;
  metric: AmountMetric;
  inverted: boolean;
  bottomUp: boolean;
  colorBy: FrameColouring;
  minWidth: number;
  title?: string;
  allowDifferentPrograms?: boolean;
}

const ENDINGS: OutputEndings<FlameFormat> = [
  ['.speedscope.json', 'speedscope'],
  ['.svg', 'svg'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.folded', 'folded'],
];

/** Where a page goes without -o: beside the first input, named after it. */
function defaultOutput(inputs: readonly string[]): string {
  const first = inputs[0]!.replace(/\/+$/, '');
  if (first === '-' || first === '') throw new UsageError('the input is stdin: give -o FILE (.svg, .html, .speedscope.json or .folded)');
  return `${first}.flame.html`;
}

export function flamegraphCommand(): Command {
  return new Command('flamegraph')
    .description('draw a flamegraph: .svg, self-contained interactive .html, .speedscope.json or .folded')
    .argument('<input...>', 'profiles or run directories; several runs are drawn as their mean (speedscope: one profile per run)')
    .option('-o, --output <file>', 'output file; its ending picks the format (- for stdout with --format); default: <first input>.flame.html')
    .addOption(new Option('--format <format>', 'output format when -o does not say').choices(FORMATS))
    .addOption(new Option('--metric <metric>', 'what frame widths measure').choices(AMOUNT_METRICS).default('time'))
    .option('--inverted', 'icicle: root at the top', false)
    .option('--bottom-up', 'the inverted call tree: each cost centre by its individual cost next to the root, its callers outwards (combines with --inverted)', false)
    .addOption(new Option('--color-by <what>', 'frame colours (SVG, HTML): module = a hue per module, a shade per cost centre; self = deeper red for more individual cost').choices(['module', 'self']).default('module'))
    .option('--min-width <pct>', 'merge frames narrower than this share of the total into one per parent', percentage, 0.1)
    .option('--title <title>', 'title shown above the graph')
    .option(ALLOW_DIFFERENT_PROGRAMS, 'draw runs together even when they are of different programs')
    .action(
      runAction(async (inputs: string[], options: FlamegraphOptions) => {
        const output = options.output ?? defaultOutput(inputs);
        const named = outputKind(output, ENDINGS);
        const format = options.format ?? named;
        if (format === null) throw new UsageError(`cannot tell the format from "${output}": end it in .svg, .html, .speedscope.json or .folded, or give --format`);
        await writeOutput(output, async (write) => {
          if (format === 'speedscope') {
            await write(await speedscopeText(inputs, options.bottomUp));
          } else {
            const loaded = await loadMeanProfile(inputs);
            const different = differentProgramsReason(loaded.programs, options.allowDifferentPrograms === true, 'their mean is no run of either');
            if (different !== null) throw new UsageError(different);
            printWarnings([...loaded.profile.warnings, ...loaded.warnings]);
            const unavailable = metricUnavailableReason(loaded.profile.measures, options.metric);
            if (unavailable !== null) throw new UsageError(`--metric ${options.metric}: the profile ${unavailable}`);
            if (format === 'folded') {
              const tree = compactTreeOf(loaded.profile);
              if (tree !== null && options.bottomUp) {
                // Every chain of callers, leaf first: the callers tree, without its root, as lines.
                const quantity = METRICS[options.metric].quantity;
                const inverted = bottomUpCallTree(tree, { order: quantity, minSharePct: 0, quantities: [quantity] });
                for (const piece of foldedStacks(inverted, options.metric, { rootFrame: false })) await write(piece);
              } else if (tree !== null) {
                for (const piece of foldedStacks(tree, options.metric)) await write(piece);
              }
            } else {
              // The chosen metric first: the SVG draws it, the HTML opens on it and can switch.
              const metrics = [options.metric, ...drawableMetrics(loaded.profile).filter((metric) => metric !== options.metric)];
              const title = options.title ?? (loaded.runs > 1 ? `${loaded.profile.metadata.program ?? 'profile'}: mean of ${loaded.runs} runs` : undefined);
              const data = flameDataFromProfile(loaded.profile, { metrics: format === 'svg' ? [options.metric] : metrics, minWidthPct: options.minWidth, bottomUp: options.bottomUp, ...(title ? { title } : {}) });
              await write(format === 'svg' ? renderFlamegraphSvg(data, { metric: 0, inverted: options.inverted, colouring: options.colorBy }) : renderFlamegraphHtml(data, { inverted: options.inverted, colouring: options.colorBy }));
            }
          }
        });
        if (options.output === undefined) process.stdout.write(`${output}\n`);
      }),
    );
}

async function speedscopeText(inputs: string[], bottomUp: boolean): Promise<string> {
  const collected = await collectRuns(inputs);
  const runs: SpeedscopeRun[] = [];
  for (const input of collected.inputs) {
    const profile = await loadProfile(input.profilePath);
    printWarnings(profile.warnings);
    const name = input.node !== null && input.runDirectory !== null ? `${input.runDirectory.split('/').pop()}/${input.node}` : input.profilePath;
    runs.push({ name, profile });
  }
  // Speedscope keeps each run a profile of its own, so runs of several programs are no mean: the
  // name says which programs they are.
  const programs = [...new Set(runs.map((run) => run.profile.metadata.program ?? 'profile'))].join(', ');
  return `${JSON.stringify(toSpeedscope(runs, runs.length === 1 ? `${programs} (${runs[0]!.name})` : `${programs}: ${runs.length} runs`, `ghcprof@${packageVersion()}`, { bottomUp }))}\n`;
}
