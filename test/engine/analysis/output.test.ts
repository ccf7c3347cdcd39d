import { describe, expect, it } from "vitest";
import { toSummaryJson, toYearlyCsv } from "../../../engine/analysis/output";
import { parseScenario } from "../../../engine/parse";
import { simulate } from "../../../engine/simulate";
import { certainScenario } from "../../helpers/fixtures";

describe("output files", () => {
  const parsed = parseScenario(certainScenario());
  if (!parsed.ok) throw new Error("fixture invalid");
  const sim = simulate(parsed.value, { runs: 4, seed: 1 });
  const summary = toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);

  it("summary.json carries the engine version, scenario hash, seed and runs, and no timestamp", () => {
    expect(Object.keys(summary.meta).sort()).toEqual([
      "engineVersion",
      "runs",
      "scenarioHash",
      "scenarioName",
      "seed",
    ]);
    expect(summary.years).toEqual([2025, 2026, 2027]);
  });

  it("gives a deterministic scenario the same value for every statistic", () => {
    const row = summary.metrics["stock.total"][2];
    expect(row).toEqual({
      year: 2027,
      mean: 540,
      p5: 540,
      p10: 540,
      p25: 540,
      p50: 540,
      p75: 540,
      p90: 540,
      p95: 540,
    });
  });

  it("reports each target's probability in its deadline year", () => {
    const sleutel = summary.targets.find((t) => t.id === "sleutelprojecten_2025_2027")!;
    expect(sleutel.deadlineYear).toBe(2027);
    expect(sleutel.probability).toBe(1);
    expect(sleutel.byYear.map((r) => r.probability)).toEqual([0, 1, 1]);
  });

  it("writes yearly.csv in long form, one row per metric, year and statistic, plus target probabilities", () => {
    const csv = toYearlyCsv(summary);
    const lines = csv.trimEnd().split("\r\n");
    const metrics = Object.keys(summary.metrics).length;
    expect(lines).toHaveLength(1 + metrics * 3 * 8 + summary.targets.length * 3);
    expect(lines).toContain("target.sleutelprojecten_2025_2027,2026,probability,1");
  });

  it("writes decimal commas and semicolons for Dutch Excel", () => {
    const csv = toYearlyCsv(summary, { dutch: true });
    expect(csv).toContain("share.sociale_huur;2027;mean;0,");
    expect(csv).not.toMatch(/\d\.\d/);
  });
});
