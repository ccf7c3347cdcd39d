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
  /** A dashed line: for a series that may lie on another (a target beside what is reached). */
  dashed?: boolean;
  /** Where its direct label stands from the line's last point, in pixels (down is positive). */
  labelDy?: number;
}

export type SeriesRow = YearStats & { series: string };

export function seriesRows(summary: SummaryJson, specs: readonly SeriesSpec[]): SeriesRow[] {
  return specs.flatMap((s) => metricRows(summary, s.id).map((r) => ({ ...r, series: s.label })));
}

export interface SeriesOptions extends ChartOptions {
  yLabel: string;
  format: (d: number) => string;
  /**
   * The series that stands out (its label): drawn last, its band darker and its line wider, the others
   * faint behind it, so overlapping bands do not turn into one grey area that hides it.
   */
  highlight?: string;
  /** Each line's label at its end instead of a legend: for lines that may lie on each other. */
  direct?: boolean;
}

/** The marks of a series chart: a band per series (the highlighted one last), direct labels, one tooltip. */
export function seriesMarks(
  rows: readonly SeriesRow[],
  specs: readonly SeriesSpec[],
  options: Pick<SeriesOptions, "format" | "highlight" | "direct">,
): Plot.Markish[] {
  const { format, highlight, direct } = options;
  const ordered = [
    ...specs.filter((s) => s.label !== highlight),
    ...specs.filter((s) => s.label === highlight),
  ];
  const faint = highlight !== undefined;
  const marks: Plot.Markish[] = ordered.map((spec) => {
    const own = rows.filter((r) => r.series === spec.label);
    const strong = spec.label === highlight;
    return band(own, {
      color: "series",
      fillOpacity: strong ? 0.22 : faint ? 0.04 : 0.1,
      strokeWidth: strong ? 3 : faint ? 1.25 : 2,
      strokeOpacity: faint && !strong ? 0.6 : 1,
      strokeDasharray: spec.dashed ? "6,4" : undefined,
      dots: !faint || strong,
    });
  });
  if (direct)
    for (const spec of specs) {
      const own = rows.filter((r) => r.series === spec.label);
      const last = own.at(-1);
      if (last)
        marks.push(
          Plot.text([last], {
            x: "year",
            y: "p50",
            text: "series",
            fill: "series",
            textAnchor: "start",
            dx: 8,
            dy: spec.labelDy ?? 0,
            fontWeight: 600,
          }),
        );
    }
  marks.push(
    Plot.tip(
      rows,
      Plot.pointer({
        x: "year",
        y: "p50",
        title: (d: SeriesRow) =>
          `${d.series}, ${d.year}: mediaan ${format(d.p50)}\nP10–P90: ${format(d.p10)} – ${format(d.p90)}`,
      }),
    ),
  );
  return marks;
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
    marginRight: options.direct ? 96 : undefined,
    x: yearAxis,
    y: { label: options.yLabel, grid: true, zero: true, tickFormat: options.format },
    color: { legend: !options.direct, domain: specs.map((s) => s.label) },
    marks: seriesMarks(rows, specs, options),
  });
}
