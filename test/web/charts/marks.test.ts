import { describe, expect, it } from "vitest";
import type { YearStats } from "../../../engine/index";
import { band } from "../../../web/charts/marks";

const rows = [
  { year: 2025, p10: 1, p25: 1.5, p50: 2, p75: 2.5, p90: 3, mean: 2 },
  { year: 2026, p10: 2, p25: 2.5, p50: 3, p75: 3.5, p90: 4, mean: 3 },
] as unknown as YearStats[];

const described = (marks: ReturnType<typeof band>) =>
  [...marks].map((m) => {
    const mark = m as unknown as { ariaLabel: string; fx?: unknown; fy?: unknown };
    return { mark: mark.ariaLabel, fx: mark.fx, fy: mark.fy };
  });

describe("band", () => {
  it("is an area from P10 to P90, the median as a line with dots, and a tooltip when it has a title", () => {
    expect(described(band(rows, { title: () => "" })).map((m) => m.mark)).toEqual([
      "area",
      "line",
      "dot",
      "tip",
    ]);
  });

  it("leaves out the dots and the tooltip when asked, for charts with many lines and one tooltip", () => {
    expect(described(band(rows, { dots: false })).map((m) => m.mark)).toEqual(["area", "line"]);
  });

  it("passes options it does not use through to every mark, as Plot's composite marks do", () => {
    expect(described(band(rows, { fx: "scenario", fy: "kern", title: () => "" }))).toEqual([
      { mark: "area", fx: "scenario", fy: "kern" },
      { mark: "line", fx: "scenario", fy: "kern" },
      { mark: "dot", fx: "scenario", fy: "kern" },
      { mark: "tip", fx: "scenario", fy: "kern" },
    ]);
  });
});
