import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../engine/parse";
import { assumptionRows } from "../../../web/pages/methode";
import { scenarioChanges } from "../../../web/scenario/changes";
import { withProjectField } from "../../../web/scenario/edit";
import { figureName } from "../../../web/scenario/figure-names";
import { levers } from "../../../web/scenario/levers";
import { readScenarioJson } from "../../helpers/scenarios";

/**
 * Owners as data in the web's words (issue 11): a municipality with two corporations sees them by name
 * wherever a change, a figure or an owner is named, and never the baseline's corporation.
 */
const parsed = parseScenario(readScenarioJson("../../test/fixtures/voorbeeldgemeente.json"));
if (!parsed.ok) throw new Error("invalid fixture");
const twee = parsed.value;

describe("a scenario with two corporations, in the web's words", () => {
  it("names a project's new owner by the corporation's name", () => {
    const project = twee.projects.find((p) => p.owner === "voorbeeld")!;
    const changes = scenarioChanges(twee, withProjectField(twee, project.id, "owner", "thuis"));
    expect(changes).toEqual([
      {
        label: `Project ${project.id} ${project.name}: eigenaar`,
        from: "Woonstichting Voorbeeld",
        to: "Stichting Thuis in de Kernen",
      },
    ]);
  });

  it("names the first corporation's sales and purchases, and each corporation's target, after it", () => {
    const changes = scenarioChanges(twee, levers.salesPerYear(twee, 9));
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Verkoop door Woonstichting Voorbeeld per jaar", to: "9 woningen" }),
    );
    expect(figureName("policy.acquisitions.perYear", twee)?.name).toBe(
      "Aankoop van woningen door Woonstichting Voorbeeld",
    );
    const last = twee.targets.socialAdditions.length - 1;
    expect(figureName(`targets.socialAdditions[${last}].homes`, twee)?.name).toBe(
      "Sociale huur die Stichting Thuis in de Kernen toevoegt 2026–2031: woningen",
    );
    const thuisStock = twee.stock.findIndex((s) => s.owner === "thuis");
    expect(figureName(`stock[${thuisStock}].dwellings`, twee)?.name).toMatch(
      /: sociale huur \(Stichting Thuis in de Kernen\)$/,
    );
    expect(figureName("allocation.freeAllocation.share", twee)?.name).toBe(
      "Vrije toewijzing die de corporaties werkelijk gebruiken",
    );
  });

  it("names every figure of the fixture in Dutch, the second corporation's sales and purchases too", () => {
    const rows = assumptionRows(twee);
    expect(rows.filter((r) => !r.named).map((r) => r.path)).toEqual([]);
    const names = Object.fromEntries(rows.map((r) => [r.path, r.name]));
    expect(names["corporations[1].sales.perYear"]).toBe(
      "Verkoop van sociale huurwoningen door Stichting Thuis in de Kernen",
    );
    expect(names["corporations[1].acquisitions.perYear"]).toBe(
      "Aankoop van woningen door Stichting Thuis in de Kernen",
    );
    expect(figureName("corporations[1].sales.byYear.2028", twee)?.name).toBe(
      "Verkoop door Stichting Thuis in de Kernen in 2028",
    );
  });
});
