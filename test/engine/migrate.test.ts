import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrateScenario } from "../../engine/migrate";
import { parseScenario } from "../../engine/parse";
import type { Scenario } from "../../engine/scenario";
import { readScenarioJson } from "../helpers/scenarios";

const v1 = JSON.parse(readFileSync(new URL("../fixtures/basis-v1.json", import.meta.url), "utf8"));
/** The Losser baseline as engine 0.6 saved it (schema version 2): one corporation, "domijn", unlisted. */
const v2 = JSON.parse(readFileSync(new URL("../fixtures/basis-v2.json", import.meta.url), "utf8"));

describe("migrateScenario", () => {
  it("reads a scenario saved by woonscenario 0.4 (schema version 1) in today's format", () => {
    const parsed = parseScenario(v1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.schemaVersion).toBe(3);
    expect(parsed.value.name).toBe("Basis Losser");
  });

  it("moves the price year, income growth and inflation into economy, with their values", () => {
    const out = migrateScenario(v1) as Scenario & { affordability: Record<string, unknown> };
    expect(out.economy?.priceYear).toBe(2024);
    expect(out.economy?.wageGrowth.byYear).toEqual({ "2025": 0.04 });
    expect(out.economy?.wageGrowth.default).toEqual(v1.affordability.incomes.growthDefault);
    expect(out.affordability.incomes).toBeUndefined();
    expect(out.affordability.priceYear).toBeUndefined();
  });

  it("turns the limits into tables by year, starting at the price year, and keeps later published ones", () => {
    const out = migrateScenario(v1) as Scenario;
    const limits = out.allocation!.limits;
    expect(limits.passendIncome.byYear["2024"].onePerson).toBe(27725);
    expect(Object.keys(limits.rent.byYear)).toEqual(["2024", "2025"]);
    expect(limits.rent.byYear["2025"].liberalisatiegrens).toBe(900.07);
    expect(limits.rent.indexation).toEqual(v1.affordability.rentLimits.indexation);
  });

  it("lists version 2's one corporation, Domijn, and makes its social additions a target per corporation", () => {
    expect(v2.corporations).toBeUndefined();
    const out = migrateScenario(v2) as Scenario;
    expect(out.schemaVersion).toBe(3);
    expect(out.corporations).toEqual([{ id: "domijn", name: "Domijn" }]);
    expect(Object.keys(out).indexOf("corporations")).toBe(Object.keys(out).indexOf("kernen") - 1);
    expect("domijnSocialAdditions" in out.targets).toBe(false);
    expect(out.targets.socialAdditions).toEqual(
      v2.targets.domijnSocialAdditions.map((w: object) => ({ corporation: "domijn", ...w })),
    );
    const cited = out.agreement!.commitments.flatMap((c) => c.modelledAs);
    expect(cited).toContain("target:socialAdditions_2030_2035@domijn");
    expect(cited).toContain("metric:completions.sociaal@domijn");
    expect(cited.some((m) => /domijnSocialAdditions|domijn_sociaal|sociale_huur\.domijn/.test(m))).toBe(
      false,
    );
    // The shipped baseline is this migration of its version 2 file, plus the source of the corporation
    // and the tenants' organisation (an optional field of version 3's era, added to the baseline).
    const parsed = parseScenario(v2);
    const shipped = parseScenario(readScenarioJson("basis.json"));
    if (!parsed.ok || !shipped.ok) throw new Error("invalid");
    const { basis, source, ...domijn } = shipped.value.corporations[0];
    expect(basis).toBe("agreement");
    const { tenantsOrganisation, ...rest } = shipped.value;
    expect(tenantsOrganisation).toEqual({ name: "SHBL" });
    expect({ ...rest, corporations: [domijn] }).toEqual(parsed.value);
  });

  it("keeps the name a version 2 file gave its corporation", () => {
    const named = { ...v2, corporations: [{ id: "domijn", name: "Woonstichting Elders" }] };
    expect((migrateScenario(named) as Scenario).corporations).toEqual([
      { id: "domijn", name: "Woonstichting Elders" },
    ]);
  });

  it("leaves the saved file itself alone", () => {
    const copy = structuredClone(v1);
    migrateScenario(copy);
    expect(copy).toEqual(v1);
  });

  it("refuses a scenario from a newer version, saying so in Dutch", () => {
    const parsed = parseScenario({ ...v1, schemaVersion: 9 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { path: "schemaVersion", message: expect.stringMatching(/nieuwere versie van woonscenario/) },
    ]);
  });
});
