import { describe, expect, it } from "vitest";
import { NO_VALUE } from "../../../engine/kernel/metric";
import { describeSample, quantileSorted, STATISTICS, select } from "../../../engine/kernel/quantiles";

describe("quantiles", () => {
  it("quantileSorted interpolates linearly between order statistics (R-7)", () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5]);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted(xs, 1)).toBe(5);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBe(0);
  });

  it("describeSample writes the mean and P5…P95 in the order of STATISTICS, leaving the input unsorted", () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    const out = new Float64Array(STATISTICS.length);
    describeSample(values, new Float64Array(101), out, 0);
    expect(Array.from(out)).toEqual([50, 5, 10, 25, 50, 75, 90, 95]);
    expect(values[0]).toBe(100);
  });
});

describe("describeSample of a sparse metric", () => {
  it("leaves out the runs without a value (NO_VALUE) and says how many it used", () => {
    // Five runs, two without a value: the statistics are those of 1, 2, 3 alone.
    const values = Float64Array.from([3, NO_VALUE, 1, NO_VALUE, 2]);
    const out = new Float64Array(STATISTICS.length);
    expect(describeSample(values, new Float64Array(5), out, 0, true)).toBe(3);
    expect(out[0]).toBe(2);
    expect(out[STATISTICS.indexOf("p50")]).toBe(2);
    expect(out[STATISTICS.indexOf("p5")]).toBeCloseTo(1.1, 12);
  });

  it("gives all zeros and a count of 0 when no run has a value", () => {
    const out = new Float64Array(STATISTICS.length).fill(9);
    expect(describeSample(Float64Array.from([NO_VALUE, NO_VALUE]), new Float64Array(2), out, 0, true)).toBe(
      0,
    );
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts a dense metric's negative values (a difference) as values", () => {
    const out = new Float64Array(STATISTICS.length);
    expect(describeSample(Float64Array.from([-1, -3]), new Float64Array(2), out, 0)).toBe(2);
    expect(out[0]).toBe(-2);
  });
});

describe("describeSample against a full sort", () => {
  it("gives exactly the quantiles of the sorted sample, for any sample (property)", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs);
        const out = new Float64Array(STATISTICS.length);
        describeSample(values, new Float64Array(xs.length), out, 0);
        const sorted = Float64Array.from(xs).sort();
        [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].forEach((p, i) => {
          expect(out[1 + i]).toBe(quantileSorted(sorted, p));
        });
      }),
    );
  });
});

describe("select", () => {
  it("puts the k-th smallest at k in large samples with many ties, as a sort would", () => {
    const xs = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 97);
    const sorted = Float64Array.from(xs).sort();
    for (const k of [0, 1, 250, 2500, 4999]) {
      const a = Float64Array.from(xs);
      select(a, k, 0, a.length - 1);
      expect(a[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) if (a[i] > a[k]) throw new Error(`a[${i}] > a[${k}]`);
      for (let i = k + 1; i < a.length; i++) if (a[i] < a[k]) throw new Error(`a[${i}] < a[${k}]`);
    }
  });
});
