import * as Plot from "@observablehq/plot";
import type { SummaryJson } from "../../engine/index";
import { type ChartOptions, countFormat, metricRows, sized, yearAxis } from "./defaults";
import type { SeriesSpec } from "./series";

export interface StackRow {
  year: number;
  group: string;
  count: number;
}

/** Counts per group per year, the mean over the runs (means add up; medians do not). */
export function stackRows(summary: SummaryJson, specs: readonly SeriesSpec[]): StackRow[] {
  return specs.flatMap((s) =>
    metricRows(summary, s.id).map((r) => ({ year: r.year, group: s.label, count: r.mean })),
  );
}

/** Stacked bars per year, e.g. allocations per group of home-seekers. */
export function stackedChart(
  summary: SummaryJson,
  specs: readonly SeriesSpec[],
  options: ChartOptions & { yLabel: string },
): SVGSVGElement | HTMLElement {
  const rows = stackRows(summary, specs);
  return Plot.plot({
    ...sized(options, 280),
    marginLeft: 48,
    x: { ...yearAxis, type: "band" },
    y: { label: options.yLabel, grid: true, tickFormat: countFormat },
    color: { legend: true, domain: specs.map((s) => s.label), scheme: "tableau10" },
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "count",
        fill: "group",
        tip: { format: { y: (d: number) => countFormat(d) } },
      }),
      Plot.ruleY([0]),
    ],
  });
}
