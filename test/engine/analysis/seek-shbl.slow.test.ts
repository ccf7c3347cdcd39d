import { describe, expect, it } from "vitest";
import { GROUPS } from "../../../engine/allocation/vocabulary";
import { applyLever, type LimitLever, seek } from "../../../engine/analysis/seek";
import { NO_VALUE } from "../../../engine/kernel/metric";
import { runMonteCarlo } from "../../../engine/montecarlo";
import type { Scenario } from "../../../engine/scenario";
import { allocationScope, planningScope } from "../../../engine/scope";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

/**
 * SHBL's levers in "Wat is er nodig?": the highest value that holds a limit with the wished chance, on
 * the whole model of Losser (allocation and affordability; slow per run, so few runs). The answer holds
 * on a re-run; one step more does not.
 */

/** The share of runs in which a limit lever's limit holds in a year, re-run from scratch. */
function holds(scenario: Scenario, lever: LimitLever, limit: number, year: number, runs: number): number {
  const p = prepare(lever === "rentIncrease" ? scenario : allocationScope(scenario));
  const metric =
    lever === "rentIncrease"
      ? (p.layout.affordability?.betaalrisicoShare ?? -1)
      : (p.layout.allocation?.searchTimeMedian[GROUPS.indexOf("regulier")] ?? -1);
  const result = runMonteCarlo(p.model, p.layout, p.targets, { seed: 1, runs });
  const y = year - p.model.cal.startYear;
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const v = result.values[(metric * result.nYears + y) * runs + r];
    if (v !== NO_VALUE && v <= limit + 1e-9) n++;
  }
  return n / runs;
}

describe("wat is er nodig? voor SHBL", () => {
  // The whole model (allocation and affordability): slow per run, so few runs.
  const basis = loadScenario("basis");
  const SHBL_RUNS = 40;

  it("finds the highest rent increase that keeps betaalrisico under the limit; a quarter point more does not", () => {
    const a = seek(basis, {
      target: "betaalrisico",
      lever: "rentIncrease",
      limit: 0.2,
      runs: SHBL_RUNS,
      seed: 1,
    });
    expect(a.status).toBe("reached");
    expect(a.direction).toBe("highest");
    const value = a.value as number;
    expect(a.above?.value).toBeCloseTo(value + a.step, 9);
    expect(a.above?.chance).toBeLessThan(0.8);
    const year = basis.agreement?.untilYear ?? basis.simulation.endYear;
    expect(a.year).toBe(year);
    const with_ = holds(applyLever(basis, "rentIncrease", value), "rentIncrease", 0.2, year, SHBL_RUNS);
    expect(with_).toBe(a.chance);
    expect(with_).toBeGreaterThanOrEqual(0.8);
    expect(
      holds(applyLever(basis, "rentIncrease", value + a.step), "rentIncrease", 0.2, year, SHBL_RUNS),
    ).toBeLessThan(0.8);
    expect(a.sentence).toMatch(
      /^Om met 80% kans het aandeel huurders met betaalrisico ten hoogste 20,0% in \d{4} te houden, kan de huur hoogstens −?[\d,]+ procentpunt per jaar boven de loonontwikkeling stijgen/,
    );
  }, 120_000);

  it("finds the highest free-allocation share that keeps the regular home-seekers' search time under the limit", () => {
    const a = seek(basis, {
      target: "zoektijd",
      lever: "freeAllocation",
      limit: 1.25,
      runs: SHBL_RUNS,
      seed: 1,
    });
    expect(a.status).toBe("reached");
    const value = a.value as number;
    const cap = basis.allocation ? basis.allocation.freeAllocation.cap : 0;
    expect(value).toBeLessThanOrEqual(typeof cap === "number" ? cap : cap.value);
    const year = a.year;
    expect(
      holds(applyLever(basis, "freeAllocation", value), "freeAllocation", 1.25, year, SHBL_RUNS),
    ).toBeGreaterThanOrEqual(0.8);
    expect(
      holds(applyLever(basis, "freeAllocation", value + a.step), "freeAllocation", 1.25, year, SHBL_RUNS),
    ).toBeLessThan(0.8);
    expect(a.sentence).toMatch(/kan de vrije toewijzing hoogstens [\d,]+% van de toewijzingen zijn/);
  }, 120_000);

  it("says when even the lowest value does not hold the limit", () => {
    const a = seek(basis, { target: "betaalrisico", lever: "rentIncrease", limit: 0.01, runs: 10, seed: 1 });
    expect(a.status).toBe("unreachable");
    expect(a.sentence).toMatch(/^Zelfs met −2 procentpunt per jaar/);
    expect(() =>
      seek(planningScope(basis), { target: "zoektijd", lever: "freeAllocation", limit: 1, runs: 5 }),
    ).toThrow(/geen toewijzing/);
  }, 60_000);
});
