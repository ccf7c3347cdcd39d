import { describe, expect, it } from "vitest";
import { nameKey, runKey, triangular, uniform } from "../../../engine/kernel/random";

describe("random streams", () => {
  it("runKey is the same for the same seed and run, and differs between runs and seeds", () => {
    expect(runKey(1, 0)).toBe(runKey(1, 0));
    expect(runKey(1, 0)).not.toBe(runKey(1, 1));
    expect(runKey(1, 0)).not.toBe(runKey(2, 0));
  });

  it("uniform draws lie in [0, 1) with mean ½ and variance 1/12", () => {
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(runKey(7, i), nameKey("P01"), 3);
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it("uniform draws for neighbouring indices are uncorrelated", () => {
    const n = 50_000;
    let product = 0;
    for (let i = 0; i < n; i++) product += (uniform(12345, 99, i) - 0.5) * (uniform(12345, 99, i + 1) - 0.5);
    expect(Math.abs(product / n)).toBeLessThan(0.005);
  });

  it("nameKey is FNV-1a of the name", () => {
    expect(nameKey("")).toBe(0x811c9dc5);
    expect(nameKey("a")).toBe(0xe40c292c);
  });

  it("triangular stays within [min, max] and puts min at u = 0, max at u → 1 and the mode at the cut", () => {
    expect(triangular(0, 2, 5, 11)).toBe(2);
    expect(triangular(1, 2, 5, 11)).toBe(11);
    expect(triangular(3 / 9, 2, 5, 11)).toBeCloseTo(5, 12);
    expect(triangular(0.7, 4, 4, 4)).toBe(4);
  });

  it("triangular has mean (min + mode + max) / 3", () => {
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += triangular(uniform(1, 2, i), 0, 6, 18);
    expect(sum / n).toBeCloseTo(8, 1);
  });
});
