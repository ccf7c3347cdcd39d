import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../../engine/analysis/jsonSchema";

describe("scenarioJsonSchema", () => {
  it("is what data/scenario.schema.json holds (run `npm run schema` after changing the zod schema)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../../data/scenario.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it("describes the scenario's top-level fields and the project statuses", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["kernen", "stock", "projects", "pipeline", "targets"]),
    );
    expect(JSON.stringify(schema)).toContain('"zacht"');
  });
});
