// The numbers of a run's `.stats` file (+RTS -s), by name: what run summaries keep of it.
import { parseRtsStats } from '../formats/rts-stats/rts-stats.js';
import { readTextFile } from './read-text-file.js';

export function numericStats(path: string | null): Record<string, number> {
  if (path === null) return {};
  const stats = parseRtsStats(readTextFile(path), path);
  const numbers: Record<string, number> = {};
  for (const [key, value] of stats.values) if (typeof value === 'number') numbers[key] = value;
  return numbers;
}
