import * as Plot from "@observablehq/plot";
import type { YearStats } from "../../engine/index";
import { type ChartOptions, sized, yearAxis } from "./defaults";
import { bandMarks } from "./marks";

/** The difference B − A over time, run by run: its band says how sure the difference is. */
export function differenceChart(
  rows: YearStats[],
  options: ChartOptions & { yLabel: string; format: (d: number) => string },
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    ...sized(options, 240),
    marginLeft: 52,
    x: yearAxis,
    y: { label: options.yLabel, grid: true, tickFormat: options.format },
    marks: [
      Plot.ruleY([0], { stroke: "#18181b" }),
      ...bandMarks(rows, { color: "#7c3aed", format: options.format, label: "verschil" }),
    ],
  });
}
