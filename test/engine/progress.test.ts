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

  it("checks the sales, acquisitions and allocation figures by row and field, and keeps every good row", () => {
    const scenario = loadScenario("basis");
    const bad = example();
    bad.sales = [
      { year: 2024, homes: 1 },
      { year: 2026, homes: 2 },
      { year: 2026, homes: 3 },
    ];
    bad.acquisitions = [{ year: 2027, homes: 1 }];
    bad.allocation = [{ year: 2026, lettings: -4, searchTimeYears: 1.5 }];
    const result = parseProgress(bad, scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain("sales[0].year: 2024 ligt vóór het startjaar van het scenario (2025)");
    expect(messages).toContain("sales[2].year: 2026 staat al in rij 2; geef elk jaar één keer");
    expect(messages).toContain("acquisitions[0].year: 2027 ligt na het jaar van de peildatum (2026-06)");
    expect(messages.some((m) => m.startsWith("allocation[0].lettings:"))).toBe(true);
    expect(messages).toHaveLength(4);
    const good = parseProgress(example(), scenario);
    expect(good.ok && good.value.allocation[1]).toMatchObject({
      year: 2026,
      lettings: 79,
      searchTimeYears: 1.1,
    });
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

  it("property: the report's sales and acquisitions replace the plan's up to the peildatum, in every run", () => {
    fc.assert(
      fc.property(
        arbitraryScenario,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (input, sold, bought) => {
          const plan = parsed(input);
          // The world the report comes from sold and bought other numbers than the plan says.
          const world: Scenario = {
            ...plan,
            policy: {
              ...plan.policy,
              sales: { ...plan.policy.sales, perYear: sold, byYear: {} },
              acquisitions: { ...plan.policy.acquisitions, perYear: bought, byYear: {} },
            },
          };
          const truth = prepare(planningScope(world)).model;
          const { cal } = truth;
          const peildatum = Math.min(cal.nQuarters * 3 - 1, 3 * Math.floor(cal.nQuarters / 2) + 1);
          const past = (q: number) => 3 * q <= peildatum;
          const yearOf = (q: number) => Math.floor((cal.startAbsMonth + 3 * q) / 12);
          const perYear = (byQuarter: Float64Array, keep: (q: number) => boolean) => {
            const out = new Map<number, number>();
            byQuarter.forEach((n, q) => {
              if (keep(q)) out.set(yearOf(q), (out.get(yearOf(q)) ?? 0) + n);
            });
            return out;
          };
          const report: ProgressInput = {
            name: "Wat de wereld verkocht en kocht",
            peildatum: yyyyMm(truth, peildatum),
            sales: [...perYear(truth.salesByQuarter, past)].map(([year, homes]) => ({ year, homes })),
            acquisitions: [...perYear(truth.acquisitionsByQuarter, past)].map(([year, homes]) => ({
              year,
              homes,
            })),
          };
          const scenario = conditioned(plan, report);
          const after = prepare(planningScope(scenario)).model;
          const before = prepare(planningScope(plan)).model;
          // Up to the peildatum the world's numbers, year by year; after it the plan's, quarter by quarter.
          expect(perYear(after.salesByQuarter, past)).toEqual(perYear(truth.salesByQuarter, past));
          expect(perYear(after.acquisitionsByQuarter, past)).toEqual(
            perYear(truth.acquisitionsByQuarter, past),
          );
          for (let q = 0; q < cal.nQuarters; q++) {
            if (past(q)) continue;
            expect(after.salesByQuarter[q]).toBe(before.salesByQuarter[q]);
            expect(after.acquisitionsByQuarter[q]).toBe(before.acquisitionsByQuarter[q]);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("with two corporations, a sales row conditions the corporation it names; a row without one is the first's", () => {
    const plan = planningScope(loadScenario("../../test/fixtures/voorbeeldgemeente.json"));
    const [first, second] = plan.corporations.map((c) => c.id);
    const report: ProgressInput = {
      name: "Twee corporaties",
      peildatum: "2027-12",
      sales: [
        { year: 2026, homes: 9 },
        { year: 2026, homes: 7, corporation: second },
      ],
    };
    const after = prepare(conditioned(plan, report)).model;
    const before = prepare(plan).model;
    const { cal } = after;
    const soldIn = (m: StockModel, c: number, year: number) => {
      let n = 0;
      for (let q = 0; q < cal.nQuarters; q++)
        if (Math.floor((cal.startAbsMonth + 3 * q) / 12) === year)
          n += m.salesByQuarter[c * cal.nQuarters + q];
      return n;
    };
    expect([soldIn(after, 0, 2026), soldIn(after, 1, 2026)]).toEqual([9, 7]);
    // 2027 is not in the report: each keeps its plan.
    expect([soldIn(after, 0, 2027), soldIn(after, 1, 2027)]).toEqual([
      soldIn(before, 0, 2027),
      soldIn(before, 1, 2027),
    ]);
    const bad = parseProgress({ ...report, sales: [{ year: 2026, homes: 1, corporation: "elders" }] }, plan);
    expect(bad.ok || bad.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `sales[0].corporation: onbekende corporatie "elders"; kies ${first}, ${second}`,
    ]);
  });

  it("whole runs sell and buy what the report says in every year that closed before the peildatum", () => {
    // Losser's social stock is far larger than a year's sales, so no shortage limits them: every run
    // sells and buys exactly the report's numbers, whatever the plan said.
    const plan = planningScope(loadScenario("basis"));
    const report: ProgressInput = {
      name: "Meer verkocht dan gepland",
      peildatum: "2027-06",
      sales: [
        { year: 2025, homes: 3 },
        { year: 2026, homes: 17 },
        { year: 2027, homes: 9 },
      ],
      acquisitions: [{ year: 2026, homes: 0 }],
    };
    const runs = 12;
    const a = simulate(conditioned(plan, report), { runs, seed: 4 });
    const b = simulate(plan, { runs, seed: 4 });
    const { layout, model } = a.prepared;
    const nY = model.cal.nYears;
    const series = (values: Float32Array, metric: number, y: number) =>
      Array.from(values.subarray((metric * nY + y) * runs, (metric * nY + y + 1) * runs));
    expect(new Set(series(a.result.values, layout.sales, 0))).toEqual(new Set([3]));
    expect(new Set(series(a.result.values, layout.sales, 1))).toEqual(new Set([17]));
    expect(new Set(series(a.result.values, layout.acquisitions, 1))).toEqual(new Set([0]));
    // 2027: nine up to June, then the plan's second half-year.
    const cal = model.cal;
    let secondHalf = 0;
    b.prepared.model.salesByQuarter.forEach((n, q) => {
      const month = cal.startAbsMonth + 3 * q;
      if (Math.floor(month / 12) === 2027 && month % 12 >= 6) secondHalf += n;
    });
    expect(secondHalf).toBeGreaterThan(0);
    expect(new Set(series(a.result.values, layout.sales, 2))).toEqual(new Set([9 + secondHalf]));
    // A year the report leaves out keeps the plan: 2025's acquisitions were not reported.
    expect(series(a.result.values, layout.acquisitions, 0)).toEqual(
      series(b.result.values, layout.acquisitions, 0),
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
