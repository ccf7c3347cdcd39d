import { describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { scoreRows } from "../../../web/charts/scorecard";
import { lightFor } from "../../../web/common/lights";
import { loadScenario } from "../../helpers/scenarios";

const summaryOf = (name: string) => {
  const sim = simulate(planningScope(loadScenario(name)), { runs: 100, seed: 1 });
  return toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
};

describe("scoreRows", () => {
  const basis = summaryOf("basis");

  it("gives each target its deadline year, median, chance and traffic light", () => {
    const opgave = scoreRows(basis).find((r) => r.id === "opgave")!;
    const target = basis.targets.find((t) => t.id === "opgave")!;
    expect(opgave).toMatchObject({
      year: "2034",
      probability: target.probability,
      light: lightFor(target.probability),
    });
    expect(opgave.previous).toBeUndefined();
  });

  it("with a previous calculation, gives each target the chance it had then", () => {
    const vertraging = summaryOf("vertraging");
    const rows = scoreRows(vertraging, basis);
    for (const r of rows)
      expect(r.previous, r.id).toBe(basis.targets.find((t) => t.id === r.id)?.probability);
  });
});

describe("lightFor", () => {
  it("is green from 80%, orange from 50%, red below", () => {
    expect(lightFor(0.8).color).toBe("groen");
    expect(lightFor(0.5).color).toBe("oranje");
    expect(lightFor(0.49).color).toBe("rood");
  });
});
