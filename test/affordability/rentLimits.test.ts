import { describe, expect, it } from "vitest";
import { rentLimitsByYear } from "../../engine/affordability/rentLimits";

const v2025 = {
  kwaliteitskortingsgrens: 477.2,
  aftoppingsgrensLaag: 682.96,
  aftoppingsgrensHoog: 731.93,
  liberalisatiegrens: 900.07,
};

describe("rentLimitsByYear", () => {
  it("starts from the known year and indexes later years", () => {
    const limits = rentLimitsByYear({ year: 2025, values: v2025, indexation: 0.03, byYear: {} }, 2025, 3);
    expect(Array.from(limits.subarray(0, 4))).toEqual([477.2, 682.96, 731.93, 900.07]);
    expect(limits[4]).toBeCloseTo(477.2 * 1.03, 10);
    expect(limits[11]).toBeCloseTo(900.07 * 1.03 ** 2, 10);
  });

  it("uses published values where the scenario has them and indexes from there", () => {
    const v2026 = {
      kwaliteitskortingsgrens: 500,
      aftoppingsgrensLaag: 700,
      aftoppingsgrensHoog: 750,
      liberalisatiegrens: 930,
    };
    const limits = rentLimitsByYear(
      { year: 2025, values: v2025, indexation: 0.1, byYear: { "2026": v2026 } },
      2025,
      3,
    );
    expect(limits[4]).toBe(500);
    expect(limits[8]).toBeCloseTo(550, 10);
  });
});
