import * as Plot from "@observablehq/plot";
import { formatShare, type SummaryJson } from "../../engine/index";
import { type ChartOptions, metricRows, shareFormat, sized, targetById, yearAxis } from "./defaults";
import { bandMarks, targetRule } from "./marks";

/**
 * Social rent's share of new building, cumulative since the start, against the agreement's 30%; the
 * dots are each year's own share (mean over the runs; the median is 0 in any year that most runs
 * complete no social home), which swings with single projects.
 */
export function newbuildShareChart(
  summary: SummaryJson,
  options: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  const rows = metricRows(summary, "newbuild_share.sociale_huur");
  const target = targetById(summary, "nieuwbouw_sociaal");
  const yearly = targetById(summary, "nieuwbouw_sociaal_jaar")?.byYear ?? [];
  return Plot.plot({
    ...sized(options),
    marginLeft: 48,
    x: yearAxis,
    y: {
      label: "aandeel sociale huur in de nieuwbouw",
      grid: true,
      domain: [0, 0.6],
      tickFormat: shareFormat,
    },
    marks: [
      ...bandMarks(rows, { format: formatShare, label: "cumulatief" }),
      Plot.dot(yearly, { x: "year", y: "mean", stroke: "#c2410c", r: 3.5, symbol: "diamond" }),
      ...(target ? targetRule(target.threshold, `doel ${shareFormat(target.threshold)}`) : []),
    ],
  });
}
