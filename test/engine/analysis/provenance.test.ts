import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figureSources } from "../../../engine/analysis/provenance";
import { readScenarioJson, SCENARIO_DIR } from "../../helpers/scenarios";

describe("figureSources", () => {
  it("lists a sourced figure with its own source, and a bare figure inside a sourced record with the record's", () => {
    const list = figureSources({
      opgave: { homes: { value: 1225, basis: "agreement", source: "H1" }, deadlineYear: 2034 },
      stock: [{ kern: "Losser", dwellings: 5300, basis: "estimate", source: "schatting" }],
    });
    expect(list).toEqual([
      { path: "opgave.homes", value: 1225, basis: "agreement", source: "H1" },
      { path: "opgave.deadlineYear", value: 2034 },
      { path: "stock[0].dwellings", value: 5300, basis: "estimate", source: "schatting" },
    ]);
  });

  it("finds the agreement's headline figures in the baseline, each marked as from the agreement", () => {
    const list = figureSources(readScenarioJson("basis.json"));
    const byPath = Object.fromEntries(list.map((f) => [f.path, f]));
    expect(byPath["opgave.homes"]).toMatchObject({ value: 1225, basis: "agreement" });
    expect(byPath["opgave.realisedBeforeStart"]).toMatchObject({ value: 302, basis: "agreement" });
    expect(byPath["targets.socialShareNewBuild"]).toMatchObject({ value: 0.3, basis: "agreement" });
    // The 130% rule of thumb is research, not an official figure: the drop-out it gives is an estimate.
    expect(byPath["pipeline.statuses.zacht.dropOut"]).toMatchObject({ basis: "estimate" });
    expect(byPath["allocation.limits.aowAge"]).toMatchObject({ basis: "official" });
    expect(list.filter((f) => f.path.startsWith("stock[")).every((f) => f.basis === "estimate")).toBe(true);
  });
});

describe("traceability of the shipped scenarios", () => {
  it("gives every figure of every shipped scenario a basis: agreement, official statistic or estimate", () => {
    for (const file of readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".json"))) {
      const unsourced = figureSources(readScenarioJson(file))
        .filter((f) => !f.path.startsWith("simulation") && f.basis === undefined)
        .map((f) => f.path);
      expect(unsourced, file).toEqual([]);
    }
  });
});
