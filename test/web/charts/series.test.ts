import { describe, expect, it } from "vitest";
import type { YearStats } from "../../../engine/index";
import { type SeriesRow, seriesMarks } from "../../../web/charts/series";

const row = (series: string, year: number, p50: number) =>
  ({ series, year, mean: p50, p10: p50 - 1, p25: p50, p50, p75: p50, p90: p50 + 1 }) as unknown as SeriesRow &
    YearStats;
const specs = [
  { id: "a", label: "gezin" },
  { id: "b", label: "starter" },
  { id: "c", label: "senior" },
];
const rows = specs.flatMap((s, i) => [row(s.label, 2026, i), row(s.label, 2027, i + 1)]);
type Inner = {
  ariaLabel: string;
  data?: readonly SeriesRow[];
  strokeDasharray?: string;
  fillOpacity?: number;
};
const inner = (m: unknown) => [...(m as Iterable<Inner>)];
const seriesOf = (m: unknown) => inner(m)[0].data?.[0]?.series;

describe("seriesMarks", () => {
  it("draws the highlighted series last, its band darker than the faint others, one tooltip", () => {
    const marks = seriesMarks(rows, specs, { format: String, highlight: "starter" });
    expect(marks.slice(0, 3).map(seriesOf)).toEqual(["gezin", "senior", "starter"]);
    const opacity = (m: unknown) => inner(m)[0].fillOpacity ?? 0;
    expect(opacity(marks[2])).toBeGreaterThan(3 * opacity(marks[0]));
    expect((marks.at(-1) as unknown as Inner).ariaLabel).toBe("tip");
    expect(marks).toHaveLength(4);
  });

  it("labels lines at their ends, and draws a dashed series dashed: lines that lie on each other stay apart", () => {
    const two = [
      { id: "h", label: "gehuisvest", labelDy: 12 },
      { id: "t", label: "taakstelling", dashed: true, labelDy: -10 },
    ];
    const same = two.flatMap((s) => [row(s.label, 2026, 5), row(s.label, 2027, 9)]);
    const marks = seriesMarks(same, two, { format: String, direct: true });
    const texts = marks.filter((m) => (m as unknown as Inner).ariaLabel === "text") as unknown as {
      data: SeriesRow[];
      dy: number;
    }[];
    expect(texts.map((t) => [t.data[0].series, t.data[0].year])).toEqual([
      ["gehuisvest", 2027],
      ["taakstelling", 2027],
    ]);
    expect(texts[0].dy).not.toBe(texts[1].dy);
    const line = (m: unknown) => inner(m).find((x) => x.ariaLabel === "line");
    expect(line(marks[0])?.strokeDasharray).toBeUndefined();
    expect(line(marks[1])?.strokeDasharray).toBe("6,4");
  });
});
