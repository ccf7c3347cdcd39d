import { describe, expect, it } from "vitest";
import { pairedDifference } from "../../../engine/analysis/compare";
import { toSummaryJson, toYearlyCsv } from "../../../engine/analysis/output";
import { NO_VALUE } from "../../../engine/kernel/metric";
import { STATISTICS } from "../../../engine/kernel/quantiles";
import { simulate } from "../../../engine/simulate";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/**
 * Search times are sparse: a year in which nobody of a group (or in a kern) was housed has no search
 * time. In the small scenario the kern Zuid, with 50 social homes, has such years in many runs; their
 * statistics must be over the runs with a value, not pulled to 0 by the runs without one.
 */
const RUNS = 60;
const scenario = { ...parsed(smallScenario()), affordability: undefined };
const sim = simulate(scenario, { runs: RUNS, seed: 1 });
const summary = toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
const { nYears } = sim.result;

function runValues(id: string, y: number): number[] {
  const m = sim.prepared.layout.defs.findIndex((d) => d.id === id);
  return Array.from(sim.result.values.subarray((m * nYears + y) * RUNS, (m * nYears + y + 1) * RUNS));
}

describe("sparse metrics (search times)", () => {
  const kern = "search_time.regulier@Zuid";

  it("are marked sparse, and only they carry a count of runs", () => {
    expect(summary.metricInfo[kern].sparse).toBe(true);
    expect(summary.metricInfo["search_time.starter"].sparse).toBe(true);
    expect(summary.metricInfo["allocations.total"].sparse).toBeUndefined();
    expect(summary.metrics["allocations.total"][0].runs).toBeUndefined();
  });

  it("count the runs with a value, and describe those runs alone", () => {
    const rows = summary.metrics[kern];
    // Zuid is small: in some years only part of the runs house anyone there.
    expect(rows.some((r) => r.runs !== undefined && r.runs > 0 && r.runs < RUNS)).toBe(true);
    rows.forEach((row, y) => {
      const values = runValues(kern, y).filter((v) => v !== NO_VALUE);
      expect(row.runs).toBe(values.length);
      const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
      expect(row.mean).toBeCloseTo(mean, 5);
      for (const s of STATISTICS) expect(row[s]).toBeGreaterThanOrEqual(0);
      if (values.length > 0) expect(row.p5).toBeGreaterThanOrEqual(Math.min(...values));
    });
  });

  it("write their count of runs to yearly.csv", () => {
    const csv = toYearlyCsv(summary);
    const row = summary.metrics[kern][3];
    expect(csv).toContain(`${kern},${row.year},runs,${row.runs}\r\n`);
    expect(csv).not.toContain("allocations.total,2028,runs");
  });

  it("pair only the runs where both scenarios have a value", () => {
    const moreSales = { ...scenario.policy, sales: { ...scenario.policy.sales, perYear: 6 } };
    const other = simulate({ ...scenario, policy: moreSales }, { runs: RUNS, seed: 1 });
    const b = { layout: other.prepared.layout, result: other.result };
    const diff = pairedDifference({ layout: sim.prepared.layout, result: sim.result }, b, kern);
    const m = other.prepared.layout.defs.findIndex((d) => d.id === kern);
    let checked = 0;
    for (let y = 0; y < nYears; y++) {
      const va = runValues(kern, y);
      const vb = Array.from(
        other.result.values.subarray((m * nYears + y) * RUNS, (m * nYears + y + 1) * RUNS),
      );
      const pairs = va.flatMap((x, r) => (x === NO_VALUE || vb[r] === NO_VALUE ? [] : [vb[r] - x]));
      const mean = pairs.length > 0 ? pairs.reduce((p, q) => p + q, 0) / pairs.length : 0;
      expect(diff[y * STATISTICS.length]).toBeCloseTo(mean, 5);
      if (pairs.length < RUNS && va.some((x, r) => (x === NO_VALUE) !== (vb[r] === NO_VALUE))) checked++;
    }
    // The check meant something: in some year one scenario had a value where the other had none.
    expect(checked).toBeGreaterThan(0);
  });
});
