import { PROBABILITIES, r7Rank, STATISTICS } from "./quantiles";

/**
 * Metrics whose distribution runs over many units within a run — households, homes — and over the
 * runs together: the huurquote of every tenant household in every run, say. Storing each value would
 * cost millions of numbers, so each (metric, year) keeps a histogram of fixed bins plus an exact sum and
 * count; histograms of chunks of runs simply add up, so workers can split the runs and merge.
 */

export interface DistributionDef {
  id: string;
  label: string;
  unit: string;
  /** Values below `min` count in the first bin, above `max` in the last. */
  min: number;
  max: number;
  bins: number;
  /**
   * Sums are kept in whole multiples of this (0.000001 for a share, 0.01 for euros): whole numbers add up
   * exactly in any order, so a mean is the same to the bit however the runs were split over workers.
   */
  resolution: number;
}

export interface Histograms {
  defs: DistributionDef[];
  nYears: number;
  /** Start of each definition's block in `counts`: `offsets[d] + year * bins + bin`. */
  offsets: Int32Array;
  counts: Float64Array;
  /** Sum (in multiples of the resolution) and count per (definition, year), for the mean. */
  sums: Float64Array;
  n: Float64Array;
}

export function allocateHistograms(defs: DistributionDef[], nYears: number): Histograms {
  const offsets = new Int32Array(defs.length);
  let size = 0;
  defs.forEach((d, i) => {
    offsets[i] = size;
    size += d.bins * nYears;
  });
  return {
    defs,
    nYears,
    offsets,
    counts: new Float64Array(size),
    sums: new Float64Array(defs.length * nYears),
    n: new Float64Array(defs.length * nYears),
  };
}

export function addSample(h: Histograms, dist: number, year: number, value: number): void {
  const d = h.defs[dist];
  const bin = Math.min(d.bins - 1, Math.max(0, Math.floor(((value - d.min) / (d.max - d.min)) * d.bins)));
  h.counts[h.offsets[dist] + year * d.bins + bin] += 1;
  h.sums[dist * h.nYears + year] += Math.round(value / d.resolution);
  h.n[dist * h.nYears + year] += 1;
}

/**
 * `addSample` for the first `count` values of `values`, in order: the same counts and sums, without a
 * call per value (a call that is not inlined boxes its number argument, and so allocates).
 */
export function addSamples(
  h: Histograms,
  dist: number,
  year: number,
  values: Float64Array,
  count: number,
): void {
  const d = h.defs[dist];
  const { min, max, bins, resolution } = d;
  const base = h.offsets[dist] + year * bins;
  const counts = h.counts;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(((value - min) / (max - min)) * bins)));
    counts[base + bin] += 1;
    sum += Math.round(value / resolution);
  }
  h.sums[dist * h.nYears + year] += sum;
  h.n[dist * h.nYears + year] += count;
}

/** Add `from` into `into` (same definitions). */
export function addHistograms(into: Histograms, from: Histograms): void {
  for (let i = 0; i < into.counts.length; i++) into.counts[i] += from.counts[i];
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i] += from.sums[i];
    into.n[i] += from.n[i];
  }
}

/**
 * Mean and quantiles (as STATISTICS) of each (definition, year), written `[(d * nYears + y) * 8 + s]`.
 * A quantile's rank is R-7's (./quantiles); its value is placed inside its bin by that rank among the
 * bin's values, as if they were spread evenly over the bin: exact to within one bin width.
 */
export function describeHistograms(h: Histograms): Float64Array {
  const nStats = STATISTICS.length;
  const out = new Float64Array(h.defs.length * h.nYears * nStats);
  h.defs.forEach((d, di) => {
    const width = (d.max - d.min) / d.bins;
    for (let y = 0; y < h.nYears; y++) {
      const at = (di * h.nYears + y) * nStats;
      const total = h.n[di * h.nYears + y];
      if (total === 0) continue;
      out[at] = (h.sums[di * h.nYears + y] * d.resolution) / total;
      const base = h.offsets[di] + y * d.bins;
      let bin = 0;
      let before = 0;
      PROBABILITIES.forEach((p, i) => {
        const rank = r7Rank(total, p);
        while (bin < d.bins - 1 && before + h.counts[base + bin] <= rank) before += h.counts[base + bin++];
        const inBin = h.counts[base + bin];
        const within = inBin > 0 ? (rank - before + 0.5) / inBin : 0.5;
        out[at + 1 + i] = d.min + (bin + Math.min(1, within)) * width;
      });
    }
  });
  return out;
}
