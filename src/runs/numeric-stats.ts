// The numbers of a run's `.stats` file (+RTS -s), by name: what run summaries keep of it.
import { readFileSync } from 'node:fs';
import { parseRtsStats } from '../formats/rts-stats/rts-stats.js';

export function numericStats(path: string | null): Record<string, number> {
  if (path === null) return {};
  const stats = parseRtsStats(readFileSync(path, 'utf8'), path);
  const numbers: Record<string, number> = {};
  for (const [key, value] of stats.values) if (typeof value === 'number') numbers[key] = value;
  return numbers;
}
