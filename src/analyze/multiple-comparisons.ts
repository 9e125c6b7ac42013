// Adjusts the p-values of many comparisons (one per cost centre, module or metric) so that
// "significant" keeps its meaning when a report tests hundreds of rows at once: with 200
// rows and no real change, about 10 would pass p < 0.05 by chance alone.
//
// - 'holm': Holm–Bonferroni step-down (Holm 1979), controls the family-wise error rate (the
//   chance of ANY false positive). For p sorted ascending, p(1) ≤ … ≤ p(k):
//     adjusted(i) = min(1, max over j ≤ i of (k − j + 1)·p(j))
// - 'bh': Benjamini–Hochberg step-up (1995), controls the false discovery rate (the
//   expected share of false positives among the rows called significant):
//     adjusted(i) = min(1, min over j ≥ i of k/j · p(j))
// - 'none': the raw p-values, copied.
// Either way, hypothesis i is rejected at level α by the procedure exactly when
// adjusted(i) ≤ α, and the adjusted values come back in the input order. These are the
// definitions of R's p.adjust(method = "holm" / "BH"). simple-statistics has no multiple
// comparison correction, so both are written here.
export type PValueAdjustment = 'holm' | 'bh' | 'none';

export function adjustPValues(p: readonly number[], method: PValueAdjustment): number[] {
  p.forEach((value, index) => {
    if (!(value >= 0 && value <= 1)) throw new Error(`p-value ${index} is not in [0, 1] (got ${value})`);
  });
  if (method === 'none') return [...p];

  const count = p.length;
  // Indices in ascending order of p; ties keep input order (the result does not depend on it).
  const order = p.map((_, index) => index).sort((a, b) => p[a]! - p[b]!);
  const adjusted = new Array<number>(count);

  if (method === 'holm') {
    let runningMax = 0;
    order.forEach((index, position) => {
      runningMax = Math.max(runningMax, Math.min(1, (count - position) * p[index]!));
      adjusted[index] = runningMax;
    });
  } else {
    let runningMin = 1;
    for (let position = count - 1; position >= 0; position--) {
      const index = order[position]!;
      runningMin = Math.min(runningMin, (count / (position + 1)) * p[index]!);
      adjusted[index] = runningMin;
    }
  }
  return adjusted;
}
