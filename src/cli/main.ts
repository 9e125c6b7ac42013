// The ghcprof command line: commander wires the commands; each lives in commands/.
import { Command } from 'commander';
import { packageVersion } from './package-version.js';

type CommandLoader = () => Promise<Command>;

/**
 * Each command's module, loaded only when it runs: the bundle splits them into chunks, so
 * `ghcprof eventlog` never compiles the .prof grammar, the store or the renderers.
 */
const commandLoaders: Record<string, CommandLoader> = {
  report: async () => (await import('./commands/report.js')).reportCommand(),
  folded: async () => (await import('./commands/folded.js')).foldedCommand(),
  heap: async () => (await import('./commands/heap.js')).heapCommand(),
  events: async () => (await import('./commands/events.js')).eventsCommand(),
  eventlog: async () => (await import('./commands/eventlog.js')).eventlogCommand(),
  aggregate: async () => (await import('./commands/aggregate.js')).aggregateCommand(),
  compare: async () => (await import('./commands/compare.js')).compareCommand(),
  flamegraph: async () => (await import('./commands/flamegraph.js')).flamegraphCommand(),
  timeline: async () => (await import('./commands/timeline.js')).timelineCommand(),
  store: async () => (await import('./commands/store.js')).storeCommand(),
  summarize: async () => (await import('./commands/summarize.js')).summarizeCommand(),
};

/**
 * The commands this invocation needs: the one it names, none for a lone `--version`, and every
 * one otherwise (help lists them all; an unknown name is reported with the known ones).
 */
function commandsNeeded(args: readonly string[]): string[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  if (named !== undefined && Object.hasOwn(commandLoaders, named)) return [named];
  if (named === undefined && args.length > 0 && args.every((arg) => arg === '--version' || arg === '-V')) return [];
  return Object.keys(commandLoaders);
}

const program = new Command('ghcprof')
  .description('Read every profile GHC writes and turn it into answers.')
  .version(packageVersion())
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `ghcprof: ${text}` : text) })
  .exitOverride((error) => {
    // Usage mistakes exit 2, like bad input; --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

try {
  const commands = await Promise.all(commandsNeeded(process.argv.slice(2)).map((name) => commandLoaders[name]!()));
  // Subcommands built apart from the program take its output and exit settings explicitly,
  // and so do their own subcommands (`store add`, `summarize ...`).
  for (const command of commands) {
    program.addCommand(command.copyInheritedSettings(program));
    for (const subcommand of command.commands) subcommand.copyInheritedSettings(command);
  }
  await program.parseAsync(process.argv);
} catch (error) {
  // Commands report their own failures (run-command.ts); this catches anything that escapes
  // argument parsing, so a user never sees a stack trace.
  process.stderr.write(`ghcprof: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
