import * as Plot from "@observablehq/plot";
import { SEGMENT_LABELS, SEGMENTS, type SummaryJson } from "../../engine/index";
import { type ChartOptions, countFormat, metricRows, SEGMENT_SCALE, sized } from "./defaults";
import { kernenOf } from "./kernen";

export interface StockRow {
  kern: string;
  segment: string;
  homes: number;
}

/** Median stock per village and segment in one year (default: the last simulated year). */
export function stockRows(summary: SummaryJson, year = summary.years[summary.years.length - 1]): StockRow[] {
  return kernenOf(summary).flatMap((kern) =>
    SEGMENTS.map((s) => ({
      kern,
      segment: SEGMENT_LABELS[s],
      homes: metricRows(summary, `stock.${s}@${kern}`).find((r) => r.year === year)?.p50 ?? 0,
    })),
  );
}

/** The stock per village, stacked by segment, in the given (default: last) year. */
export function stockByKernChart(
  summary: SummaryJson,
  options: ChartOptions & { year?: number } = {},
): SVGSVGElement | HTMLElement {
  const rows = stockRows(summary, options.year);
  const kernen = kernenOf(summary);
  return Plot.plot({
    ...sized(options, 60 + 34 * kernen.length),
    marginLeft: 92,
    x: { label: "woningen (mediaan)", grid: true, tickFormat: countFormat },
    y: { label: null, domain: kernen },
    color: { legend: true, ...SEGMENT_SCALE },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          y: "kern",
          x: "homes",
          fill: "segment",
          order: SEGMENT_SCALE.domain,
          title: (d: StockRow) => `${d.kern}, ${d.segment}: ${countFormat(d.homes)} woningen`,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}
