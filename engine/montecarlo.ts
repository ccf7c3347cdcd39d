import type { Model } from "./compile";
import { allocateHistograms, type Histograms } from "./kernel/distributions";
import { runKey } from "./kernel/random";
import type { MetricLayout } from "./metrics";
import { type RunWork, runOnce, runWork } from "./run";
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
  /**
   * Stored as 32-bit floats: seven significant digits is far finer than any figure here, and half the
   * memory is half the page faults — filling fresh memory was a third of the time of a whole run.
   */
  values: Float32Array;
  met: Uint8Array;
  /** Each target's own value, `[target][year][run]`. */
  targetValues: Float32Array;
  /** Distributions over units and runs, summed over the runs held. */
  histograms: Histograms;
}

export interface MonteCarloOptions {
  seed: number;
  runs: number;
  /** Compute only runs [from, to) of the `runs` (default: all); the result holds just those. */
  from?: number;
  to?: number;
  /**
   * Write the runs into this result (made by `allocateResult` for a range that holds [from, to)) instead
   * of a new one, and return it: a worker fills its chunk batch by batch, with no buffer per batch and
   * no merge afterwards (fresh memory is slow to touch in a browser).
   */
  into?: MonteCarloResult;
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
  const histograms = allocateHistograms(layout.distributions, nYears);
  return allocateResultOfSize(layout.defs.length, targets.length, nYears, runs, firstRun, histograms);
}

function allocateResultOfSize(
  nMetrics: number,
  nTargets: number,
  nYears: number,
  runs: number,
  firstRun: number,
  histograms: Histograms,
): MonteCarloResult {
  return {
    firstRun,
    runs,
    nYears,
    nMetrics,
    nTargets,
    values: new Float32Array(nMetrics * nYears * runs),
    met: new Uint8Array(nTargets * nYears * runs),
    targetValues: new Float32Array(nTargets * nYears * runs),
    histograms,
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
  const into = options.into;
  if (into && (from < into.firstRun || to > into.firstRun + into.runs))
    throw new Error(
      `runMonteCarlo: runs ${from}–${to} vallen buiten het resultaat (${into.firstRun}–${into.firstRun + into.runs})`,
    );
  const result = into ?? allocateResult(layout, targets, model.cal.nYears, runs, from);
  // Where these runs go in the result's buffers: its own width (runs held) and the column of `from`.
  const stride = result.runs;
  const column = from - result.firstRun;
  const nY = model.cal.nYears;
  const perRun = layout.defs.length * nY;
  const kept = takeWork(model, layout, result.histograms);
  const { work } = kept;
  const every = options.progressEvery ?? 100;
  const perRunTargets = targets.length * nY;
  // Runs are recorded run-major into a small block, then copied into the [series][run] buffers a block
  // at a time: each series' page is then visited once a block, not once a run (a run's own work pushes
  // those pages out of the processor's address cache, and a miss there costs more than the copy).
  const block = Math.min(BLOCK, runs);
  const rowsOf = blockRows(kept.rows, perRun, perRunTargets);
  const { rows, views, metRows, valueRows } = rowsOf;
  for (let first = 0; first < runs; first += block) {
    const size = Math.min(block, runs - first);
    for (let b = 0; b < size; b++) {
      const record = views[b];
      runOnce(model, layout, runKey(seed, from + first + b), work, record);
      for (let t = 0; t < targets.length; t++)
        targets[t].evaluate(record, metRows, valueRows, b * perRunTargets + t * nY);
    }
    copyValues(rows, result.values, perRun, size, stride, column + first);
    copyMet(metRows, result.met, perRunTargets, size, stride, column + first);
    copyValues(valueRows, result.targetValues, perRunTargets, size, stride, column + first);
    const done = first + size;
    if (options.onProgress && Math.floor(done / every) > Math.floor(first / every)) {
      if (options.onProgress(done, runs) === false) break;
    }
  }
  idle.set(model, { layout, work, rows: rowsOf });
  return result;
}

/**
 * A run's working buffers, kept per compiled model between calls: the browser computes its runs in
 * batches of 50 (./transport/chunk), and making the buffers afresh — the allocation model's homes and
 * households, the affordability model's rents — cost about as much as half a run of the whole model
 * each time. A run resets all it reads, so which call used the buffers before does not matter. Taken
 * out while in use, so a call made from inside another (from `onProgress`) gets buffers of its own.
 */
interface Kept {
  layout: MetricLayout;
  work: RunWork;
  rows?: BlockRows;
}

const idle = new WeakMap<Model, Kept>();

function takeWork(model: Model, layout: MetricLayout, histograms: Histograms): Kept {
  const kept = idle.get(model);
  if (kept?.layout !== layout) return { layout, work: runWork(model, layout, histograms) };
  idle.delete(model);
  kept.work.histograms = histograms;
  return kept;
}

/**
 * The block of run-major rows a call records its runs into, kept with the working buffers: 250–500 kB
 * for the whole model, and a browser is slow to touch fresh memory (about 2.6 ms a megabyte in the
 * Chromium of the tests, against 0.07 ms in Node), once per batch of 50 runs. Every row is written
 * before it is read: a run clears its record, and each target writes every year of its slot.
 */
interface BlockRows {
  perRun: number;
  perRunTargets: number;
  rows: Float64Array;
  views: Float64Array[];
  metRows: Uint8Array;
  valueRows: Float64Array;
}

function blockRows(kept: BlockRows | undefined, perRun: number, perRunTargets: number): BlockRows {
  if (kept && kept.perRun === perRun && kept.perRunTargets === perRunTargets) return kept;
  const rows = new Float64Array(BLOCK * perRun);
  return {
    perRun,
    perRunTargets,
    rows,
    views: Array.from({ length: BLOCK }, (_, b) => rows.subarray(b * perRun, (b + 1) * perRun)),
    metRows: new Uint8Array(BLOCK * perRunTargets),
    valueRows: new Float64Array(BLOCK * perRunTargets),
  };
}

const BLOCK = 32;

/**
 * Copy `size` run-major rows of `width` values into columns `first…` of a series-major buffer. Two
 * functions of one type each, not one for both: a copy that sees two kinds of array reads and writes
 * every element the slow, generic way.
 */
function copyValues(
  rows: Float64Array,
  into: Float32Array,
  width: number,
  size: number,
  runs: number,
  first: number,
): void {
  for (let i = 0; i < width; i++) {
    const base = i * runs + first;
    for (let b = 0; b < size; b++) into[base + b] = rows[b * width + i];
  }
}

function copyMet(
  rows: Uint8Array,
  into: Uint8Array,
  width: number,
  size: number,
  runs: number,
  first: number,
): void {
  for (let i = 0; i < width; i++) {
    const base = i * runs + first;
    for (let b = 0; b < size; b++) into[base + b] = rows[b * width + i];
  }
}
