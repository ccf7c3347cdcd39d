import type { Model } from "./compile";
import type { MetricLayout } from "./metrics";
import { runKey } from "./random";
import { runOnce, runWork } from "./run";
import type { TargetDef } from "./targets";

/**
 * Many runs into preallocated buffers. `values` is laid out `[metric][year][run]` so that each
 * (metric, year) series is contiguous for the quantiles; `met` likewise holds 1 where a target is met.
 * A run's randomness depends only on (seed, run index), so a range of runs computed anywhere — another
 * worker, another machine — is the same as that range computed here.
 */
export interface MonteCarloResult {
  /** Index of the first run held; a chunk computed by one worker starts past 0. */
  firstRun: number;
  /** Number of runs held (the stride of every buffer). */
  runs: number;
  nYears: number;
  nMetrics: number;
  nTargets: number;
  values: Float64Array;
  met: Uint8Array;
  /** Each target's own value, `[target][year][run]`. */
  targetValues: Float64Array;
}

export interface MonteCarloOptions {
  seed: number;
  runs: number;
  /** Compute only runs [from, to) of the `runs` (default: all); the result holds just those. */
  from?: number;
  to?: number;
  /** Called every `progressEvery` runs; return false to stop early (a newer request came in). */
  onProgress?: (done: number, total: number) => boolean | undefined;
  progressEvery?: number;
}

export function allocateResult(
  layout: MetricLayout,
  targets: TargetDef[],
  nYears: number,
  runs: number,
  firstRun = 0,
): MonteCarloResult {
  const nMetrics = layout.defs.length;
  return {
    firstRun,
    runs,
    nYears,
    nMetrics,
    nTargets: targets.length,
    values: new Float64Array(nMetrics * nYears * runs),
    met: new Uint8Array(targets.length * nYears * runs),
    targetValues: new Float64Array(targets.length * nYears * runs),
  };
}

export function runMonteCarlo(
  model: Model,
  layout: MetricLayout,
  targets: TargetDef[],
  options: MonteCarloOptions,
): MonteCarloResult {
  const { seed } = options;
  const from = options.from ?? 0;
  const to = options.to ?? options.runs;
  const runs = to - from;
  const result = allocateResult(layout, targets, model.cal.nYears, runs, from);
  const nY = model.cal.nYears;
  const nMetrics = layout.defs.length;
  const work = runWork(model);
  const record = new Float64Array(nMetrics * nY);
  const every = options.progressEvery ?? 100;
  const { values, met, targetValues } = result;
  for (let run = 0; run < runs; run++) {
    runOnce(model, layout, runKey(seed, from + run), work, record);
    for (let m = 0; m < nMetrics; m++) {
      for (let y = 0; y < nY; y++) values[(m * nY + y) * runs + run] = record[m * nY + y];
    }
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      for (let y = 0; y < nY; y++) {
        met[(t * nY + y) * runs + run] = target.met(record, y) ? 1 : 0;
        targetValues[(t * nY + y) * runs + run] = target.value(record, y);
      }
    }
    if (
      options.onProgress &&
      (run + 1 - from) % every === 0 &&
      options.onProgress(run + 1 - from, to - from) === false
    ) {
      break;
    }
  }
  return result;
}
