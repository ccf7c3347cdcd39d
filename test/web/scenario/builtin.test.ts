import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_IDS, builtinLabel, builtinScenario } from "../../../web/scenario/builtin";
import { loadScenario, SCENARIO_DIR } from "../../helpers/scenarios";

describe("meegeleverde scenario's in de notebooks", () => {
  it("bevatten elk scenario uit data/scenarios, zodat een nieuwe variant niet vergeten wordt", () => {
    const files = readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""));
    expect([...BUILTIN_IDS].sort()).toEqual(files.sort());
    expect(BUILTIN_IDS[0]).toBe("basis");
  });

  it("zijn elk precies het volledige bestand in data/scenarios, dat de opdrachtregel leest (zelfde cijfers en hash)", () => {
    for (const id of BUILTIN_IDS) expect(builtinScenario(id), id).toEqual(loadScenario(id));
  });

  it("dragen elk een eigen naam", () => {
    const labels = BUILTIN_IDS.map(builtinLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(builtinLabel("huurbevriezing")).toBe("Huurbevriezing 2026 (hypothetisch)");
  });

  it("geven bij elke aanroep een eigen kopie, zodat een bewerking het origineel niet raakt", () => {
    const a = builtinScenario("basis");
    a.name = "bewerkt";
    expect(builtinScenario("basis").name).toBe("Basis Losser");
  });

  it("weigeren een onbekende naam", () => {
    expect(() => builtinScenario("bestaat-niet")).toThrow(/bestaat-niet/);
  });
});
