import { describe, expect, it } from "vitest";
import type { SummaryTarget } from "../../../engine/analysis/output";
import { toSummaryJson } from "../../../engine/analysis/output";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import {
  chancePanels,
  chanceRows,
  chanceTable,
  deadlinePoints,
  spreadLabels,
} from "../../../web/charts/chance-by-year";
import { loadScenario } from "../../helpers/scenarios";

const targetsOf = (name: string) => {
  const sim = simulate(planningScope(loadScenario(name)), { runs: 100, seed: 1 });
  return toSummaryJson(sim.prepared.shape, sim.meta, sim.summary).targets;
};

const basis = { scenario: "Basis", targets: targetsOf("basis") };
const vertraging = { scenario: "Vertraging", targets: targetsOf("vertraging") };

describe("chanceRows", () => {
  it("gives a row per scenario, target and year with the engine's chance in that year", () => {
    const rows = chanceRows([basis, vertraging]);
    const years = basis.targets[0].byYear.length;
    expect(rows).toHaveLength(2 * basis.targets.length * years);
    const opgave = vertraging.targets.find((t) => t.id === "opgave")!;
    const row2034 = opgave.byYear.find((r) => r.year === 2034)!;
    expect(rows).toContainEqual({
      target: "opgave",
      scenario: "Vertraging",
      year: 2034,
      probability: row2034.probability,
    });
  });
});

describe("chancePanels", () => {
  it("lists every target once, in the scorecard's order, with the year the agreement reads it in", () => {
    const panels = chancePanels([basis, vertraging]);
    expect(panels.map((p) => p.target)).toEqual(basis.targets.map((t) => t.id));
    expect(panels.find((p) => p.target === "opgave")).toMatchObject({ deadlineYear: 2034 });
  });

  it("adds a panel for a target only a later scenario has (the council's allocation targets)", () => {
    const extra: SummaryTarget = { ...basis.targets[0], id: "vrije_toewijzing", label: "Vrije toewijzing" };
    const panels = chancePanels([basis, { ...vertraging, targets: [...vertraging.targets, extra] }]);
    expect(panels.at(-1)).toMatchObject({ target: "vrije_toewijzing", label: "Vrije toewijzing" });
  });

  it("puts a deadline beyond the simulated years in the last year, where the scorecard reads it", () => {
    const late = { ...basis.targets[0], deadlineYear: 2040 };
    const lastYear = late.byYear[late.byYear.length - 1].year;
    expect(chancePanels([{ scenario: "Basis", targets: [late] }])[0].deadlineYear).toBe(lastYear);
  });
});

describe("deadlinePoints", () => {
  it("gives each scenario's chance in the target's deadline year: the scorecard's chance", () => {
    const points = deadlinePoints([basis, vertraging]);
    expect(points).toHaveLength(2 * basis.targets.length);
    for (const p of points) {
      const t = [basis, vertraging]
        .find((s) => s.scenario === p.scenario)!
        .targets.find((x) => x.id === p.target)!;
      expect([p.year, p.probability], `${p.scenario} ${p.target}`).toEqual([t.deadlineYear, t.probability]);
    }
  });

  it("puts the labels of one target's points at least 0,16 apart, inside the panel", () => {
    const points = deadlinePoints([basis, vertraging, basis]);
    for (const target of new Set(points.map((p) => p.target))) {
      const ys = points
        .filter((p) => p.target === target)
        .map((p) => p.labelY)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(0.16 - 1e-9);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys)).toBeLessThanOrEqual(1);
    }
  });
});

describe("spreadLabels", () => {
  it("leaves labels that are far enough apart at their values", () => {
    expect(spreadLabels([0.8, 0.2, 0.5], 0.1)).toEqual([0.8, 0.2, 0.5]);
  });

  it("spaces equal values the gap apart, keeping their order", () => {
    expect(spreadLabels([0.5, 0.5, 0.5], 0.1)).toEqual([0.5, 0.6, 0.7].map((x) => expect.closeTo(x, 9)));
  });

  it("pushes labels back down from the top edge and up from the bottom edge", () => {
    expect(spreadLabels([1, 1], 0.2, 0.1, 0.9)).toEqual([expect.closeTo(0.7, 9), expect.closeTo(0.9, 9)]);
    expect(spreadLabels([0, 0], 0.2, 0.1, 0.9)).toEqual([expect.closeTo(0.1, 9), expect.closeTo(0.3, 9)]);
  });
});

describe("chanceTable", () => {
  it("has a scenario column only when there are several scenarios", () => {
    expect(chanceTable([basis])[0]).toEqual(["doel", "jaar van de overeenkomst", "jaar", "kans"]);
    expect(chanceTable([basis, vertraging])[0]).toEqual([
      "scenario",
      "doel",
      "jaar van de overeenkomst",
      "jaar",
      "kans",
    ]);
  });

  it("names each target by its label, with a row per year", () => {
    const table = chanceTable([basis]);
    const opgave = basis.targets.find((t) => t.id === "opgave")!;
    expect(table.filter((r) => r[0] === opgave.label)).toHaveLength(opgave.byYear.length);
  });
});
