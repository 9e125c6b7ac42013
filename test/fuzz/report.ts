// The fuzz run as text: a table per target, then each kind of failure (and suspect) once,
// with the case that shows it first, how to replay it and where its input was written.
import type { FindingGroup, FuzzResult } from './fuzz-run.js';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}

function findingLines(group: FindingGroup, replay: string): string[] {
  const first = group.first;
  return [
    `${group.verdict === 'failure' ? 'FAILURE' : 'suspect'}: ${group.kind} — ${group.targetKind} — ${group.count} case${group.count === 1 ? '' : 's'}`,
    `  ${first.classified.detail ?? ''}`,
    `  first: case ${first.index} of ${first.target}, seed file ${first.seedName}, mutations ${first.applied.join(' + ')}${first.args === undefined ? '' : `, command ghcprof ${first.args.join(' ')}`}`,
    `  replay: ${replay} --target ${first.target} --case ${first.index}`,
    `  input: ${group.savedInputs.join(' ')}`,
  ];
}

/**
 * `replay` is the command line that makes the same cases (`npm run fuzz -- --seed N` and any
 * size options that differ from its defaults); each finding adds its target and case.
 */
export function fuzzReport(result: FuzzResult, seed: number, replay: string, outDirectory: string): string[] {
  const rows = [['target', 'cases', 'of', 'ok', 'clean err', 'FAILED', 'suspect', 'max ms', 'mean ms']];
  for (const stats of result.stats) {
    rows.push([
      stats.target,
      String(stats.ran),
      String(stats.planned),
      String(stats.ok),
      String(stats.cleanErrors),
      String(stats.failures),
      String(stats.suspects),
      stats.maxMs.toFixed(0),
      stats.ran === 0 ? '-' : (stats.totalMs / stats.ran).toFixed(1),
    ]);
  }
  const failures = result.findings.filter((group) => group.verdict === 'failure').sort((a, b) => b.count - a.count);
  const suspects = result.findings.filter((group) => group.verdict === 'suspect').sort((a, b) => b.count - a.count);
  const ran = result.stats.reduce((sum, stats) => sum + stats.ran, 0);
  const failed = result.stats.reduce((sum, stats) => sum + stats.failures, 0);
  return [
    `fuzz: seed ${seed}, ${ran} cases in ${(result.elapsedMs / 1000).toFixed(1)} s`,
    ...table(rows),
    '',
    ...failures.flatMap((group) => findingLines(group, replay)),
    ...suspects.flatMap((group) => findingLines(group, replay)),
    `${failed} failing case${failed === 1 ? '' : 's'} in ${failures.length} distinct failure${failures.length === 1 ? '' : 's'}, ${suspects.length} kind${suspects.length === 1 ? '' : 's'} of suspect (reported, not failing)${result.findings.length > 0 ? `; inputs in ${outDirectory}` : ''}`,
  ];
}
