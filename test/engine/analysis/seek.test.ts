import { describe, expect, it } from "vitest";
import { applyLever, seek } from "../../../engine/analysis/seek";
import { runMonteCarlo } from "../../../engine/montecarlo";
import type { Scenario } from "../../../engine/scenario";
import { planningScope } from "../../../engine/scope";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

const RUNS = 60;

/** The chance of a target in a year, re-run from scratch. */
function chanceOf(scenario: Scenario, target: string, year: number): number {
  const p = prepare(planningScope(scenario));
  const t = p.targets.findIndex((d) => d.id === target);
  const result = runMonteCarlo(p.model, p.layout, p.targets, { seed: 1, runs: RUNS });
  const y = year - p.model.cal.startYear;
  let n = 0;
  for (let r = 0; r < RUNS; r++) n += result.met[(t * result.nYears + y) * RUNS + r];
  return n / RUNS;
}

describe("wat is er nodig?", () => {
  const basis = planningScope(loadScenario("basis"));

  it("finds the fewest extra homes in hard plans for 80% on the opgave, and one step less does not reach it", () => {
    const a = seek(basis, { target: "opgave", lever: "hardHomes", runs: RUNS, seed: 1 });
    expect(a.status).toBe("reached");
    const value = a.value as number;
    expect(a.chance).toBeGreaterThanOrEqual(0.8);
    expect(a.below?.value).toBe(value - a.step);
    expect(a.below?.chance).toBeLessThan(0.8);
    // A re-run with the lever applied reaches the chance; one step less does not.
    expect(chanceOf(applyLever(basis, "hardHomes", value), "opgave", 2034)).toBe(a.chance);
    expect(chanceOf(applyLever(basis, "hardHomes", value - a.step), "opgave", 2034)).toBeLessThan(0.8);
    const [lo, hi] = a.range as [number, number];
    expect(lo).toBeLessThanOrEqual(value);
    expect(hi).toBeGreaterThanOrEqual(value);
    expect(a.curve.map((p) => p.value)).toEqual([...a.curve.map((p) => p.value)].sort((x, y) => x - y));
    expect(a.sentence).toMatch(
      /^Voor 80% kans op „1\.225 woningen gerealiseerd in 2034" is nodig: ongeveer \d/,
    );
  });

  it("gives the same answer for the same seed", () => {
    const a = seek(basis, { target: "opgave", lever: "acceleration", chance: 0.2, runs: 40 });
    const b = seek(basis, { target: "opgave", lever: "acceleration", chance: 0.2, runs: 40 });
    expect(b).toEqual(a);
    if (a.status === "reached") expect(a.below?.chance).toBeLessThan(0.2);
  });

  it("says when the target already has the chance, and when no change within reach gets there", () => {
    const already = seek(basis, { target: "opgave", lever: "procedures", chance: 0, runs: 20 });
    expect(already.status).toBe("already");
    expect(already.sentence).toMatch(/niets extra nodig/);
    const never = seek(basis, { target: "opgave", lever: "softDropOut", chance: 0.99, runs: 20 });
    expect(never.status).toBe("unreachable");
    expect(never.sentence).toMatch(/^Ook met \d+ procentpunt minder uitval/);
  });
});
