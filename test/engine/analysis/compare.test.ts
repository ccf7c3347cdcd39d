import { describe, expect, it } from "vitest";
import { pairedDifference } from "../../../engine/analysis/compare";
import { runMonteCarlo } from "../../../engine/montecarlo";
import { parseScenario } from "../../../engine/parse";
import type { Scenario } from "../../../engine/scenario";
import { prepare } from "../../../engine/simulate";
import { readScenarioJson } from "../../helpers/scenarios";

function load(name: string): Scenario {
  const r = parseScenario(readScenarioJson(name));
  if (!r.ok) throw new Error(name);
  return r.value;
}

function run(s: Scenario, runs = 60, seed = 4) {
  const p = prepare(s);
  return { layout: p.layout, result: runMonteCarlo(p.model, p.layout, p.targets, { runs, seed }) };
}

describe("pairedDifference", () => {
  it("is exactly zero in every statistic for two identical scenarios at the same seed", () => {
    const diff = pairedDifference(run(load("basis.json")), run(load("basis.json")), "opgave.realised");
    expect(Array.from(diff).every((x) => x === 0)).toBe(true);
  });

  it("shows vertraging realising fewer homes than the baseline, run by run", () => {
    const diff = pairedDifference(run(load("basis.json")), run(load("vertraging.json")), "opgave.realised");
    const mean2034 = diff[(2034 - 2025) * 8];
    expect(mean2034).toBeLessThan(0);
  });

  it("refuses results of different run counts", () => {
    expect(() =>
      pairedDifference(run(load("basis.json"), 10), run(load("basis.json"), 20), "stock.total"),
    ).toThrow(/niet dezelfde runs/);
  });
});
