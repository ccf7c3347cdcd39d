import { addHistograms, allocateHistograms } from "./distributions";
import type { MonteCarloResult } from "./montecarlo";

/**
 * Chunks of runs computed apart (by a pool of workers) joined in run order. Every buffer is laid out
 * `[series][run]`, so a chunk's run slice of each series is copied into place; the merged result is
 * byte for byte the one a single `runMonteCarlo` over all runs would give.
 */

interface RunChunk {
  firstRun: number;
  runs: number;
}

/** The parts sorted by first run, checked to cover one unbroken range of runs. */
export function inRunOrder<T extends RunChunk>(parts: readonly T[]): T[] {
  if (parts.length === 0) throw new Error("mergeResults: geen delen om samen te voegen");
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  for (let i = 1; i < sorted.length; i++) {
    const expected = sorted[i - 1].firstRun + sorted[i - 1].runs;
    if (sorted[i].firstRun !== expected) {
      throw new Error(`mergeResults: runs ${expected} tot ${sorted[i].firstRun} ontbreken of overlappen`);
    }
  }
  return sorted;
}

type RunMajor = Float64Array | Float32Array | Uint8Array | Int32Array;

/** Join `[series][run]` buffers of consecutive chunks into one buffer of all their runs. */
export function concatRuns<A extends RunMajor>(
  buffers: readonly A[],
  runsPerPart: readonly number[],
  nSeries: number,
  make: (length: number) => A,
): A {
  const total = runsPerPart.reduce((a, b) => a + b, 0);
  const out = make(nSeries * total);
  let offset = 0;
  buffers.forEach((buffer, i) => {
    const runs = runsPerPart[i];
    for (let s = 0; s < nSeries; s++) out.set(buffer.subarray(s * runs, (s + 1) * runs), s * total + offset);
    offset += runs;
  });
  return out;
}

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
