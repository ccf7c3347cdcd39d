import { describe, expect, it } from "vitest";
import { levelByYear, realTableByYear, tableByYear } from "../../../engine/kernel/economy";
import { calendar } from "../../../engine/kernel/time";

const cal = calendar("2025-10", 2028);
const v2024 = { a: 100, b: 200 };
const v2025 = { a: 110, b: 220 };

describe("tableByYear", () => {
  it("takes each year's published values and carries the last ones forward by the index", () => {
    const t = tableByYear({ "2024": v2024, "2025": v2025 }, ["a", "b"], cal, () => 0.1);
    expect(Array.from(t.subarray(0, 2))).toEqual([110, 220]);
    expect(t[2]).toBeCloseTo(121, 10);
    expect(t[7]).toBeCloseTo(220 * 1.1 ** 3, 10);
  });

  it("gives a year before the first published one the first published values", () => {
    const t = tableByYear({ "2026": v2025 }, ["a", "b"], cal, () => 0.1);
    expect(Array.from(t.subarray(0, 4))).toEqual([110, 220, 110, 220]);
  });
});

describe("realTableByYear", () => {
  it("deflates published values by the index and keeps unpublished years at the last real value exactly", () => {
    const level = (year: number) => 1.04 ** (year - 2025);
    const t = realTableByYear({ "2025": v2025, "2026": { a: 114.4, b: 228.8 } }, ["a", "b"], cal, level);
    expect(t[0]).toBe(110);
    expect(t[2]).toBeCloseTo(110, 10);
    expect(t[4]).toBe(t[2]);
    expect(t[6]).toBe(t[2]);
  });
});

describe("levelByYear", () => {
  it("is 1 in the base year and the product of each later year's growth", () => {
    const l = levelByYear(cal, 2024, (y) => (y === 2025 ? 0.04 : 0.02));
    expect(l[0]).toBeCloseTo(1.04, 12);
    expect(l[3]).toBeCloseTo(1.04 * 1.02 ** 3, 12);
  });
});
