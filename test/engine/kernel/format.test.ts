import { describe, expect, it } from "vitest";
import { formatCount, formatDifference, formatProbability, formatShare } from "../../../engine/kernel/format";

describe("Dutch number formats", () => {
  it("formatCount and formatShare write 10.150 woningen and 18,0%", () => {
    expect(formatCount(10150)).toBe("10.150");
    expect(formatShare(0.1803)).toBe("18,0%");
  });

  it("formatProbability keeps 0% and 100% for exactly never and always", () => {
    expect(formatProbability(0)).toBe("0%");
    expect(formatProbability(0.004)).toBe("< 1%");
    expect(formatProbability(0.996)).toBe("> 99%");
    expect(formatProbability(1)).toBe("100%");
  });

  it("formatDifference writes a difference in its metric's unit", () => {
    expect(formatDifference(0.02, "aandeel")).toBe("2,0 procentpunt");
    expect(formatDifference(-2.3125, "jaren")).toBe("-2,3 jaar");
    expect(formatDifference(-697.2, "woningen")).toBe("-697");
    expect(formatDifference(12.6, "euro")).toBe("€ 13");
  });
});
