import { describe, expect, it } from "vitest";
import { assumptionRows, basisCounts, unitFor, valueText } from "../../../web/pages/methode";
import { builtinScenario } from "../../../web/scenario/builtin";

describe("method", () => {
  it("unitFor reads the unit from a figure's place in the scenario", () => {
    expect(unitFor("pipeline.statuses.zacht.dropOut")).toBe("aandeel");
    expect(unitFor("pipeline.statuses.zacht.delayMonths.mode")).toBe("maanden");
    expect(unitFor("policy.sales.perYear")).toBe("per jaar");
    expect(unitFor("projects[3].units.sociale_huur")).toBe("woningen");
    expect(unitFor("municipality.inhabitants")).toBe("inwoners");
    expect(unitFor("opgave.realisedBeforeStart")).toBe("woningen");
    expect(unitFor("allocation.dwellings.energyLabelShares.C")).toBe("aandeel");
    expect(unitFor("allocation.households.senior.ageMin")).toBe("leeftijd");
    expect(unitFor("allocation.queue.initialYears")).toBe("jaren");
    expect(unitFor("allocation.dwellings.rooms.appartement.max")).toBe("kamers");
    expect(unitFor("allocation.arrivals.starter")).toBe("huishoudens per jaar");
    expect(unitFor("affordability.energy.monthlyByLabel.G")).toBe("euro per maand");
    expect(unitFor("targets.socialShareByKern[0].max")).toBe("aandeel");
  });

  it("writes shares, also shares per year, as percentages", () => {
    const row = assumptionRows(builtinScenario("basis")).find(
      (r) => r.path === "municipality.personsPerDwellingChange",
    )!;
    expect(row.unit).toBe("aandeel per jaar");
    expect(valueText(row)).toBe("-0,5%");
  });

  it("gives every figure of the baseline a unit", () => {
    const without = assumptionRows(builtinScenario("basis")).filter((r) => r.unit === "");
    expect(without.map((r) => r.path)).toEqual([]);
  });

  it("assumptionRows lists every figure but the simulation settings, with a Dutch basis", () => {
    const rows = assumptionRows(builtinScenario("basis"));
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.some((r) => r.path.startsWith("simulation"))).toBe(false);
    const inhabitants = rows.find((r) => r.path === "municipality.inhabitants")!;
    expect(inhabitants).toMatchObject({ basisLabel: "overeenkomst", section: "municipality" });
    const counts = basisCounts(rows);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(counts.schatting).toBeGreaterThan(0);
  });
});
