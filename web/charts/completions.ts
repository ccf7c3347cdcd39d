import * as Plot from "@observablehq/plot";
import type { SummaryJson } from "../../engine/index";
import { type ChartOptions, countFormat, metricRows, sized, yearAxis } from "./defaults";
import { bandMarks } from "./marks";

/** Homes completed per year: the median and the P10–P90 band over the runs. */
export function completionsChart(
  summary: SummaryJson,
  options: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  const rows = metricRows(summary, "completions.total");
  return Plot.plot({
    ...sized(options),
    marginLeft: 48,
    x: yearAxis,
    y: { label: "woningen per jaar", grid: true, zero: true, tickFormat: countFormat },
    marks: [...bandMarks(rows, { format: countFormat, label: "opleveringen" }), Plot.ruleY([0])],
  });
}
