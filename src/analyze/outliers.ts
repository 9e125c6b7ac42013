// Flags runs whose value is far from the others, robustly: |x − median| above 3 scaled
// MADs (1.4826·MAD estimates the standard deviation of normal data). A floor of 1% of the
// median keeps near-identical runs (MAD ≈ 0, e.g. deterministic allocation) from flagging
// on rounding noise. Outliers are reported, never dropped.
import { median, medianAbsoluteDeviation } from 'simple-statistics';

const OUTLIER_MADS = 3;
const MAD_TO_SIGMA = 1.4826;
const RELATIVE_FLOOR = 0.01;

export interface OutlierVerdict {
  index: number;
  value: number;
  median: number;
  /** Distance from the median in scaled MADs (Infinity when MAD is 0). */
  robustZ: number;
}

export function findOutliers(values: readonly number[]): OutlierVerdict[] {
  if (values.length < 3) return [];
  const centre = median([...values]);
  const spread = MAD_TO_SIGMA * medianAbsoluteDeviation([...values]);
  const threshold = Math.max(OUTLIER_MADS * spread, RELATIVE_FLOOR * Math.abs(centre));
  const outliers: OutlierVerdict[] = [];
  values.forEach((value, index) => {
    const distance = Math.abs(value - centre);
    if (distance > threshold) outliers.push({ index, value, median: centre, robustZ: spread > 0 ? distance / spread : Number.POSITIVE_INFINITY });
  });
  return outliers;
}
