import * as Plot from "@observablehq/plot";
import type { YearStats } from "../../engine/index";
import { BAND_COLOR, REFERENCE_COLOR, TARGET_COLOR } from "./defaults";

/**
 * Marks the charts compose: a P10–P90 band with the median through it, and a target line. Honest
 * uncertainty is the point: a median line never stands without its band. Straight segments between
 * the years: a smooth curve would suggest values between them that no run produced.
 */

/**
 * A band's options. Like Plot's own composite marks, whatever else is given (fx, fy, z, filter …)
 * passes through to every mark of the band, so a faceted or grouped chart uses the same band.
 */
export interface BandOptions<T extends YearStats = YearStats> extends Plot.MarkOptions {
  /** A colour, or the field that holds each row's series ("series", "kern"). */
  color?: string;
  /** The band's opacity; lighter when several bands overlap. */
  fillOpacity?: number;
  strokeWidth?: number;
  strokeDasharray?: string;
  /** A dot on the median in each year (off where many lines meet). */
  dots?: boolean;
  /** The tooltip's text; without it the band has no tooltip (when a chart has one tooltip for all). */
  title?: (d: T) => string;
  /** Where the tooltip looks: the nearest year ("x", one series) or the nearest point ("xy", several). */
  pointer?: "x" | "xy";
}

/** The P10–P90 band with the median through it, as one mark. */
export function band<T extends YearStats>(
  rows: readonly T[],
  options: BandOptions<T> = {},
): Plot.CompoundMark {
  const {
    color = BAND_COLOR,
    fillOpacity = 0.18,
    strokeWidth = 2,
    strokeDasharray,
    dots = true,
    title,
    pointer = "x",
    ...rest
  } = options;
  const median = { ...rest, x: "year", y: "p50" };
  const marks: Plot.Markish[] = [
    Plot.areaY(rows, { ...rest, x: "year", y1: "p10", y2: "p90", fill: color, fillOpacity }),
    Plot.lineY(rows, { ...median, stroke: color, strokeWidth, strokeDasharray }),
  ];
  if (dots) marks.push(Plot.dot(rows, { ...median, fill: color, r: 2.5 }));
  if (title)
    marks.push(Plot.tip(rows, (pointer === "x" ? Plot.pointerX : Plot.pointer)({ ...median, title })));
  return Plot.marks(...marks);
}

/** The usual tooltip of a band: the year, the median and the P10–P90 range in the metric's unit. */
export function bandTitle(format: (d: number) => string, label: string) {
  return (d: YearStats) =>
    `${d.year}: ${label} mediaan ${format(d.p50)}\nP10–P90: ${format(d.p10)} – ${format(d.p90)}`;
}

/** One metric's band with its tooltip: the common case. */
export function bandMarks(
  rows: YearStats[],
  { format, label, ...options }: BandOptions & { format: (d: number) => string; label: string },
): Plot.Markish[] {
  return [band(rows, { ...options, title: bandTitle(format, label) })];
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
