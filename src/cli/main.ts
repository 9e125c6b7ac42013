// The ghcprof command line: commander wires the commands; each lives in commands/.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { foldedCommand } from './commands/folded.js';
import { reportCommand } from './commands/report.js';

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('ghcprof')
  .description('Read every profile GHC writes and turn it into answers.')
  .version(packageJson.version)
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `ghcprof: ${text}` : text) })
  .exitOverride((error) => {
    // Usage mistakes exit 2, like bad input; --help and --version exit 0.
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

program.addCommand(reportCommand());
program.addCommand(foldedCommand());

await program.parseAsync(process.argv);
