import { describe, expect, it } from "vitest";
import { mergeResults } from "../../engine/merge";
import { runMonteCarlo } from "../../engine/montecarlo";
import { prepare } from "../../engine/simulate";
import { expectSameBytes } from "../helpers/bytes";
import { smallScenario } from "../helpers/fixtures";
import { parsed } from "../helpers/scenarios";

const { model, layout, targets } = prepare(parsed(smallScenario()));
const run = (from: number, to: number) =>
  runMonteCarlo(model, layout, targets, { seed: 7, runs: 60, from, to });

describe("mergeResults", () => {
  it("joins chunks into the bytes of one run over all of them, whatever order they arrive in", () => {
    const whole = run(0, 60);
    const merged = mergeResults([run(40, 60), run(0, 13), run(13, 40)]);
    expect(merged.firstRun).toBe(0);
    expect(merged.runs).toBe(60);
    expectSameBytes(merged.values, whole.values, "values");
    expectSameBytes(merged.met, whole.met, "met");
    expectSameBytes(merged.targetValues, whole.targetValues, "targetValues");
  });

  it("refuses chunks that leave a gap or overlap", () => {
    expect(() => mergeResults([run(0, 10), run(20, 30)])).toThrow(/^mergeResults: /);
    expect(() => mergeResults([run(0, 10), run(5, 15)])).toThrow(/^mergeResults: /);
  });

  it("refuses an empty list", () => {
    expect(() => mergeResults([])).toThrow();
  });
});
