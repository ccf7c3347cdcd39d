import { describe, expect, it } from "vitest";
import { parseScenario } from "../../engine/parse";
import { readScenarioJson } from "../helpers/scenarios";

/**
 * Valid-looking magnitudes that once passed `validate` and then broke the engine (a billion homes, a
 * delay of a trillion months, a simulation from 1900) and a key that reached the prototype: each is
 * refused before anything runs, in Dutch, naming the field.
 */

type Raw = Record<string, any>;

function problemsWith(change: (raw: Raw) => void): { path: string; message: string }[] {
  const raw = readScenarioJson("basis") as Raw;
  change(raw);
  const parsed = parseScenario(raw);
  return parsed.ok ? [] : parsed.problems;
}

describe("limits on a scenario", () => {
  it("refuses a billion homes in a row of the stock, naming the row", () => {
    const problems = problemsWith((s) => {
      s.stock[0].dwellings = 1e9;
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: "stock[0].dwellings",
        message: expect.stringMatching(/woningen in één regel/),
      }),
    ]);
  });

  it("refuses a project of a billion homes", () => {
    const problems = problemsWith((s) => {
      s.projects[0].units.sociale_huur = 1e9;
    });
    expect(problems.map((p) => p.path)).toEqual(["projects[0].units.sociale_huur"]);
    expect(problems[0].message).toMatch(/in één project/);
  });

  it("refuses a delay of a trillion months", () => {
    const problems = problemsWith((s) => {
      s.pipeline.statuses.hard.delayMonths.max = 1e12;
    });
    expect(problems.map((p) => p.path)).toEqual(["pipeline.statuses.hard.delayMonths.max"]);
    expect(problems[0].message).toMatch(/maanden/);
  });

  it("refuses a simulation of more than fifty years (from 1900 to 2035)", () => {
    const problems = problemsWith((s) => {
      s.simulation.start = "1900-01";
    });
    expect(problems.map((p) => p.path)).toContain("simulation.endYear");
    expect(problems.find((p) => p.path === "simulation.endYear")?.message).toMatch(/langer dan 50 jaar/);
  });

  it("refuses a __proto__ key in a by-year table instead of dropping it", () => {
    const problems = problemsWith((s) => {
      s.policy.sales.byYear = JSON.parse('{"__proto__": 5, "2027": 3}');
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: "policy.sales.byYear.__proto__",
        message: 'de sleutel "__proto__" is niet toegestaan',
      }),
    ]);
  });

  it("leaves the baseline and every limit's edge valid", () => {
    expect(problemsWith(() => {})).toEqual([]);
    expect(
      problemsWith((s) => {
        s.stock[0].dwellings = 1_000_000;
        s.pipeline.statuses.hard.delayMonths.max = 600;
      }),
    ).toEqual([]);
  });
});
