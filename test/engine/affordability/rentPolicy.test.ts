import { describe, expect, it } from "vitest";
import { type RentPolicyInput, rentIncrease } from "../../../engine/affordability/rentPolicy";

const base: RentPolicyInput = {
  mode: "maximum",
  maximum: { "2024": 0.058, "2025": 0.05 },
  maximumDefault: 0.04,
  wageGrowth: (year) => (year === 2025 ? 0.045 : 0.03),
  inflation: (year) => (year === 2026 ? 0.025 : 0.02),
  spread: 0,
  margin: 0.005,
  path: { "2026": 0.1 },
  freezeYears: [],
};

describe("rentIncrease", () => {
  it("follows the national maximum, with the default for years not listed", () => {
    expect(rentIncrease(base, 2025)).toBe(0.05);
    expect(rentIncrease(base, 2030)).toBe(0.04);
  });

  it("follows wage growth in mode loon, the published maximum where there is one, and the spread on top", () => {
    const loon = { ...base, mode: "loon" as const, maximumDefault: undefined };
    expect(rentIncrease(loon, 2025)).toBe(0.05);
    expect(rentIncrease(loon, 2027)).toBe(0.03);
    expect(rentIncrease({ ...loon, spread: -0.01 }, 2025)).toBeCloseTo(0.04, 12);
    // Above wages only after the published years, up to a maximum when one is given.
    expect(rentIncrease({ ...loon, spread: 0.01 }, 2025)).toBe(0.05);
    expect(rentIncrease({ ...loon, spread: 0.01 }, 2027)).toBeCloseTo(0.04, 12);
    expect(rentIncrease({ ...loon, spread: 0.03, maximumDefault: 0.05 }, 2027)).toBe(0.05);
  });

  it("takes wage growth as the maximum in years without a published one, when the scenario gives none", () => {
    expect(rentIncrease({ ...base, maximumDefault: undefined }, 2027)).toBe(0.03);
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
