/** The statistics reported for every metric and year, in this order. */
export const STATISTICS = ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;
export type Statistic = (typeof STATISTICS)[number];
const PROBABILITIES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * The p-quantile of sorted values by R-7 (linear interpolation between order statistics), the
 * definition d3.quantileSorted and Excel's PERCENTILE use; written for typed arrays so the engine
 * needs no chart library.
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo];
  return lo + 1 < n ? below + (sorted[lo + 1] - below) * (h - lo) : below;
}

/**
 * Mean and quantiles of `values` (R-7, linear interpolation, as d3 and Excel's PERCENTILE do), written
 * into `out` at `offset` in the order of STATISTICS. `scratch` is sorted in place.
 */
export function describeSample(
  values: Float64Array,
  scratch: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  scratch.set(values);
  scratch.sort();
  let total = 0;
  for (let i = 0; i < scratch.length; i++) total += values[i];
  out[offset] = scratch.length > 0 ? total / scratch.length : 0;
  for (let i = 0; i < PROBABILITIES.length; i++)
    out[offset + 1 + i] = quantileSorted(scratch, PROBABILITIES[i]);
}
