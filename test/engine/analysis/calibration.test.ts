import { describe, expect, it } from "vitest";
import { calibrate } from "../../../engine/analysis/calibration";
import { toSummaryJson } from "../../../engine/analysis/output";
import { parseScenario } from "../../../engine/parse";
import type { ScenarioInput } from "../../../engine/scenario";
import { simulate } from "../../../engine/simulate";
import { certainScenario } from "../../helpers/fixtures";

const run = (input: ScenarioInput, runs = 20) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const sim = simulate(parsed.value, { runs, seed: 1 });
  return calibrate(parsed.value, toSummaryJson(sim.prepared.shape, sim.meta, sim.summary));
};

const row = (metric: string, year: number, min: number, max: number) => ({
  id: metric,
  label: metric,
  metric,
  year,
  reference: { value: (min + max) / 2, date: "2025", source: "test" },
  tolerance: { min, max },
});

describe("calibrate", () => {
  it("says inside or outside by where the scenario's median lies against the tolerance", () => {
    const input = certainScenario();
    // The small scenario starts with 500 homes, and completes nothing in its first year.
    input.calibration = [row("stock.total", 2025, 490, 510), row("stock.total", 2025, 400, 450)];
    input.calibration[1].id = "te_laag";
    const result = run(input);
    expect(result.rows.map((r) => [r.median, r.verdict])).toEqual([
      [500, "binnen de marge"],
      [500, "buiten de marge"],
    ]);
  });

  it("names a row whose metric the run does not have, instead of guessing", () => {
    const input = certainScenario();
    input.calibration = [row("bestaat.niet", 2025, 0, 1)];
    expect(run(input).problems).toEqual([
      { path: "calibration[0]", message: 'deze run heeft de metric "bestaat.niet" niet' },
    ]);
  });
});
