// `ghcprof summarize PATH -o RUN.summary.json`: a run as a small versioned JSON file (what
// aggregate, compare, timeline and the store need of it), so that parsing runs where the
// profiles were written and only summaries travel.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { SUMMARY_SUFFIX, isSummaryPath, serializeRunSummary } from '../../model/run-summary.js';
import { collectRuns, type RunInput } from '../../runs/collect-runs.js';
import { summarizeRun } from '../../store/summaries.js';
import { writeOutput } from '../output.js';
import { runAction, UsageError } from '../run-command.js';

interface SummarizeOptions {
  output?: string;
  outputDir?: string;
}

/** `<tag>.<node>.summary.json` for a run directory's run, else the profile's name without its endings. */
function summaryName(input: RunInput): string {
  if (input.runDirectory !== null) return `${basename(input.runDirectory)}${input.node === null ? '' : `.${input.node}`}${SUMMARY_SUFFIX}`;
  const name = basename(input.profilePath).replace(/\.gz$/, '').replace(/\.(prof|eventlog|json)$/, '');
  return `${name}${SUMMARY_SUFFIX}`;
}

export function summarizeCommand(): Command {
  return new Command('summarize')
    .description('write a run as a small JSON summary (*.summary.json) that store add, aggregate, compare and timeline read like its profile')
    .argument('<path...>', 'a profile or a profnix run directory; several runs need --output-dir')
    .option('-o, --output <file>', 'the summary of one run: a file named *.summary.json (default: stdout)')
    .option('-d, --output-dir <dir>', 'one summary per run in this folder: <tag>.<node>.summary.json, or <profile>.summary.json')
    .action(
      runAction(async (paths: string[], options: SummarizeOptions) => {
        if (options.output !== undefined && options.outputDir !== undefined) throw new UsageError('give -o FILE (one run) or --output-dir DIR, not both');
        if (options.output !== undefined && options.output !== '-' && !isSummaryPath(options.output)) {
          throw new UsageError(`-o ${options.output}: name the file *${SUMMARY_SUFFIX} (aggregate, compare and store add know summaries by that ending)`);
        }
        const collected = await collectRuns(paths);
        if (collected.inputs.some((input) => isSummaryPath(input.profilePath))) throw new UsageError('summarize reads profiles; a .summary.json is a summary already');
        if (options.outputDir === undefined && collected.inputs.length > 1) {
          throw new UsageError(`${collected.inputs.length} runs found: give --output-dir DIR for one summary each, or name one profile`);
        }
        if (options.outputDir === undefined) {
          const input = collected.inputs[0]!;
          const run = await summarizeRun(input, collected);
          if (!('summary' in run)) throw new UsageError('skipped' in run ? `${run.skipped}: nothing to summarize` : `${input.profilePath}: not summarized`);
          await writeOutput(options.output, async (write) => {
            await write(serializeRunSummary(run.summary));
          });
          return;
        }
        const dir = options.outputDir;
        if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--output-dir ${dir}: not a folder`);
        mkdirSync(dir, { recursive: true });
        const used = new Set<string>();
        for (const input of collected.inputs) {
          const run = await summarizeRun(input, collected);
          if (!('summary' in run)) {
            if ('skipped' in run) process.stderr.write(`ghcprof: warning: ${run.skipped}; no summary written\n`);
            continue;
          }
          let name = summaryName(input);
          for (let n = 2; used.has(name); n++) name = summaryName(input).replace(SUMMARY_SUFFIX, `-${n}${SUMMARY_SUFFIX}`);
          used.add(name);
          const path = join(dir, name);
          await writeOutput(path, async (write) => {
            await write(serializeRunSummary(run.summary));
          });
          process.stdout.write(`${path}\n`);
        }
      }),
    );
}
