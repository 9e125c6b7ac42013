// `ghcprof store add PATH... --store FILE` and `ghcprof store list --store FILE`: runs kept in
// an SQLite database (src/store), so that `aggregate --store` and `compare --store` query
// months of runs without parsing a profile again.
import { Command, Option } from 'commander';
import { formatInUnit } from '../../render/metric-value.js';
import { renderTable, type Table } from '../../render/table.js';
import { collectRuns } from '../../runs/collect-runs.js';
import { summarizeRunsInOrder, type RunSummaries } from '../../runs/summaries-in-order.js';
import { threadsOption } from '../../runs/threads.js';
import { checkBuildNames } from '../../store/load.js';
import { openStore, type StoredRunEntry } from '../../store/store.js';
import { writeOutput } from '../output.js';
import { runAction } from '../run-command.js';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

interface AddOptions {
  store: string;
  quiet?: boolean;
  threads?: number;
}

interface ListOptions {
  store: string;
  build?: string[];
  format: (typeof FORMATS)[number];
  output?: string;
}

function storeAddCommand(): Command {
  return new Command('add')
    .description('add runs to a store: profiles, folders, profnix run directories or .summary.json run summaries (a run already stored is kept once)')
    .argument('<path...>', 'profiles, folders searched for profiles, profnix run directories (run/<tag>), or run summaries')
    .requiredOption('--store <file>', 'the store (an SQLite file; made when missing)')
    .option('-q, --quiet', 'print only the closing count')
    .addOption(threadsOption())
    .action(
      runAction(async (paths: string[], options: AddOptions) => {
        const started = performance.now();
        const collected = await collectRuns(paths);
        const store = await openStore(options.store, { create: true });
        const counts = { added: 0, kept: 0, skipped: 0, failed: 0 };
        const say = (line: string): void => {
          if (!options.quiet) process.stdout.write(`${line}\n`);
        };
        const showProgress = process.stderr.isTTY && collected.inputs.length > 1;
        let summaries: RunSummaries | undefined;
        try {
          summaries = summarizeRunsInOrder(collected, (sha256) => store.idOf(sha256), options.threads);
          for (const [index, input] of collected.inputs.entries()) {
            if (showProgress) process.stderr.write(`\r\x1b[Kstoring run ${index + 1}/${collected.inputs.length} ${input.profilePath}`);
            const run = await summaries.next();
            if (showProgress) process.stderr.write('\r\x1b[K');
            if ('failed' in run) {
              // One unreadable run does not stop the others; it is reported and the exit code says so.
              process.stderr.write(`ghcprof: ${run.failed.message}\n`);
              counts.failed++;
              continue;
            }
            if ('skipped' in run) {
              counts.skipped++;
              process.stderr.write(`ghcprof: warning: ${run.skipped}; not stored\n`);
            } else if ('alreadyStored' in run) {
              counts.kept++;
              say(`kept   #${run.alreadyStored} ${input.profilePath} (already stored)`);
            } else {
              const result = store.add(run.summary);
              if (result.added) counts.added++;
              else counts.kept++;
              say(`${result.added ? 'added ' : 'kept  '} #${result.id} ${input.profilePath}${result.added ? '' : ' (already stored)'}`);
            }
          }
          if (showProgress) process.stderr.write('\r\x1b[K');
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
          const failed = counts.failed > 0 ? `, ${counts.failed} failed` : '';
          const total = store.count();
          process.stdout.write(`${options.store}: ${counts.added} added, ${counts.kept} already stored${skipped}${failed}; ${total} run${total === 1 ? '' : 's'} stored (${seconds} s)\n`);
        } finally {
          summaries?.close();
          store.close();
        }
        // A run that could not be read: the others are stored, and the exit code tells.
        if (counts.failed > 0) process.exitCode = 2;
      }),
    );
}

function listTable(entries: StoredRunEntry[]): Table {
  const text = (value: string | null): string => value ?? '';
  return {
    columns: [
      { title: 'id', align: 'right' },
      { title: 'build', align: 'left' },
      { title: 'tag', align: 'left' },
      { title: 'node', align: 'left' },
      { title: 'start', align: 'left' },
      { title: 'kind', align: 'left' },
      { title: 'program', align: 'left' },
      { title: 'GHC', align: 'left' },
      { title: 'time', align: 'right' },
      { title: 'alloc', align: 'right' },
      { title: 'centres', align: 'right' },
      { title: 'source', align: 'left' },
    ],
    rows: entries.map((entry) => [
      String(entry.id),
      text(entry.build),
      text(entry.tag),
      text(entry.node),
      text(entry.start),
      entry.formatDetail,
      text(entry.program),
      text(entry.ghcVersion),
      entry.timeSecs === null ? '' : formatInUnit(entry.timeSecs, 'seconds'),
      entry.allocBytes === null ? '' : formatInUnit(entry.allocBytes, 'bytes'),
      String(entry.costCentres),
      entry.source,
    ]),
  };
}

function storeListCommand(): Command {
  return new Command('list')
    .description('list the stored runs, one entry per stored profile, in the order they were added')
    .requiredOption('--store <file>', 'the store (an SQLite file)')
    .option('--build <names...>', 'only runs of these builds (node commit prefix, or run directory tag)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .action(
      runAction(async (options: ListOptions) => {
        const store = await openStore(options.store);
        try {
          if (options.build !== undefined) checkBuildNames(store, options.build);
          const entries = store.list(options.build === undefined ? {} : { builds: options.build });
          const builds = store.builds();
          await writeOutput(options.output, async (write) => {
            if (options.format === 'json') {
              await write(`${JSON.stringify({ store: options.store, schemaVersion: store.schemaVersion, runs: entries, builds }, null, 2)}\n`);
            } else if (options.format === 'csv') {
              await write(renderTable(listTable(entries), 'csv'));
            } else {
              const heading = `${entries.length} run${entries.length === 1 ? '' : 's'} in ${options.store} (schema version ${store.schemaVersion}; ${builds.length} build${builds.length === 1 ? '' : 's'})`;
              const table = entries.length === 0 ? '' : `\n${renderTable(listTable(entries), options.format)}`;
              await write(`${options.format === 'markdown' ? `### ${heading}\n` : heading}\n${table}`);
            }
          });
        } finally {
          store.close();
        }
      }),
    );
}

export function storeCommand(): Command {
  return new Command('store')
    .description('keep runs in an SQLite store (per run: totals, RTS statistics, per cost centre and module costs) for aggregate --store and compare --store')
    .addCommand(storeAddCommand())
    .addCommand(storeListCommand());
}
