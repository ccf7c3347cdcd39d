import { describe, expect, it } from "vitest";
import type { SummaryJson, YearStats } from "../../../engine/index";
import { distributionMarks } from "../../../web/charts/distribution";
import { referenceRows } from "../../../web/figures/betaalbaarheid";

const row = (year: number, p50: number) =>
  ({ year, mean: p50, p5: p50, p10: p50, p25: p50, p50, p75: p50, p90: p50, p95: p50 }) as YearStats;
const summary = (hash: string, values: number[]) =>
  ({
    meta: { scenarioHash: hash },
    years: values.map((_, i) => 2026 + i),
    metrics: {
      huurquote: values.map((v, i) => row(2026 + i, v)),
      woonlasten: values.map((v, i) => row(2026 + i, v)),
    },
  }) as unknown as SummaryJson;

const labels = (marks: ReturnType<typeof distributionMarks>) =>
  marks.map((m) => (m as unknown as { ariaLabel: string }).ariaLabel);

describe("the households' distribution (huurquote, woonlasten)", () => {
  it("draws the starting point's median as a line under the bands when given", () => {
    const f = String;
    expect(labels(distributionMarks([row(2026, 1)], f))).toEqual(["area", "area", "line", "tip"]);
    const withReference = distributionMarks([row(2026, 1)], f, [row(2026, 2)]);
    expect(labels(withReference)).toEqual(["line", "area", "area", "line", "tip"]);
  });

  it("gets the starting point's rows when the scenario on screen is another, in its years only", () => {
    const shown = summary("nieuw", [0.3, 0.31]);
    const start = summary("start", [0.28, 0.29, 0.3]);
    expect(
      referenceRows(shown, { reference: { summary: start } } as never, "huurquote")?.map((r) => r.year),
    ).toEqual([2026, 2027]);
    expect(referenceRows(start, { reference: { summary: start } } as never, "huurquote")).toBeUndefined();
    expect(referenceRows(shown, {}, "woonlasten")).toBeUndefined();
  });
});
