import { describeHistograms } from "./kernel/distributions";
import { describeSample, STATISTICS } from "./kernel/quantiles";
import type { MonteCarloResult } from "./montecarlo";
import type { ResultShape } from "./shape";

/**
 * The summary of a Monte Carlo result as flat arrays (what crosses from a worker): per metric and year
 * the statistics, per target and year the statistics of its value and the probability of meeting it.
 */
export interface SummaryArrays {
  nYears: number;
  runs: number;
  /** `[(metric * nYears + year) * 8 + statistic]`, statistics in the order of STATISTICS. */
  metricStats: Float64Array;
  targetStats: Float64Array;
  /** Like metricStats, for the distribution metrics (over units and runs). */
  distributionStats: Float64Array;
  /** `[target * nYears + year]`: share of runs meeting the target. */
  probability: Float64Array;
  /** `[metric * nYears + year]`: runs with a value (all runs, but for sparse metrics; see ./metrics). */
  metricRuns: Float64Array;
}

const N_STATS = STATISTICS.length;

export function summarise(result: MonteCarloResult, shape: Pick<ResultShape, "metrics">): SummaryArrays {
  const { runs, nYears, nMetrics, nTargets } = result;
  const scratch = new Float64Array(runs);
  const metricRuns = new Float64Array(nMetrics * nYears);
  const describeAll = (source: Float32Array, series: number, counts?: Float64Array) => {
    const out = new Float64Array(series * N_STATS);
    for (let i = 0; i < series; i++) {
      const sparse = counts !== undefined && shape.metrics[Math.floor(i / nYears)].sparse === true;
      const n = describeSample(source.subarray(i * runs, (i + 1) * runs), scratch, out, i * N_STATS, sparse);
      if (counts) counts[i] = n;
    }
    return out;
  };
  const probability = new Float64Array(nTargets * nYears);
  for (let i = 0; i < nTargets * nYears; i++) {
    let met = 0;
    for (let r = 0; r < runs; r++) met += result.met[i * runs + r];
    probability[i] = met / runs;
  }
  return {
    nYears,
    runs,
    metricStats: describeAll(result.values, nMetrics * nYears, metricRuns),
    targetStats: describeAll(result.targetValues, nTargets * nYears),
    distributionStats: describeHistograms(result.histograms),
    probability,
    metricRuns,
  };
}
