import * as Plot from "@observablehq/plot";
import { formatCount, formatProbability, type SummaryJson } from "../../engine/index";
import {
  type ChartOptions,
  countFormat,
  metricRows,
  sized,
  TARGET_COLOR,
  targetById,
  yearAxis,
} from "./defaults";
import { bandMarks, referenceLine, targetRule } from "./marks";

/**
 * Homes realised of the building task, cumulative, against the task (1.225 in 2034 for Losser): the
 * median, the P10–P90 band and the probability of reaching the task by its deadline; with `previous`,
 * the median before the last edit as a grey dashed line.
 */
export function realisationChart(
  summary: SummaryJson,
  options: ChartOptions & { previous?: SummaryJson } = {},
): SVGSVGElement | HTMLElement {
  const rows = metricRows(summary, "opgave.realised");
  const target = targetById(summary, "opgave");
  const marks: Plot.Markish[] = [];
  if (options.previous) marks.push(referenceLine(metricRows(options.previous, "opgave.realised")));
  marks.push(...bandMarks(rows, { format: countFormat, label: "gerealiseerd" }));
  if (target) {
    marks.push(
      ...targetRule(target.threshold, `opgave ${formatCount(target.threshold)}`),
      Plot.ruleX([target.deadlineYear], { stroke: TARGET_COLOR, strokeOpacity: 0.4 }),
      Plot.text([target], {
        x: (t) => t.deadlineYear,
        frameAnchor: "bottom",
        textAnchor: "end",
        dx: -6,
        dy: -8,
        lineWidth: 14,
        text: (t) => `kans ${formatProbability(t.probability)} in ${t.deadlineYear}`,
        fill: TARGET_COLOR,
        fontWeight: 600,
        fontSize: 12,
      }),
    );
  }
  return Plot.plot({
    ...sized(options),
    marginLeft: 52,
    x: yearAxis,
    y: { label: "woningen (cumulatief)", grid: true, zero: true, tickFormat: countFormat },
    marks,
  });
}
