// The geometric mean of new/base ratios over the rows of a comparison: benchstat's
// "geomean" row, one figure for "overall, the new build is ×r of the old". A geometric
// mean of ratios is the right average for them: a row that doubles and a row that halves
// cancel to 1, and the answer is the same whichever build is called the base (1/r).
//
// Rows where either value is not a finite number > 0 have no meaningful ratio and are left
// out; null when no row remains. benchstat is stricter: one value ≤ 0 and it prints no
// geomean at all (footnote "summaries must be >0 to compute geomean"). A profile always has
// cost centres with 0 ticks in one build, so refusing would leave the row empty every time;
// the caller should say how many rows the geomean covers.
//
// Computed as exp(mean(log ratio)) with simple-statistics' `mean`. Its `geometricMean`
// is not used: it multiplies all values first, so 400 rows with a ratio of 10 overflow to
// Infinity (and 400 rows of 0.1 underflow to 0) before the root is taken.
import { mean } from 'simple-statistics';

export function geomeanRatio(pairs: ReadonlyArray<[base: number, next: number]>): number | null {
  const logRatios: number[] = [];
  for (const [base, next] of pairs) {
    if (isPositiveFinite(base) && isPositiveFinite(next)) logRatios.push(Math.log(next) - Math.log(base));
  }
  return logRatios.length > 0 ? Math.exp(mean(logRatios)) : null;
}

function isPositiveFinite(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}
