import { describe, expect, it } from "vitest";
import { mergeResults } from "../../engine/merge";
import { runMonteCarlo } from "../../engine/montecarlo";
import { parseScenario } from "../../engine/parse";
import type { Scenario } from "../../engine/scenario";
import { prepare } from "../../engine/simulate";
import { summarise } from "../../engine/summary";
import { readScenarioJson } from "../helpers/scenarios";

function basis(): Scenario {
  const result = parseScenario(readScenarioJson("basis.json"));
  if (!result.ok) throw new Error("basis invalid");
  return result.value;
}

describe("runMonteCarlo", () => {
  const { model, layout, targets, shape } = prepare(basis());

  it("gives identical buffers for the same seed and different ones for another seed", () => {
    const a = runMonteCarlo(model, layout, targets, { seed: 1, runs: 50 });
    const b = runMonteCarlo(model, layout, targets, { seed: 1, runs: 50 });
    const c = runMonteCarlo(model, layout, targets, { seed: 2, runs: 50 });
    expect(b.values).toEqual(a.values);
    expect(b.met).toEqual(a.met);
    expect(c.values).not.toEqual(a.values);
  });

  it("merges chunks of runs into exactly the result of one pass, whatever the chunk order", () => {
    const whole = runMonteCarlo(model, layout, targets, { seed: 3, runs: 90 });
    const parts = [
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 60, to: 90 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 0, to: 25 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 25, to: 60 }),
    ];
    const merged = mergeResults(parts);
    expect(merged.values).toEqual(whole.values);
    expect(merged.met).toEqual(whole.met);
    expect(merged.targetValues).toEqual(whole.targetValues);
    expect(summarise(merged, shape)).toEqual(summarise(whole, shape));
  });

  it("refuses chunks with a gap between them", () => {
    const parts = [
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 30, from: 0, to: 10 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 30, from: 20, to: 30 }),
    ];
    expect(() => mergeResults(parts)).toThrow(/ontbreken of overlappen/);
  });

  it("stops early when progress says so", () => {
    let calls = 0;
    runMonteCarlo(model, layout, targets, {
      seed: 1,
      runs: 500,
      progressEvery: 10,
      onProgress: () => {
        calls++;
        return calls < 3;
      },
    });
    expect(calls).toBe(3);
  });

  it("gives two identical scenarios a difference of exactly zero in every run (common random numbers)", () => {
    const other = prepare(basis());
    const a = runMonteCarlo(model, layout, targets, { seed: 5, runs: 40 });
    const b = runMonteCarlo(other.model, other.layout, other.targets, { seed: 5, runs: 40 });
    for (let i = 0; i < a.values.length; i++) expect(b.values[i] - a.values[i]).toBe(0);
  });
});
