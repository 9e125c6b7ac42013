// What a new user meets in the first hour: an eventlog with no time profile is said to be one,
// help shows no 2^53 defaults, several profiles in one CSV share one header.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/golden-cases.js';
import { readSample } from '../support/samples.js';
import { readSimpleReport } from '../support/simple-prof.js';

describe('report on an eventlog without time samples', () => {
  it('says the log has none and how to get them, exit 2 (it printed a 0-tick MAIN and exit 0)', async () => {
    // The log holds heap censuses and no time-profile sample (the reference dump lists none).
    expect(readSample('interp/a/heap.eventlog.reference')).not.toMatch(/: cost centre sample/i);
    const run = await runCli(['report', 'samples/interp/a/heap.eventlog']);
    expect(run.status).toBe(2);
    expect(run.stdout.toString('utf8')).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'ghcprof: samples/interp/a/heap.eventlog: this eventlog has no time-profile samples: run the program with +RTS -p -l (GHC 8.10 or later) for them; `ghcprof eventlog` summarises what it has',
    );
    // One with samples still reports.
    expect((await runCli(['report', 'samples/interp/a/time.eventlog'])).status).toBe(0);
  });
});

describe('help', () => {
  it('shows no 9007199254740991 default', async () => {
    for (const command of ['report', 'compare', 'aggregate', 'flamegraph', 'heap', 'events', 'eventlog', 'timeline', 'folded']) {
      const help = (await runCli([command, '--help'])).stdout.toString('utf8');
      expect(help, command).not.toContain('9007199254740991');
    }
    expect((await runCli(['report', '--help'])).stdout.toString('utf8')).toMatch(/--depth <n>[^\n]*\n?[^\n]*\(default:\s+all\)/);
  });
});

describe('report --format csv of several profiles', () => {
  it('one header with a source column, each profile\'s rows under it, numbers as the files have them', async () => {
    const files = ['samples/interp/a/run-1.prof', 'samples/interp/a/detailed-P.prof'];
    const run = await runCli(['report', ...files, '--format', 'csv', '--top', '0']);
    expect(run.status).toBe(0);
    const lines = run.stdout.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^source,COST CENTRE,MODULE,SRC,/);
    expect(lines.filter((line) => line.startsWith('source,'))).toHaveLength(1);
    const header = lines[0]!.split(',');
    const entries = header.indexOf('entries');
    for (const file of files) {
      const rows = lines.slice(1).filter((line) => line.startsWith(`${file},`));
      // Every cost centre of the file's flat table is there, with its entries summed over the call tree.
      const report = readSimpleReport(readSample(file.replace('samples/', '')));
      expect(rows.length).toBe(new Set(report.rows.map((row) => `${row.module}.${row.label}`)).size);
      const byName = new Map<string, number>();
      for (const row of report.rows) byName.set(`${row.label},${row.module}`, (byName.get(`${row.label},${row.module}`) ?? 0) + row.entries);
      // lexeme's SRC holds no comma, so its record splits on commas.
      const lexeme = rows.find((line) => line.startsWith(`${file},lexeme,Main,`))!.split(',');
      expect(Number(lexeme[entries])).toBe(byName.get('lexeme,Main'));
    }
  });
});
