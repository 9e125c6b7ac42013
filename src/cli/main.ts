// The ghcprof command line: commander wires the commands; each lives in commands/.
import { Command } from 'commander';
import { aggregateCommand } from './commands/aggregate.js';
import { compareCommand } from './commands/compare.js';
import { eventlogCommand } from './commands/eventlog.js';
import { eventsCommand } from './commands/events.js';
import { flamegraphCommand } from './commands/flamegraph.js';
import { foldedCommand } from './commands/folded.js';
import { heapCommand } from './commands/heap.js';
import { reportCommand } from './commands/report.js';
import { storeCommand } from './commands/store.js';
import { summarizeCommand } from './commands/summarize.js';
import { packageVersion } from './package-version.js';

const program = new Command('ghcprof')
  .description('Read every profile GHC writes and turn it into answers.')
  .version(packageVersion())
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `ghcprof: ${text}` : text) })
  .exitOverride((error) => {
    // Usage mistakes exit 2, like bad input; --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

// Subcommands built apart from the program take its output and exit settings explicitly.
for (const command of [reportCommand(), foldedCommand(), heapCommand(), eventsCommand(), eventlogCommand(), aggregateCommand(), compareCommand(), flamegraphCommand()]) program.addCommand(command.copyInheritedSettings(program));
program.addCommand((await import('./commands/timeline.js')).timelineCommand().copyInheritedSettings(program));
// `store` has subcommands of its own: they take the same settings.
for (const command of [storeCommand(), summarizeCommand()]) {
  program.addCommand(command.copyInheritedSettings(program));
  for (const subcommand of command.commands) subcommand.copyInheritedSettings(command);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commands report their own failures (run-command.ts); this catches anything that escapes
  // argument parsing, so a user never sees a stack trace.
  process.stderr.write(`ghcprof: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
