import { describe, expect, it } from "vitest";
import { pairedDifference } from "../../../engine/analysis/compare";
import { runMonteCarlo } from "../../../engine/montecarlo";
import type { Scenario } from "../../../engine/scenario";
import { planningScope } from "../../../engine/scope";
import { prepare } from "../../../engine/simulate";
import { smallScenario } from "../../helpers/fixtures";
import { loadScenario, parsed } from "../../helpers/scenarios";

/** Every sub-model, small. */
const small = () => parsed(smallScenario());
/** Homes realised are the stock model's: the building plan of a scenario from data/scenarios is enough. */
const plan = (name: string) => planningScope(loadScenario(name));

function run(s: Scenario, runs = 60, seed = 4) {
  const p = prepare(s);
  return { layout: p.layout, result: runMonteCarlo(p.model, p.layout, p.targets, { runs, seed }) };
}

describe("pairedDifference", () => {
  it("is exactly zero in every statistic for two identical scenarios at the same seed", () => {
    const diff = pairedDifference(run(small()), run(small()), "opgave.realised");
    expect(diff.length).toBeGreaterThan(0);
    expect(Array.from(diff).every((x) => x === 0)).toBe(true);
  });

  it("shows vertraging realising fewer homes than the baseline, run by run", () => {
    const diff = pairedDifference(run(plan("basis")), run(plan("vertraging")), "opgave.realised");
    const mean2034 = diff[(2034 - 2025) * 8];
    expect(mean2034).toBeLessThan(0);
  });

  it("refuses results of different run counts", () => {
    expect(() => pairedDifference(run(small(), 10), run(small(), 20), "stock.total")).toThrow(
      /niet dezelfde runs/,
    );
  });
});
