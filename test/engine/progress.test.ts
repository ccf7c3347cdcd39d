import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { N_SEGMENTS } from "../../engine/kernel/cells";
import { PIPELINE_STATUSES } from "../../engine/kernel/domain";
import { runKey } from "../../engine/kernel/random";
import { parseProgress, withProgress } from "../../engine/progress";
import type { Scenario } from "../../engine/scenario";
import { planningScope } from "../../engine/scope";
import { prepare, simulate } from "../../engine/simulate";
import type { StockModel } from "../../engine/stock/compile";
import { DROPPED, pipelineWork, samplePipeline } from "../../engine/stock/pipeline";
import type { ProgressInput } from "../../engine/stock/progress";
import { arbitraryScenario } from "../helpers/arbitrary";
import { loadScenario, parsed } from "../helpers/scenarios";

const EXAMPLE = new URL("../../data/voortgang/voorbeeld-2026-06.json", import.meta.url);
const example = () => JSON.parse(readFileSync(EXAMPLE, "utf8")) as ProgressInput;

const yyyyMm = (model: StockModel, month: number) => {
  const abs = model.cal.startAbsMonth + month;
  return `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, "0")}`;
};

/** The pipeline of one run, by slot. */
function sample(model: StockModel, seed: number, run: number): Int32Array {
  const work = pipelineWork(model);
  samplePipeline(model, runKey(seed, run), work);
  return work.completion.slice();
}

/** Homes per (month, segment) completed in or before `until`, as "month:segment" → homes. */
function completedUntil(model: StockModel, completion: Int32Array, until: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < completion.length; i++) {
    const m = completion[i];
    if (m === DROPPED || m > until) continue;
    const p = i % model.nProjects;
    for (let s = 0; s < N_SEGMENTS; s++) {
      const units = model.projectUnits[p * N_SEGMENTS + s];
      if (units > 0) out[`${m}:${s}`] = (out[`${m}:${s}`] ?? 0) + units;
    }
  }
  return out;
}

/** A report that records exactly what one run did up to the peildatum. */
function reportOf(model: StockModel, completion: Int32Array, peildatum: number): ProgressInput {
  const n = model.nProjects;
  const report: Required<Pick<ProgressInput, "completions" | "newProjects">> & ProgressInput = {
    name: "Wat run r deed",
    peildatum: yyyyMm(model, peildatum),
    completions: [],
    newProjects: [],
  };
  const unitsOf = (p: number) => ({
    sociale_huur: model.projectUnits[p * N_SEGMENTS],
    middenhuur: model.projectUnits[p * N_SEGMENTS + 1],
    betaalbare_koop: model.projectUnits[p * N_SEGMENTS + 2],
    duur: model.projectUnits[p * N_SEGMENTS + 3],
  });
  for (let i = 0; i < 2 * n; i++) {
    const m = completion[i];
    if (m === DROPPED || m > peildatum) continue;
    const p = i % n;
    let project = model.projectIds[p];
    if (i >= n) {
      // A replacement plan that completed is a project the report did not have yet.
      project = `${project}-vervanging`;
      report.newProjects.push({
        id: project,
        name: project,
        kern: model.kernIds[model.projectKern[p]],
        status: PIPELINE_STATUSES[model.projectStatus[p]],
        plannedCompletion: yyyyMm(model, m),
        units: unitsOf(p),
        owner: model.owners.ids[model.projectOwner[p]],
      });
    }
    report.completions.push({ project, month: yyyyMm(model, m), units: unitsOf(p) });
  }
  return report;
}

function conditioned(scenario: Scenario, report: ProgressInput): Scenario {
  const result = parseProgress(report, scenario);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  return withProgress(scenario, result.value);
}

describe("a progress report", () => {
  it("reads the shipped example against the basis scenario", () => {
    const scenario = loadScenario("basis");
    const result = parseProgress(example(), scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.name).toMatch(/Voorbeeld/);
  });

  it("names the row and field of every problem, in Dutch", () => {
    const scenario = loadScenario("basis");
    const bad = example();
    bad.completions = [
      { project: "P99", month: "2026-03" },
      { project: "P02", month: "2026-09" },
      { project: "P04", month: "2025-02" },
    ];
    bad.statusChanges = [{ project: "P05", month: "2026-13", status: "hard" }];
    const result = parseProgress(bad, scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('completions[0].project: onbekend project "P99"');
    expect(messages).toContain("completions[1].month: 2026-09 ligt na de peildatum (2026-06)");
    expect(messages).toContain("completions[2].month: 2025-02 ligt vóór de start van het scenario (2025-10)");
    expect(messages.some((m) => m.startsWith("statusChanges[0].month:"))).toBe(true);
  });

  it("checks a new project's owner and buyer against the scenario's corporations", () => {
    const bad = example();
    const template = bad.newProjects![0];
    bad.newProjects = [
      { ...template, owner: "woonbron" },
      { ...template, id: "V09", owner: "eigenaar_bewoner", buyer: "overige_verhuurder" },
    ];
    const result = parseProgress(bad, loadScenario("basis"));
    if (result.ok) throw new Error("accepted an unknown owner");
    expect(result.problems).toEqual([
      {
        path: "newProjects[0].owner",
        message:
          "'woonbron' is geen corporatie in corporations (wel: domijn) en geen overige_verhuurder of eigenaar_bewoner",
      },
      {
        path: "newProjects[1].buyer",
        message: "'overige_verhuurder' is geen corporatie in corporations (wel: domijn)",
      },
    ]);
  });

  it("fixes what happened: a completed project in its month, a dropped one never, a changed one from its new status", () => {
    const scenario = withProgress(loadScenario("basis"), parsedExample());
    const { model } = prepare(planningScope(scenario));
    const at = (id: string) => model.projectIds.indexOf(id);
    const peil = model.openAfter;
    expect(peil).toBe(8);
    for (let run = 0; run < 50; run++) {
      const c = sample(model, 1, run);
      expect(c[at("P03")]).toBe(4);
      expect(c[at("P01")]).toBe(7);
      expect(c[at("V01")]).toBe(6);
      expect(c[at("P16")]).toBe(DROPPED);
      expect(c[model.nProjects + at("P16")]).toBe(DROPPED);
      // P02 was due in June 2026 and is not done: it completes after the peildatum, if at all.
      expect(c[at("P02")] === DROPPED || c[at("P02")] > peil).toBe(true);
    }
    expect(PIPELINE_STATUSES[model.projectStatus[at("P12")]]).toBe("hard");
  });

  it("gives the same output for the same seed and report", () => {
    const scenario = planningScope(withProgress(loadScenario("basis"), parsedExample()));
    const a = simulate(scenario, { runs: 20, seed: 3 });
    const b = simulate(scenario, { runs: 20, seed: 3 });
    expect(a.result.values).toEqual(b.result.values);
    expect(a.prepared.hash).not.toBe(
      simulate(planningScope(loadScenario("basis")), { runs: 1 }).prepared.hash,
    );
  });

  it("property: recording what one run did up to the peildatum, every conditioned run agrees with it until then", () => {
    fc.assert(
      fc.property(
        arbitraryScenario,
        fc.integer({ min: 0, max: 99 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (input, reference, where) => {
          const scenario = parsed(input);
          const { model } = prepare(planningScope(scenario));
          const seed = scenario.simulation.seed;
          const peildatum = Math.floor(where * model.cal.nQuarters * 3);
          const truth = sample(model, seed, reference);
          const report = reportOf(model, truth, peildatum);
          const { model: after } = prepare(planningScope(conditioned(scenario, report)));
          const expected = completedUntil(model, truth, peildatum);
          for (let run = 0; run < 20; run++) {
            expect(completedUntil(after, sample(after, seed, run), peildatum)).toEqual(expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("whole runs agree with the reference run in every year before the peildatum", () => {
    const scenario = planningScope(loadScenario("basis"));
    const { model, layout } = prepare(scenario);
    const truth = sample(model, 1, 7);
    const peildatum = 2 * 12 + 2; // december 2027: the years 2025–2027 are over
    const after = simulate(conditioned(scenario, reportOf(model, truth, peildatum)), { runs: 30, seed: 1 });
    const reference = simulate(scenario, { runs: 8, seed: 1 });
    const nY = model.cal.nYears;
    const series = (values: Float32Array, runs: number, y: number) =>
      Array.from(
        values.subarray(
          (layout.completionsTotal * nY + y) * runs,
          (layout.completionsTotal * nY + y + 1) * runs,
        ),
      );
    for (let y = 0; y < 3; y++) {
      const want = series(reference.result.values, 8, y)[7];
      expect(new Set(series(after.result.values, 30, y))).toEqual(new Set([want]));
    }
  });
});

function parsedExample() {
  const result = parseProgress(example(), loadScenario("basis"));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
