import * as Plot from "@observablehq/plot";
import type { SummaryJson, YearStats } from "../../engine/index";
import { BAND_COLOR, type ChartOptions, metricRows, sized, yearAxis } from "./defaults";
import { referenceLine } from "./marks";

/**
 * A distribution over households per year (huurquote, woonlasten): the middle half (P25–P75) dark,
 * 80% of households (P10–P90) light, the median as a line. Unlike a band over runs, the spread here
 * is between households.
 */
export function distributionChart(
  summary: SummaryJson,
  id: string,
  options: ChartOptions & {
    yLabel: string;
    format: (d: number) => string;
    /** The starting point's median households, drawn grey and dashed when the scenario is another. */
    reference?: YearStats[];
  },
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    ...sized(options, 260),
    marginLeft: 52,
    x: yearAxis,
    y: { label: options.yLabel, grid: true, zero: true, tickFormat: options.format },
    marks: distributionMarks(metricRows(summary, id), options.format, options.reference),
  });
}

/** The marks of a distribution over households: both bands, the median, the starting point's median. */
export function distributionMarks(
  rows: YearStats[],
  f: (d: number) => string,
  reference?: YearStats[],
): Plot.Markish[] {
  return [
    ...(reference ? [referenceLine(reference)] : []),
    Plot.areaY(rows, { x: "year", y1: "p10", y2: "p90", fill: BAND_COLOR, fillOpacity: 0.14 }),
    Plot.areaY(rows, { x: "year", y1: "p25", y2: "p75", fill: BAND_COLOR, fillOpacity: 0.28 }),
    Plot.lineY(rows, { x: "year", y: "p50", stroke: BAND_COLOR, strokeWidth: 2 }),
    Plot.tip(
      rows,
      Plot.pointerX({
        x: "year",
        y: "p50",
        title: (d) =>
          `${d.year}: mediaan ${f(d.p50)}\nmiddelste helft: ${f(d.p25)} – ${f(d.p75)}\n80% van de huishoudens: ${f(d.p10)} – ${f(d.p90)}`,
      }),
    ),
  ];
}
