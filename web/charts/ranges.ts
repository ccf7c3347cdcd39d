import * as Plot from "@observablehq/plot";
import type { YearStats } from "../../engine/index";
import { BAND_COLOR, type ChartOptions, sized } from "./defaults";

/** `note` is written after the median, e.g. in how many runs the item had a value at all. */
export type RangeRow = YearStats & { label: string; note?: string };

/** One row per item: the P10–P90 range as a bar, the median as a dot (search time per village). */
export function rangeChart(
  rows: readonly RangeRow[],
  options: ChartOptions & { xLabel: string; format: (d: number) => string },
): SVGSVGElement | HTMLElement {
  const f = options.format;
  const noted = rows.some((r) => r.note);
  return Plot.plot({
    ...sized(options, 40 + 34 * rows.length),
    marginLeft: 100,
    marginRight: noted ? 150 : 40,
    x: { label: options.xLabel, grid: true, zero: true, tickFormat: f },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, {
        y: "label",
        x1: "p10",
        x2: "p90",
        fill: BAND_COLOR,
        fillOpacity: 0.25,
        insetTop: 8,
        insetBottom: 8,
      }),
      Plot.dot(rows, { y: "label", x: "p50", fill: BAND_COLOR, r: 4.5 }),
      Plot.text(rows, {
        y: "label",
        x: "p90",
        text: (d: RangeRow) => (d.note ? `${f(d.p50)} · ${d.note}` : f(d.p50)),
        dx: 8,
        textAnchor: "start",
      }),
    ],
  });
}
