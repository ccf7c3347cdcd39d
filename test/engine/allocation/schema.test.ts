import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../engine/parse";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

const basis = () => structuredClone(loadScenario("basis"));

describe("the allocation block of a scenario", () => {
  it("is optional: without it (and the affordability block on it) no allocation metrics or targets are made", () => {
    const { allocation: _, affordability: __, ...rest } = basis();
    const parsed = parseScenario(rest);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const prepared = prepare(parsed.value);
    expect(prepared.layout.defs.some((d) => d.id.startsWith("allocations."))).toBe(false);
    expect(prepared.targets.some((t) => t.id === "vrije_toewijzing")).toBe(false);
  });

  it("is needed by the affordability block, which says so in Dutch", () => {
    const { allocation: _, ...rest } = basis();
    const parsed = parseScenario(rest);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(["affordability"]);
    if (!parsed.ok) expect(parsed.problems[0].message).toMatch(/blok allocation, dat ontbreekt/);
  });

  it("refuses a free-allocation share above its cap, in Dutch, naming the field", () => {
    const s = basis();
    s.allocation!.freeAllocation.share = 0.2;
    const parsed = parseScenario(s);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({
      path: "allocation.freeAllocation.share",
      message: "vrije toewijzing 0.2 ligt boven het plafond 0.15",
    });
  });

  it("refuses shares that do not add up to 1 and a step named twice", () => {
    const s = basis();
    s.allocation!.dwellings.typeShares.appartement = 0.5;
    s.allocation!.order = ["urgent", "regulier", "urgent"];
    const parsed = parseScenario(s);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["allocation.dwellings.typeShares", "allocation.order[2]"]),
    );
  });
});
