// A series of build medians as one line of block characters, oldest build first: `▂▂▂|▇▇▇▇|▂▂▂`.
// Amounts are drawn from zero, so a bar's height is its share of the largest median and
// noise looks as small as it is; `·` marks a build without the series, `|` a change point
// (between the last build before the step and the first after it).

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const MISSING_MARK = '·';
const STEP_MARK = '|';

/**
 * `values[b]` is build b's median (null: missing). `stepsBefore` holds the indices of builds
 * that begin a new segment. Non-negative series are scaled from 0 to their maximum, others
 * from their minimum to their maximum.
 */
export function sparkline(values: readonly (number | null)[], stepsBefore: ReadonlySet<number> = new Set()): string {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const max = Math.max(0, ...present);
  const min = Math.min(0, ...present);
  const range = max - min;
  let line = '';
  values.forEach((value, b) => {
    if (stepsBefore.has(b) && b > 0) line += STEP_MARK;
    if (value === null || !Number.isFinite(value)) {
      line += MISSING_MARK;
      return;
    }
    const level = range > 0 ? Math.round(((value - min) / range) * (BLOCKS.length - 1)) : 0;
    line += BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, level))]!;
  });
  return line;
}
