// `ghcprof eventlog FILE`: the summary to read first: run, GC, heap, threads, markers, samples.
import { Command, Option } from 'commander';
import { formatWarning } from '../../model/diagnostic.js';
import { renderEventlogSummary } from '../../render/eventlog-summary.js';
import { summariseEventlogChunks } from '../../summarise-eventlog.js';
import { writeOutput } from '../output.js';
import { readInput } from '../../runs/read-input.js';
import { runAction } from '../run-command.js';
import { printWarnings } from '../warnings.js';

interface EventlogOptions {
  format: 'text' | 'json';
  output?: string;
}

export function eventlogCommand(): Command {
  return new Command('eventlog')
    .description('summarise an eventlog: run, GC pauses and productivity, heap, threads, markers, profiling samples')
    .argument('<file>', 'an eventlog (+RTS -l), .gz, or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(
      runAction(async (file: string, options: EventlogOptions) => {
        const summary = await readInput(file, summariseEventlogChunks, { copiesWhatItKeeps: true });
        printWarnings(summary.warnings);
        await writeOutput(options.output, async (write) => {
          const text =
            options.format === 'json'
              ? `${JSON.stringify({ ...summary, warnings: summary.warnings.map(formatWarning) }, null, 2)}\n`
              : renderEventlogSummary(summary);
          await write(text);
        });
      }),
    );
}
