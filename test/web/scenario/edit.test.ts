import { describe, expect, it } from "vitest";
import {
  figureAt,
  moveProject,
  shiftMonth,
  withFigure,
  withNewProject,
  withoutProject,
  withTriangle,
  withUnits,
} from "../../../web/scenario/edit";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();
const zacht = ["pipeline", "statuses", "zacht", "delayMonths"] as const;

describe("withFigure", () => {
  it("writes into a sourced figure's value and keeps its source", () => {
    const path = ["pipeline", "statuses", "zacht", "dropOut"];
    const next = withFigure(scenario, path, 0.4);
    expect(next.pipeline.statuses.zacht.dropOut).toMatchObject({ value: 0.4, basis: "estimate" });
    expect(figureAt(scenario, path)).toBe(0.2);
  });

  it("writes a bare number where the figure is bare, leaving the input untouched", () => {
    const next = withFigure(scenario, [...zacht, "mode"], 15);
    expect(next.pipeline.statuses.zacht.delayMonths.mode).toBe(15);
    expect(scenario.pipeline.statuses.zacht.delayMonths.mode).toBe(12);
  });
});

describe("withTriangle", () => {
  it("lengthens the longest delay when the usual delay is dragged past it", () => {
    const next = withTriangle(scenario, zacht, "mode", 40);
    const { basis, source } = scenario.pipeline.statuses.zacht.delayMonths;
    // The distribution keeps where it came from.
    expect(next.pipeline.statuses.zacht.delayMonths).toEqual({ min: 0, mode: 40, max: 40, basis, source });
  });

  it("shortens the usual delay when the longest is set below it", () => {
    const next = withTriangle(scenario, zacht, "max", 6);
    const { basis, source } = scenario.pipeline.statuses.zacht.delayMonths;
    expect(next.pipeline.statuses.zacht.delayMonths).toEqual({ min: 0, mode: 6, max: 6, basis, source });
  });
});

describe("project edits", () => {
  it("shiftMonth crosses year ends both ways", () => {
    expect(shiftMonth("2027-11", 3)).toBe("2028-02");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2027-06", 24)).toBe("2029-06");
  });

  it("moveProject moves one project's planned completion", () => {
    const next = moveProject(scenario, "P01", 24);
    expect(next.projects[0].plannedCompletion).toBe("2028-03");
    expect(next.projects[1]).toEqual(scenario.projects[1]);
  });

  it("withUnits, withNewProject and withoutProject change the table", () => {
    expect(figureAt(withUnits(scenario, "P01", "duur", 7), ["projects", 0, "units", "duur"])).toBe(7);
    const added = withNewProject(scenario);
    expect(added.projects).toHaveLength(scenario.projects.length + 1);
    expect(added.projects.at(-1)?.id).toBe("N01");
    expect(withoutProject(added, "N01").projects).toEqual(scenario.projects);
  });

  it("refuses to edit a project that does not exist", () => {
    expect(() => moveProject(scenario, "nope", 1)).toThrow(/bestaat niet/);
  });
});
