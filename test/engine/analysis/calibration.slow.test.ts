import { describe, expect, it } from "vitest";
import { calibrate } from "../../../engine/analysis/calibration";
import { toSummaryJson } from "../../../engine/analysis/output";
import { simulate } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

describe("the baseline's calibration", () => {
  it("has at least twelve rows, each with a source and a date, and every median inside its tolerance", () => {
    const basis = loadScenario("basis");
    const sim = simulate(basis, { runs: 300, seed: 1 });
    const result = calibrate(basis, toSummaryJson(sim.prepared.shape, sim.meta, sim.summary));
    expect(result.problems).toEqual([]);
    expect(result.rows.length).toBeGreaterThanOrEqual(12);
    for (const r of result.rows) {
      expect(r.reference.source, r.id).toBeTruthy();
      expect(r.reference.date, r.id).toBeTruthy();
      expect([r.id, r.verdict]).toEqual([r.id, "binnen de marge"]);
    }
  });
});
