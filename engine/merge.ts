import { addHistograms, allocateHistograms } from "./kernel/distributions";
import { concatRuns, inRunOrder } from "./kernel/runs";
import type { MonteCarloResult } from "./montecarlo";

/**
 * Chunks of runs computed apart (by a pool of workers) joined in run order. Every buffer is laid out
 * `[series][run]`, so a chunk's run slice of each series is copied into place; the merged result is
 * byte for byte the one a single `runMonteCarlo` over all runs would give.
 */

export function mergeResults(parts: readonly MonteCarloResult[]): MonteCarloResult {
  const sorted = inRunOrder(parts);
  const [first] = sorted;
  if (sorted.length === 1) return first;
  const { nYears, nMetrics, nTargets } = first;
  const runs = sorted.map((p) => p.runs);
  // Histograms add up; their sums are whole multiples of a resolution, so the order does not matter.
  const histograms = allocateHistograms(first.histograms.defs, nYears);
  for (const part of sorted) addHistograms(histograms, part.histograms);
  return {
    firstRun: first.firstRun,
    runs: runs.reduce((a, b) => a + b, 0),
    nYears,
    nMetrics,
    nTargets,
    values: concatRuns(
      sorted.map((p) => p.values),
      runs,
      nMetrics * nYears,
      (n) => new Float32Array(n),
    ),
    met: concatRuns(
      sorted.map((p) => p.met),
      runs,
      nTargets * nYears,
      (n) => new Uint8Array(n),
    ),
    targetValues: concatRuns(
      sorted.map((p) => p.targetValues),
      runs,
      nTargets * nYears,
      (n) => new Float32Array(n),
    ),
    histograms,
  };
}
