import { describe, expect, it } from "vitest";
import { type RentPolicyInput, rentIncrease } from "../../engine/affordability/rentPolicy";

const base: RentPolicyInput = {
  mode: "maximum",
  maximum: { "2024": 0.058, "2025": 0.05 },
  maximumDefault: 0.04,
  inflation: { "2026": 0.025 },
  inflationDefault: 0.02,
  margin: 0.005,
  path: { "2026": 0.1 },
  freezeYears: [],
};

describe("rentIncrease", () => {
  it("follows the national maximum, with the default for years not listed", () => {
    expect(rentIncrease(base, 2025)).toBe(0.05);
    expect(rentIncrease(base, 2030)).toBe(0.04);
  });

  it("follows inflation plus the margin, never above the maximum", () => {
    expect(rentIncrease({ ...base, mode: "inflatie" }, 2026)).toBeCloseTo(0.03, 12);
    expect(rentIncrease({ ...base, mode: "inflatie", margin: 0.05 }, 2026)).toBe(0.04);
  });

  it("follows its own path, capped by the maximum", () => {
    expect(rentIncrease({ ...base, mode: "pad" }, 2026)).toBe(0.04);
    expect(rentIncrease({ ...base, mode: "pad" }, 2027)).toBe(0);
  });

  it("raises nothing in a freeze year, whatever the mode", () => {
    for (const mode of ["maximum", "inflatie", "pad"] as const) {
      expect(rentIncrease({ ...base, mode, freezeYears: [2026] }, 2026)).toBe(0);
    }
  });
});
