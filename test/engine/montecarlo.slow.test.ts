import { describe, it } from "vitest";
import { mergeResults } from "../../engine/merge";
import { runMonteCarlo } from "../../engine/montecarlo";
import { prepare } from "../../engine/simulate";
import { expectSameBytes } from "../helpers/bytes";
import { loadScenario } from "../helpers/scenarios";

/** The whole Losser model: what montecarlo.test.ts shows on a small scenario holds for the baseline. */
describe("runMonteCarlo on the baseline", () => {
  it("merges chunks of the whole model into exactly the bytes of one pass", () => {
    const { model, layout, targets } = prepare(loadScenario("basis"));
    const whole = runMonteCarlo(model, layout, targets, { seed: 3, runs: 60 });
    const merged = mergeResults([
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 60, from: 35, to: 60 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 60, from: 0, to: 35 }),
    ]);
    expectSameBytes(merged.values, whole.values, "values");
    expectSameBytes(merged.met, whole.met, "met");
    expectSameBytes(merged.targetValues, whole.targetValues, "targetValues");
  });
});
