import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plausibilityWarnings } from "../../../engine/analysis/plausibility";
import { cli, tmp } from "../../helpers/cli";
import { loadScenario, parsed, readScenarioJson } from "../../helpers/scenarios";

// biome-ignore lint/suspicious/noExplicitAny: a scenario file as plain JSON, edited field by field
type Json = Record<string, any>;
const basisJson = () => structuredClone(readScenarioJson("basis")) as Json;

describe("the 'onwaarschijnlijk' tier below the hard limits", () => {
  it("says nothing about the shipped scenarios", () => {
    for (const name of ["basis", "vertraging", "versnelling", "plancapaciteit-130"]) {
      expect(plausibilityWarnings(loadScenario(name)), name).toEqual([]);
    }
  });

  it("warns, in Dutch and with the field, about a project larger than a quarter of its kern", () => {
    const s = basisJson();
    s.projects[0].units.sociale_huur = 5000;
    const warnings = plausibilityWarnings(parsed(s));
    expect(warnings.map((w) => w.path)).toContain("projects[0].units");
    expect(warnings.find((w) => w.path === "projects[0].units")?.message).toMatch(
      /^onwaarschijnlijk: project P01 heeft 5\.000 woningen/,
    );
    // 5,000 extra homes are also more than half of the municipality's 10,150.
    expect(warnings.map((w) => w.path)).toContain("projects");
  });

  it("warns about inhabitants per dwelling outside 1 to 4, and a delay mode above 60 months", () => {
    const s = basisJson();
    s.municipality.inhabitants.value = 235000;
    s.pipeline.statuses.hard.delayMonths = { min: 0, mode: 72, max: 120 };
    s.simulation.endYear = 2070;
    const paths = plausibilityWarnings(parsed(s)).map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "municipality.inhabitants",
        "pipeline.statuses.hard.delayMonths.mode",
        "simulation.endYear",
      ]),
    );
  });

  it("is printed by `validate` as a warning, and the exit code stays 0", async () => {
    const s = basisJson();
    s.pipeline.statuses.zacht.delayMonths.mode = 90;
    s.pipeline.statuses.zacht.delayMonths.max = 120;
    const file = join(tmp(), "onwaarschijnlijk.json");
    writeFileSync(file, JSON.stringify(s));
    const r = await cli("validate", file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/waarschuwing: pipeline\.statuses\.zacht\.delayMonths\.mode: onwaarschijnlijk/);
  });
});
