// What the fuzzer feeds: in-process parsers (run in a worker thread, parse-worker.ts) and CLI
// commands (child processes, cli-case.ts), each with the seed kinds it reads. A target may
// also get a seed of another kind now and then: a wrong file must be a clean error too.
import type { SeedKind } from './seeds.js';

/**
 * The parsers run in the worker, by the name parse-worker.ts implements them under; the fast ones
 * first, so that the time budget they leave goes to the slower ones.
 */
export const PARSER_TARGETS = {
  /** parseRunMeta (library entry): a profnix run directory's meta.json. */
  'parse-run-meta': ['run-meta'],
  /** parseRunSummary (dist's model/run-summary.js): what `ghcprof summarize` writes and aggregate reads. */
  'parse-run-summary': ['run-summary'],
  /** parseRtsStats (library entry): `+RTS -t --machine-readable` files. */
  'parse-rts-stats': ['rts-stats'],
  /** summariseEventlog (library entry), rendered as `ghcprof eventlog` prints it. */
  'summarise-eventlog': ['eventlog'],
  /** readHeapSeries (library entry): .hp and eventlog heap samples; the heap report rendered after. */
  'read-heap-series': ['hp', 'eventlog'],
  /** `ghcprof events`' decoder and printer (not in the library entry: dist's eventlog and events-text modules). */
  'print-events': ['eventlog'],
  /** readProfile with `stacks: 'merged'` (folded, flamegraph), and a flamegraph drawn from it. */
  'read-profile-merged': ['prof-text'],
  /** readProfile (library entry): text and JSON profiles, eventlog time samples; the report, tree and folded stacks rendered after. */
  'read-profile': ['prof-text', 'prof-json', 'eventlog'],
} as const satisfies Record<string, readonly SeedKind[]>;

export type ParserTarget = keyof typeof PARSER_TARGETS;

export const PARSER_TARGET_NAMES = Object.keys(PARSER_TARGETS) as ParserTarget[];

/** One CLI command line: `{input}` is the input's path (or `-`), `{out}` an output file. */
export interface CliCommand {
  args: readonly string[];
  /** The ending of the `{out}` file, which picks the output format. */
  outputEnding?: string;
  /** Whether the input may come on stdin (`-`) instead of a path. */
  stdin?: boolean;
}

/** The commands that read one input file, so also `-` (stdin). */
const READS_STDIN = /^(report|folded|heap|events|eventlog|flamegraph) \{input\}/;

const cli = (args: string, outputEnding?: string): CliCommand => ({ args: args.split(' '), outputEnding, stdin: READS_STDIN.test(args) });

/** The commands run over each seed kind. Run directories (.stats, meta.json) are built around the input. */
export const CLI_COMMANDS: Readonly<Record<SeedKind, readonly CliCommand[]>> = {
  'prof-text': [
    cli('report {input}'),
    cli('report {input} --tree'),
    cli('report {input} --format json --by module'),
    cli('folded {input}'),
    cli('flamegraph {input} -o {out}', '.html'),
    cli('flamegraph {input} -o {out}', '.svg'),
    cli('summarize {input} -o {out}', '.summary.json'),
  ],
  'prof-json': [cli('report {input} --tree'), cli('folded {input} --metric alloc'), cli('flamegraph {input} -o {out}', '.speedscope.json')],
  hp: [cli('heap {input}'), cli('heap {input} --format json'), cli('heap {input} -o {out}', '.svg')],
  eventlog: [
    cli('eventlog {input}'),
    cli('eventlog {input} --format json'),
    cli('events {input}'),
    cli('events {input} --file-order'),
    cli('heap {input}'),
    cli('report {input}'),
    cli('folded {input}'),
  ],
  'rts-stats': [cli('aggregate {rundir}'), cli('summarize {rundir} -d {outdir}')],
  'run-meta': [cli('aggregate {rundir}'), cli('summarize {rundir} -d {outdir}')],
  'run-summary': [cli('aggregate {input}'), cli('report {input}')],
};
