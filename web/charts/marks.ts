import * as Plot from "@observablehq/plot";
import type { YearStats } from "../../engine/index";
import { BAND_COLOR, REFERENCE_COLOR, TARGET_COLOR } from "./defaults";

/**
 * Marks the charts compose: a P10–P90 band with the median through it, and a target line. Honest
 * uncertainty is the point: a median line never stands without its band. Straight segments between
 * the years: a smooth curve would suggest values between them that no run produced.
 */

export interface BandOptions {
  color?: string;
  format: (d: number) => string;
  /** What the values are, for the tooltip ("woningen"). */
  label: string;
}

export function bandMarks(
  rows: YearStats[],
  { color = BAND_COLOR, format, label }: BandOptions,
): Plot.Markish[] {
  return [
    Plot.areaY(rows, {
      x: "year",
      y1: "p10",
      y2: "p90",
      fill: color,
      fillOpacity: 0.18,
    }),
    Plot.lineY(rows, { x: "year", y: "p50", stroke: color, strokeWidth: 2 }),
    Plot.dot(rows, { x: "year", y: "p50", fill: color, r: 2.5 }),
    Plot.tip(
      rows,
      Plot.pointerX({
        x: "year",
        y: "p50",
        title: (d: YearStats) =>
          `${d.year}: ${label} mediaan ${format(d.p50)}\nP10–P90: ${format(d.p10)} – ${format(d.p90)}`,
      }),
    ),
  ];
}

export function targetRule(value: number, label: string): Plot.Markish[] {
  return [
    Plot.ruleY([value], { stroke: TARGET_COLOR, strokeDasharray: "5,4" }),
    Plot.text([value], {
      y: (d: number) => d,
      text: () => label,
      frameAnchor: "left",
      textAnchor: "start",
      dy: -7,
      fill: TARGET_COLOR,
      fontWeight: 600,
    }),
  ];
}

/** The median of what a result is compared with (the starting point, the previous calculation): grey, dashed. */
export function referenceLine(rows: YearStats[]): Plot.Markish {
  return Plot.lineY(rows, {
    x: "year",
    y: "p50",
    stroke: REFERENCE_COLOR,
    strokeWidth: 1.5,
    strokeDasharray: "4,3",
  });
}
