/** The statistics reported for every metric and year, in this order. */
export const STATISTICS = ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;
export type Statistic = (typeof STATISTICS)[number];
/** The probabilities of the quantiles among STATISTICS (all but the mean), in order. */
export const PROBABILITIES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/**
 * The one definition of a quantile in the engine: R-7, linear interpolation between order statistics,
 * as d3.quantileSorted and Excel's PERCENTILE. The p-quantile of n values lies at rank h = (n − 1)·p
 * (from 0); its value is the ⌊h⌋-th smallest plus the fraction h − ⌊h⌋ of the step to the next. Every
 * summary uses it: over runs (describeSample), over a histogram's bins (search times, distributions).
 */
export function r7Rank(n: number, p: number): number {
  return (n - 1) * p;
}

/** The R-7 value at rank `h` of `n` values, from the order statistics at ⌊h⌋ (`below`) and ⌊h⌋ + 1 (`above`). */
export function r7Value(h: number, n: number, below: number, above: number): number {
  const lo = Math.floor(h);
  return lo + 1 < n && h > lo ? below + (above - below) * (h - lo) : below;
}

/** The p-quantile of sorted values. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = r7Rank(n, p);
  const lo = Math.floor(h);
  return r7Value(h, n, sorted[lo], sorted[Math.min(lo + 1, n - 1)]);
}

/**
 * Mean and quantiles (R-7, as quantileSorted) of `values`, written into `out` at `offset` in the order
 * of STATISTICS. Only the order statistics the quantiles need are selected, in ascending order on a
 * shrinking range: the same numbers as a full sort, several times faster for ten thousand runs.
 * `scratch` is reordered; `values` is left as it is. With `sparse`, negative values (NO_VALUE) are left
 * out; the statistics are over the rest, all 0 when nothing is left. Returns how many values it used.
 */
export function describeSample(
  values: Float64Array | Float32Array,
  scratch: Float64Array,
  out: Float64Array,
  offset: number,
  sparse = false,
): number {
  let n = 0;
  let total = 0;
  if (sparse) {
    for (let i = 0; i < values.length; i++) {
      if (values[i] < 0) continue;
      scratch[n++] = values[i];
      total += values[i];
    }
  } else {
    n = values.length;
    scratch.set(values);
    for (let i = 0; i < n; i++) total += values[i];
  }
  out[offset] = n > 0 ? total / n : 0;
  let left = 0;
  for (let i = 0; i < PROBABILITIES.length; i++) {
    if (n === 0) {
      out[offset + 1 + i] = 0;
      continue;
    }
    const h = r7Rank(n, PROBABILITIES[i]);
    const lo = Math.floor(h);
    if (lo >= left) select(scratch, lo, left, n - 1);
    const below = scratch[lo];
    // The next order statistic only when the rank falls between two.
    if (lo + 1 < n && h > lo) select(scratch, lo + 1, lo + 1, n - 1);
    out[offset + 1 + i] = r7Value(h, n, below, lo + 1 < n ? scratch[lo + 1] : below);
    left = lo + 1;
  }
  return n;
}

/**
 * Floyd–Rivest selection (as in d3-array's quickselect), specialised to a Float64Array with plain
 * numeric comparison: d3's version calls a comparator per step and is ten times slower here. Afterwards
 * `a[k]` is the k-th smallest of `a[left..right]`, smaller ones before it, larger ones after.
 */
export function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
