import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignBands, bandCounts } from "../../engine/affordability/streefhuur";

const AGREEMENT = [0.025, 0.6, 0.25, 0.125];

describe("the streefhuur split", () => {
  it("gives 1.830 homes the agreement's shares within rounding: 2,5% / 60% / 25% / 12,5%", () => {
    const bands = new Uint8Array(1830);
    assignBands(AGREEMENT, bands);
    const counts = [0, 0, 0, 0];
    for (const b of bands) counts[b]++;
    expect(counts).toEqual([46, 1098, 457, 229]);
    counts.forEach((c, b) => {
      expect(Math.abs(c - 1830 * AGREEMENT[b])).toBeLessThan(1);
    });
  });

  it("interleaves the bands: every stretch from the start holds each band's share to within one home", () => {
    const n = 400;
    const bands = new Uint8Array(n);
    assignBands(AGREEMENT, bands);
    const counts = bandCounts(n, AGREEMENT);
    const given = [0, 0, 0, 0];
    bands.forEach((b, i) => {
      given[b]++;
      for (let k = 0; k < 4; k++) expect(Math.abs(given[k] - (counts[k] * (i + 1)) / n)).toBeLessThan(1);
    });
  });

  it("counts whole homes that add up to n and miss each share by less than one (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        const counts = bandCounts(n, AGREEMENT);
        expect(counts.reduce((s, x) => s + x, 0)).toBe(n);
        counts.forEach((c, b) => {
          expect(Math.abs(c - n * AGREEMENT[b])).toBeLessThan(1);
        });
      }),
    );
  });
});
