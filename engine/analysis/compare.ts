import { describeSample, STATISTICS } from "../kernel/quantiles";
import type { MetricLayout } from "../metrics";
import type { MonteCarloResult } from "../montecarlo";

/**
 * The difference between two scenarios run with the same seed and number of runs, run by run: with
 * common random numbers (engine/random.ts) the runs are paired, so the band of the difference shows
 * what the change of assumptions does, not the noise of two separate samples. Returns the statistics
 * of `b − a` per year (in the order of STATISTICS) for one metric id both scenarios have. For a sparse
 * metric (see ./metrics) only the runs where both have a value are paired; `pairs`, when given, gets
 * their number per year (0: the statistics of that year mean nothing).
 */
export interface SimulatedScenario {
  /** Its metrics in their rows: a compiled layout, or the shape a worker sent with its runs. */
  layout: Pick<MetricLayout, "defs">;
  result: MonteCarloResult;
}

export function pairedDifference(
  a: SimulatedScenario,
  b: SimulatedScenario,
  metricId: string,
  pairs?: Float64Array,
): Float64Array {
  if (a.result.runs !== b.result.runs || a.result.firstRun !== b.result.firstRun) {
    throw new Error("pairedDifference: de scenario's hebben niet dezelfde runs");
  }
  if (a.result.nYears !== b.result.nYears)
    throw new Error("pairedDifference: de scenario's hebben niet dezelfde jaren");
  const ma = a.layout.defs.findIndex((d) => d.id === metricId);
  const mb = b.layout.defs.findIndex((d) => d.id === metricId);
  if (ma < 0 || mb < 0) throw new Error(`pairedDifference: metric ${metricId} ontbreekt`);
  const { runs, nYears } = a.result;
  const sparse = a.layout.defs[ma].sparse === true || b.layout.defs[mb].sparse === true;
  const diff = new Float64Array(runs);
  const scratch = new Float64Array(runs);
  const out = new Float64Array(nYears * STATISTICS.length);
  for (let y = 0; y < nYears; y++) {
    const offA = (ma * nYears + y) * runs;
    const offB = (mb * nYears + y) * runs;
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const va = a.result.values[offA + r];
      const vb = b.result.values[offB + r];
      if (sparse && (va < 0 || vb < 0)) continue;
      diff[n++] = vb - va;
    }
    describeSample(diff.subarray(0, n), scratch, out, y * STATISTICS.length);
    if (pairs) pairs[y] = n;
  }
  return out;
}
