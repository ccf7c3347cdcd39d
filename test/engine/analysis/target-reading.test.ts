import { describe, expect, it } from "vitest";
import type { SummaryTarget } from "../../../engine/analysis/output";
import { toSummaryJson } from "../../../engine/analysis/output";
import { readTarget, targetOutcome } from "../../../engine/analysis/target-reading";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

const row = (year: number, p50: number, probability: number) => ({
  year,
  mean: p50,
  p5: p50,
  p10: p50,
  p25: p50,
  p50,
  p75: p50,
  p90: p50,
  p95: p50,
  probability,
});

const target = (over: Partial<SummaryTarget>): SummaryTarget => ({
  id: "t",
  label: "t",
  kind: "deadline",
  metric: "m",
  unit: "woningen",
  rule: "",
  deadlineYear: 2030,
  yearBasis: "",
  threshold: 1,
  probability: 0.4,
  byYear: [row(2029, 900, 0.1), row(2030, 1225.4, 0.4)],
  ...over,
});

describe("readTarget", () => {
  it("reads a target in its own year and unit: counts whole, shares as percentages", () => {
    expect(readTarget(target({}))).toMatchObject({ year: "2030", median: "1.225", probabilityText: "40%" });
    const share = target({ unit: "aandeel", byYear: [row(2030, 0.178, 0.06)] });
    expect(readTarget(share).median).toBe("17,8%");
  });

  it("reads a target without a year as the year it is reached by half the runs, or after the end", () => {
    expect(readTarget(target({ kind: "reach", medianYear: 2033, deadlineYear: 2035 }))).toMatchObject({
      year: "vóór eind 2035",
      median: "in 2033",
    });
    expect(readTarget(target({ kind: "reach", medianYear: null, deadlineYear: 2035 })).median).toBe(
      "na 2035",
    );
  });
});

describe("a target at its deadline", () => {
  const basis = loadScenario("basis");
  const sim = simulate(planningScope(basis), { runs: 40, seed: 1 });
  const summary = toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
  const opgave = summary.targets.find((t) => t.id === "opgave")!;

  it("carries its unit, threshold and year from the scenario: the opgave's homes in its year", () => {
    expect(opgave).toMatchObject({ unit: "woningen", deadlineYear: basis.opgave.deadlineYear });
    expect(opgave.threshold).toBe(sim.prepared.model.opgaveHomes);
  });

  it("reads its value in that year as its metric's statistics there, and names that outcome", () => {
    const { row } = readTarget(opgave);
    const metric = summary.metrics[opgave.metric].find((r) => r.year === opgave.deadlineYear)!;
    expect({ ...row, probability: undefined }).toEqual({ ...metric, probability: undefined });
    expect(row.probability).toBe(opgave.probability);
    expect(targetOutcome(opgave)).toEqual({ metric: "opgave.realised", year: basis.opgave.deadlineYear });
  });
});
