import { N_SEGMENTS } from "../kernel/cells";
import { quantileSorted } from "../kernel/quantiles";
import { runKey } from "../kernel/random";
import { concatRuns, inRunOrder } from "../kernel/runs";
import type { StockModel } from "./compile";
import { DROPPED, pipelineWork, samplePipeline } from "./pipeline";

/**
 * When each project completes, run by run: what the planners' Gantt view shows as a spread around
 * the planned date. It samples the same pipeline with the same per-run keys as `runOnce`, so the
 * spread belongs to exactly the runs behind the other charts. Replacement plans are left out: they
 * are new plans, not the project on the schedule.
 */
export interface CompletionSample {
  firstRun: number;
  runs: number;
  nProjects: number;
  /** Completion month counted from the start, or DROPPED; `[project][run]`. */
  months: Int32Array;
}

export function sampleCompletions(
  model: StockModel,
  seed: number,
  from: number,
  to: number,
): CompletionSample {
  const runs = to - from;
  const n = model.nProjects;
  const months = new Int32Array(n * runs);
  const work = pipelineWork(model);
  for (let run = 0; run < runs; run++) {
    samplePipeline(model, runKey(seed, from + run), work);
    for (let p = 0; p < n; p++) months[p * runs + run] = work.completion[p];
  }
  return { firstRun: from, runs, nProjects: n, months };
}

export function mergeCompletions(parts: readonly CompletionSample[]): CompletionSample {
  const sorted = inRunOrder(parts);
  const runs = sorted.map((p) => p.runs);
  return {
    firstRun: sorted[0].firstRun,
    runs: runs.reduce((a, b) => a + b, 0),
    nProjects: sorted[0].nProjects,
    months: concatRuns(
      sorted.map((p) => p.months),
      runs,
      sorted[0].nProjects,
      (n) => new Int32Array(n),
    ),
  };
}

/** A project's simulated completion: quantiles as fractional calendar years, and its drop-out share. */
export interface CompletionSpread {
  id: string;
  /** Planned completion as a fractional year (2027.5 is July 2027). */
  planned: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of runs in which the project dropped out; its quantiles are over the other runs. */
  dropped: number;
  /** Its homes, all segments. */
  units: number;
  /** Share of runs in which it is completed by the end of the opgave's deadline year (dropped: not). */
  onTime: number;
}

export function summariseCompletions(
  model: Pick<StockModel, "cal" | "opgaveDeadlineYear" | "projectIds" | "projectUnits" | "projectPlanned">,
  sample: CompletionSample,
): CompletionSpread[] {
  const { runs } = sample;
  const start = model.cal.startAbsMonth;
  const toYear = (month: number) => (start + month) / 12;
  const scratch = new Float64Array(runs);
  // Months from the start to the end of the deadline year: a completion before it counts for the opgave.
  const deadline = (model.opgaveDeadlineYear + 1) * 12 - start;
  return model.projectIds.map((id, p) => {
    let n = 0;
    let onTime = 0;
    for (let r = 0; r < runs; r++) {
      const month = sample.months[p * runs + r];
      if (month === DROPPED) continue;
      scratch[n++] = month;
      if (month < deadline) onTime++;
    }
    let units = 0;
    for (let s = 0; s < N_SEGMENTS; s++) units += model.projectUnits[p * N_SEGMENTS + s];
    const completed = scratch.subarray(0, n).sort();
    const q = (x: number) => (n > 0 ? toYear(quantileSorted(completed, x)) : Number.NaN);
    return {
      id,
      planned: toYear(model.projectPlanned[p]),
      p10: q(0.1),
      p50: q(0.5),
      p90: q(0.9),
      dropped: runs > 0 ? (runs - n) / runs : 0,
      units,
      onTime: runs > 0 ? onTime / runs : 0,
    };
  });
}
