import * as Plot from "@observablehq/plot";
import type { SummaryJson, YearStats } from "../../engine/index";
import { type ChartOptions, metricRows, sized, yearAxis } from "./defaults";
import { band } from "./marks";

/**
 * Several metrics over time in one chart, one colour each: the median as a line with its P10–P90
 * band behind it. For search time per group, or any family of metrics with the same unit.
 */

export interface SeriesSpec {
  id: string;
  label: string;
}

export type SeriesRow = YearStats & { series: string };

export function seriesRows(summary: SummaryJson, specs: readonly SeriesSpec[]): SeriesRow[] {
  return specs.flatMap((s) => metricRows(summary, s.id).map((r) => ({ ...r, series: s.label })));
}

export interface SeriesOptions extends ChartOptions {
  yLabel: string;
  format: (d: number) => string;
}

export function seriesChart(
  summary: SummaryJson,
  specs: readonly SeriesSpec[],
  options: SeriesOptions,
): SVGSVGElement | HTMLElement {
  const rows = seriesRows(summary, specs);
  return Plot.plot({
    ...sized(options, 280),
    marginLeft: 48,
    x: yearAxis,
    y: { label: options.yLabel, grid: true, zero: true, tickFormat: options.format },
    color: { legend: true, domain: specs.map((s) => s.label) },
    marks: [
      band(rows, {
        color: "series",
        fillOpacity: 0.1,
        pointer: "xy",
        title: (d) =>
          `${d.series}, ${d.year}: mediaan ${options.format(d.p50)}\nP10–P90: ${options.format(d.p10)} – ${options.format(d.p90)}`,
      }),
    ],
  });
}
