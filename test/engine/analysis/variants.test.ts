import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyVariant, variantSchema } from "../../../engine/analysis/variant";
import { readScenarioJson } from "../../helpers/scenarios";

const VARIANTS = new URL("../../../data/variants/", import.meta.url);

describe("variants of the baseline", () => {
  it.each(readdirSync(VARIANTS).filter((f) => f.endsWith(".json")))(
    "data/scenarios/%s is the baseline with its variant's changes (run `npm run schema` after editing either)",
    (file) => {
      const variant = variantSchema.parse(JSON.parse(readFileSync(new URL(file, VARIANTS), "utf8")));
      expect(readScenarioJson(file)).toEqual(applyVariant(readScenarioJson("basis.json"), variant));
    },
  );

  it("refuses a variant that names a figure the baseline does not have", () => {
    expect(() =>
      applyVariant(readScenarioJson("basis.json"), {
        name: "x",
        description: "x",
        set: { "pipeline.shocks[id=onbekend].chancePerYear": 0.5 },
      }),
    ).toThrow(/pipeline.shocks\[id=onbekend\]/);
  });
});
