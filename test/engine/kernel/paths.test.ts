import { describe, expect, it } from "vitest";
import { getAtPath, parsePath, setAtPath } from "../../../engine/kernel/paths";

describe("parsePath", () => {
  it("reads fields, list positions and list elements by id", () => {
    expect(parsePath("pipeline.shocks[id=stikstof].delayMonths.max")).toEqual([
      "pipeline",
      "shocks",
      { id: "stikstof" },
      "delayMonths",
      "max",
    ]);
    expect(parsePath("projects[3].units.duur")).toEqual(["projects", 3, "units", "duur"]);
  });

  it("refuses text that is not a path, and keys that reach an object's prototype", () => {
    for (const bad of ["", ".a", "a.", "a..b", "[0]", "a[x]", "a.__proto__.b", "constructor"])
      expect(parsePath(bad), bad).toBeUndefined();
  });
});

describe("setAtPath", () => {
  it("sets a number inside a sourced figure and keeps the figure's source", () => {
    const s = { a: { b: { value: 1, source: "H1" } } };
    expect(setAtPath(s, ["a", "b"], 2)).toBe(true);
    expect(s.a.b).toEqual({ value: 2, source: "H1" });
  });

  it("replaces a whole figure when the new value brings its own source", () => {
    const s = { a: { value: 1, source: "H1" } };
    setAtPath(s, ["a"], { value: 3, source: "variant" });
    expect(s.a).toEqual({ value: 3, source: "variant" });
  });

  it("finds a list element by id wherever it stands", () => {
    const s = {
      shocks: [
        { id: "x", p: 1 },
        { id: "y", p: 2 },
      ],
    };
    setAtPath(s, parsePath("shocks[id=y].p")!, 5);
    expect(getAtPath(s, parsePath("shocks[id=y].p")!)).toBe(5);
    expect(s.shocks[0].p).toBe(1);
  });

  it("creates nothing on the way: a path through a missing field is refused", () => {
    const s = { a: {} };
    expect(setAtPath(s, ["a", "b", "c"], 1)).toBe(false);
    expect(setAtPath(s, ["list", { id: "z" }], 1)).toBe(false);
    expect(s).toEqual({ a: {} });
  });
});
