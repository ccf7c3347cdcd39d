import { describe, expect, it } from "vitest";
import { streefhuur } from "../../../engine/affordability/streefhuur";

// Rent limits on 1 January 2025 for one year.
const limits = Float64Array.from([477.2, 682.96, 731.93, 900.07]);

describe("streefhuur", () => {
  it("lies between the band's limits, at the home's position", () => {
    expect(streefhuur(1, limits, 0, 0)).toBe(477.2);
    expect(streefhuur(1, limits, 0, 1)).toBe(682.96);
    expect(streefhuur(3, limits, 0, 0.5)).toBeCloseTo((731.93 + 900.07) / 2, 10);
  });

  it("starts the lowest band at 80% of the kwaliteitskortingsgrens", () => {
    expect(streefhuur(0, limits, 0, 0)).toBeCloseTo(381.76, 10);
  });
});
