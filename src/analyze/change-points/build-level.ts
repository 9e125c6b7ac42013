// The build-level check of a step (see ../change-points.ts): a pooled two-sample Student t-test
// on the BUILD MEANS of the segments on either side of the step, so that a shift has to stand
// out against how much whole builds wobble (load that moves all runs of a build together),
// not only against the run-to-run noise within builds.
import { gammaln } from 'simple-statistics';

/**
 * Two-sided p of the pooled t-test of the build means `after` against `before`
 * (df = builds − 2). When the builds of each side agree exactly (no spread to compare
 * with), p is 0 if the sides differ and 1 if they do not. 1 when there is no degree of
 * freedom (one build a side).
 */
export function buildMeansTTestP(before: readonly number[], after: readonly number[]): number {
  const df = before.length + after.length - 2;
  if (before.length === 0 || after.length === 0 || df < 1) return 1;
  const meanBefore = average(before);
  const meanAfter = average(after);
  const squares = sumOfSquares(before, meanBefore) + sumOfSquares(after, meanAfter);
  const difference = meanAfter - meanBefore;
  // Spread at the level of rounding in the means is no spread.
  const scale = Math.max(Math.abs(meanBefore), Math.abs(meanAfter));
  const variance = squares / df;
  if (!(Math.sqrt(variance) > 1e-12 * scale)) return Math.abs(difference) > 1e-12 * scale ? 0 : 1;
  const t = difference / Math.sqrt(variance * (1 / before.length + 1 / after.length));
  return studentTwoSidedP(t, df);
}

/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/**
 * I_x(a, b) by the continued fraction of the incomplete beta function (modified Lentz),
 * using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
 * Relative accuracy ~10⁻¹³ in the tail, which is where p-values live.
 */
function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function sumOfSquares(values: readonly number[], mean: number): number {
  let sum = 0;
  for (const value of values) sum += (value - mean) ** 2;
  return sum;
}
