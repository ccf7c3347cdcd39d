import { describe, expect, it } from "vitest";
import {
  addHistograms,
  addSample,
  allocateHistograms,
  type DistributionDef,
  describeHistograms,
} from "../../../engine/kernel/distributions";

const huurquote: DistributionDef = {
  id: "huurquote",
  label: "Huurquote",
  unit: "aandeel",
  min: 0,
  max: 1,
  bins: 1000,
  resolution: 1e-6,
};

describe("histogram distributions", () => {
  it("give the mean to the resolution and the quantiles to within one bin of the sorted values", () => {
    const h = allocateHistograms([huurquote], 2);
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 10_000 + 0.1);
    for (const v of values) addSample(h, 0, 1, v);
    const stats = describeHistograms(h);
    const sorted = [...values].sort((a, b) => a - b);
    const exactMean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(stats[8]).toBeCloseTo(exactMean, 6);
    [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].forEach((p, i) => {
      const exact = sorted[Math.round(p * (sorted.length - 1))];
      expect(Math.abs(stats[8 + 1 + i] - exact)).toBeLessThanOrEqual(0.001);
    });
    // Year 0 had no samples: all zero.
    expect(Array.from(stats.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("clamp values outside the range into the first and last bin", () => {
    const h = allocateHistograms([huurquote], 1);
    addSample(h, 0, 0, -3);
    addSample(h, 0, 0, 7);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[999]).toBe(1);
  });

  it("add up across chunks to the histogram of all samples together", () => {
    const [a, b, all] = [0, 1, 2].map(() => allocateHistograms([huurquote], 1));
    for (let i = 0; i < 100; i++) {
      const v = (i % 37) / 40;
      addSample(i < 60 ? a : b, 0, 0, v);
      addSample(all, 0, 0, v);
    }
    addHistograms(b, a);
    expect(b.counts).toEqual(all.counts);
    expect(b.sums).toEqual(all.sums);
    expect(describeHistograms(b)).toEqual(describeHistograms(all));
  });
});
