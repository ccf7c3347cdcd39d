import { describe, expect, it } from "vitest";
import { type IncomeLimits, incomeClass, rentCeilingBand } from "../../../engine/allocation/households";
import {
  BAND_AFTOPPING_HOOG,
  BAND_AFTOPPING_LAAG,
  INCOME_HIGH,
  INCOME_LOW,
  INCOME_MIDDLE,
} from "../../../engine/allocation/vocabulary";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

// Prijspeil 2024: passend toewijzen € 27.725 (one person), € 37.625 (more); AOW € 27.225; DAEB € 47.699 / € 52.671.
const limits: IncomeLimits = {
  passendOne: 27725,
  passendMore: 37625,
  passendOneAow: 27225,
  passendMoreAow: 37625,
  daebOne: 47699,
  daebMore: 52671,
  aowAge: 67,
};

describe("households", () => {
  it("incomeClass puts a household under, between or above the passend and DAEB limits by size and age", () => {
    expect(incomeClass(limits, 27725, 1, 40)).toBe(INCOME_LOW);
    expect(incomeClass(limits, 27726, 1, 40)).toBe(INCOME_MIDDLE);
    expect(incomeClass(limits, 27500, 1, 70)).toBe(INCOME_MIDDLE);
    expect(incomeClass(limits, 37000, 3, 35)).toBe(INCOME_LOW);
    expect(incomeClass(limits, 50000, 1, 35)).toBe(INCOME_HIGH);
    expect(incomeClass(limits, 50000, 2, 35)).toBe(INCOME_MIDDLE);
  });

  it("rentCeilingBand is the first aftoppingsgrens for one or two persons and the second for three or more", () => {
    expect([1, 2, 3, 6].map(rentCeilingBand)).toEqual([
      BAND_AFTOPPING_LAAG,
      BAND_AFTOPPING_LAAG,
      BAND_AFTOPPING_HOOG,
      BAND_AFTOPPING_HOOG,
    ]);
  });
});

describe("the starting social stock", () => {
  it("has one home per social unit of the stock and the agreement's streefhuur split within rounding", () => {
    const am = prepare(loadScenario("basis")).model.allocation!;
    expect(am.nInitialDwellings).toBe(1830);
    const perBand = [0, 0, 0, 0];
    for (const b of am.initBand) perBand[b]++;
    const expected = [0.025, 0.6, 0.25, 0.125].map((s) => s * 1830);
    perBand.forEach((n, b) => {
      expect(Math.abs(n - expected[b])).toBeLessThanOrEqual(1);
    });
  });
});
