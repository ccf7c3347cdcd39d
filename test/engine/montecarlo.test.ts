import { describe, expect, it } from "vitest";
import { mergeResults } from "../../engine/merge";
import { allocateResult, runMonteCarlo } from "../../engine/montecarlo";
import { prepare } from "../../engine/simulate";
import { summarise } from "../../engine/summary";
import { expectSameBytes, sameBytes } from "../helpers/bytes";
import { smallScenario } from "../helpers/fixtures";
import { parsed } from "../helpers/scenarios";

/** Every sub-model, at a small size; montecarlo.slow.test.ts merges chunks of the baseline. */
const small = () => parsed(smallScenario());

describe("runMonteCarlo", () => {
  const { model, layout, targets, shape } = prepare(small());

  it("gives identical buffers for the same seed and different ones for another seed", () => {
    const a = runMonteCarlo(model, layout, targets, { seed: 1, runs: 50 });
    const b = runMonteCarlo(model, layout, targets, { seed: 1, runs: 50 });
    const c = runMonteCarlo(model, layout, targets, { seed: 2, runs: 50 });
    expectSameBytes(b.values, a.values, "values");
    expectSameBytes(b.met, a.met, "met");
    expect(sameBytes(c.values, a.values)).toBe(false);
  });

  it("merges chunks of runs into exactly the result of one pass, whatever the chunk order", () => {
    const whole = runMonteCarlo(model, layout, targets, { seed: 3, runs: 90 });
    const parts = [
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 60, to: 90 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 0, to: 25 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 25, to: 60 }),
    ];
    const merged = mergeResults(parts);
    expectSameBytes(merged.values, whole.values, "values");
    expectSameBytes(merged.met, whole.met, "met");
    expectSameBytes(merged.targetValues, whole.targetValues, "targetValues");
    expect(summarise(merged, shape)).toEqual(summarise(whole, shape));
  });

  it("writes ranges of runs into one result, in any order, exactly as one pass does", () => {
    const whole = runMonteCarlo(model, layout, targets, { seed: 3, runs: 90 });
    // A chunk of runs 10–90, filled in two parts; no buffer of its own for either part.
    const chunk = allocateResult(layout, targets, model.cal.nYears, 80, 10);
    expect(runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 50, to: 90, into: chunk })).toBe(
      chunk,
    );
    runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 10, to: 50, into: chunk });
    const first = runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 0, to: 10 });
    const merged = mergeResults([first, chunk]);
    expectSameBytes(merged.values, whole.values, "values");
    expectSameBytes(merged.met, whole.met, "met");
    expectSameBytes(merged.targetValues, whole.targetValues, "targetValues");
    expect(summarise(merged, shape)).toEqual(summarise(whole, shape));
    expect(() =>
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 90, from: 5, to: 20, into: chunk }),
    ).toThrow(/buiten/);
  });

  it("refuses chunks with a gap between them", () => {
    const parts = [
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 30, from: 0, to: 10 }),
      runMonteCarlo(model, layout, targets, { seed: 3, runs: 30, from: 20, to: 30 }),
    ];
    expect(() => mergeResults(parts)).toThrow(/ontbreken of overlappen/);
  });

  it("keeps its working buffers between calls without one call changing another's, also a call from inside another", () => {
    // A model of its own, never run before, gives what fresh buffers give.
    const fresh = prepare(small());
    const expected = runMonteCarlo(fresh.model, fresh.layout, fresh.targets, { seed: 4, runs: 70 });
    runMonteCarlo(model, layout, targets, { seed: 9, runs: 30 });
    let inner: ReturnType<typeof runMonteCarlo> | undefined;
    const outer = runMonteCarlo(model, layout, targets, {
      seed: 4,
      runs: 70,
      progressEvery: 10,
      onProgress: () => {
        inner ??= runMonteCarlo(model, layout, targets, { seed: 4, runs: 70 });
        return true;
      },
    });
    for (const [name, result] of [
      ["outer", outer],
      ["inner", inner],
    ] as const) {
      expect(result).toBeDefined();
      if (!result) continue;
      expectSameBytes(result.values, expected.values, `${name} values`);
      expectSameBytes(result.targetValues, expected.targetValues, `${name} targetValues`);
      // The affordability histograms are the buffers' own: each call must keep its own.
      expect(Array.from(result.histograms.counts)).toEqual(Array.from(expected.histograms.counts));
      expect(Array.from(result.histograms.sums)).toEqual(Array.from(expected.histograms.sums));
    }
    expect(expected.histograms.n.some((n) => n > 0)).toBe(true);
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
    const other = prepare(small());
    const a = runMonteCarlo(model, layout, targets, { seed: 5, runs: 40 });
    const b = runMonteCarlo(other.model, other.layout, other.targets, { seed: 5, runs: 40 });
    for (let i = 0; i < a.values.length; i++) expect(b.values[i] - a.values[i]).toBe(0);
  });
});
