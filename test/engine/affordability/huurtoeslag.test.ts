import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basishuur, huurtoeslag } from "../../../engine/affordability/huurtoeslag";
import { LIMITS_2025, HUURTOESLAG as P } from "./figures";

const { kkg: KKG, aftLaag: AFT_LAAG, aftHoog: AFT_HOOG, lib: LIB } = LIMITS_2025;

describe("huurtoeslag of named households, computed by hand", () => {
  it("Anna, alone, €18.000 a year, rent €650: €364,52 a month, huurquote 19,03%", () => {
    // Income under the floor: basishuur is the minimum, €225.
    // Up to the kwaliteitskortingsgrens all of it: 477,20 − 225 = 252,20.
    // Then 65% of 650 − 477,20 = 172,80, which is 112,32. Total 364,52.
    // Net rent 650 − 364,52 = 285,48 of a monthly income of 1.500: 19,032%.
    const t = huurtoeslag(P, 650, 18_000, KKG, AFT_LAAG, LIB);
    expect(t).toBeCloseTo(364.52, 10);
    expect((650 - t) / (18_000 / 12)).toBeCloseTo(0.19032, 10);
  });

  it("the Bakkers, four persons, €36.000 a year, rent €720: €61,75 a month, huurquote 21,94%", () => {
    // Basishuur 225 + 0,3 × (36.000 − 20.000) / 12 = 225 + 400 = 625: above the kwaliteitskortingsgrens,
    // so only 65% of 720 − 625 = 95 is paid (the second aftoppingsgrens, 731,93, lies above the rent): 61,75.
    // Net 658,25 of 3.000: 21,942%.
    const t = huurtoeslag(P, 720, 36_000, KKG, AFT_HOOG, LIB);
    expect(t).toBeCloseTo(61.75, 10);
    expect((720 - t) / 3000).toBeCloseTo(0.2194167, 6);
  });

  it("the Jansens, a senior couple, €26.000 a year, rent €880: €314,76 a month", () => {
    // Basishuur 225 + 0,3 × 6.000 / 12 = 375.
    // 100% of 477,20 − 375 = 102,20; 65% of 682,96 − 477,20 = 205,76 → 133,744;
    // 40% of 880 − 682,96 = 197,04 → 78,816. Total 314,76.
    expect(huurtoeslag(P, 880, 26_000, KKG, AFT_LAAG, LIB)).toBeCloseTo(314.76, 10);
  });

  it("pays nothing for a rent above the liberalisatiegrens", () => {
    expect(huurtoeslag(P, 950, 12_000, KKG, AFT_LAAG, LIB)).toBe(0);
  });

  it("raises the basishuur with income above the floor only", () => {
    expect(basishuur(P, 10_000)).toBe(225);
    expect(basishuur(P, 32_000)).toBe(525);
  });
});

describe("huurtoeslag properties", () => {
  const rent = fc.double({ min: 0, max: 1000, noNaN: true });
  const income = fc.double({ min: 0, max: 80_000, noNaN: true });

  it("a household with more income never gets more, all else equal", () => {
    fc.assert(
      fc.property(rent, income, income, (r, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(huurtoeslag(P, r, high, KKG, AFT_LAAG, LIB)).toBeLessThanOrEqual(
          huurtoeslag(P, r, low, KKG, AFT_LAAG, LIB),
        );
      }),
    );
  });

  it("is never negative and never more than the rent", () => {
    fc.assert(
      fc.property(rent, income, (r, y) => {
        const t = huurtoeslag(P, r, y, KKG, AFT_LAAG, LIB);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(r);
      }),
    );
  });
});
