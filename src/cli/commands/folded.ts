// `ghcprof folded FILE`: folded stacks for flamegraph.pl, inferno and speedscope.
import { Command, Option } from 'commander';
import { AMOUNT_METRICS, metricUnavailableReason, type AmountMetric } from '../../model/metric.js';
import { compactTreeOf } from '../../model/profile-tree.js';
import { foldedStacks } from '../../render/folded.js';
import { loadProfile } from '../../runs/load-profile.js';
import { writeOutput } from '../output.js';
import { runAction, UsageError } from '../run-command.js';
import { printWarnings } from '../warnings.js';

interface FoldedOptions {
  metric: AmountMetric;
  output?: string;
  from?: string;
  to?: string;
}

export function foldedCommand(): Command {
  return new Command('folded')
    .description('print folded stacks (Module.label;... weight), root first, one line per distinct stack')
    .argument('<file>', 'a profile: text or JSON .prof, .gz, or - for stdin')
    .addOption(new Option('--metric <metric>', 'weight of each stack (its individual cost)').choices(AMOUNT_METRICS).default('time'))
    .option('--from <marker>', 'eventlogs: keep samples from the first user marker starting with this')
    .option('--to <marker>', 'eventlogs: ... up to the next user marker starting with this')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(
      runAction(async (file: string, options: FoldedOptions) => {
        // Folded stacks are sums per stack: rows of one stack may share a node.
        const profile = await loadProfile(file, { window: { fromMarker: options.from, toMarker: options.to }, stacks: 'merged' });
        printWarnings(profile.warnings);
        const unavailable = metricUnavailableReason(profile.measures, options.metric);
        if (unavailable !== null) throw new UsageError(`${file}: --metric ${options.metric}: this profile ${unavailable}`);
        await writeOutput(options.output, async (write) => {
          const tree = compactTreeOf(profile);
          if (tree !== null) for (const piece of foldedStacks(tree, options.metric)) await write(piece);
        });
      }),
    );
}
