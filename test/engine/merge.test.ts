import { describe, expect, it } from "vitest";
import { mergeResults } from "../../engine/merge";
import { runMonteCarlo } from "../../engine/montecarlo";
import { prepare } from "../../engine/simulate";
import { loadScenario } from "../helpers/scenarios";

const { model, layout, targets } = prepare(loadScenario());
const run = (from: number, to: number) =>
  runMonteCarlo(model, layout, targets, { seed: 7, runs: 60, from, to });

describe("mergeResults", () => {
  it("joins chunks into the bytes of one run over all of them, whatever order they arrive in", () => {
    const whole = run(0, 60);
    const merged = mergeResults([run(40, 60), run(0, 13), run(13, 40)]);
    expect(merged.firstRun).toBe(0);
    expect(merged.runs).toBe(60);
    expect(Buffer.from(merged.values.buffer)).toEqual(Buffer.from(whole.values.buffer));
    expect(Buffer.from(merged.met.buffer)).toEqual(Buffer.from(whole.met.buffer));
    expect(Buffer.from(merged.targetValues.buffer)).toEqual(Buffer.from(whole.targetValues.buffer));
  });

  it("refuses chunks that leave a gap or overlap", () => {
    expect(() => mergeResults([run(0, 10), run(20, 30)])).toThrow(/^mergeResults: /);
    expect(() => mergeResults([run(0, 10), run(5, 15)])).toThrow(/^mergeResults: /);
  });

  it("refuses an empty list", () => {
    expect(() => mergeResults([])).toThrow();
  });
});
