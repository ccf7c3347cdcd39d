import * as Plot from "@observablehq/plot";
import type { YearStats } from "../../engine/index";
import { type ChartOptions, sized, TARGET_COLOR, yearAxis } from "./defaults";
import { band } from "./marks";

/**
 * The same metric for several scenarios side by side, one panel each, on one shared y axis: the
 * council compares heights, so no panel may have its own scale.
 */

export type ScenarioRow = YearStats & { scenario: string };

export interface CompareOptions extends ChartOptions {
  yLabel: string;
  format: (d: number) => string;
  scenarios: readonly string[];
  target?: { value: number; label: string };
  /**
   * False where zero is not meaningful (a share that moves by tenths of a percent): the y axis then fits
   * the data, and the figure's caption says so.
   */
  zero?: boolean;
}

/**
 * Room on each side of a panel for half a year label, so the last year of one panel and the first of
 * the next never run together ("20352025").
 */
export const PANEL_INSET = 18;

export function compareChart(
  rows: readonly ScenarioRow[],
  options: CompareOptions,
): SVGSVGElement | HTMLElement {
  const f = options.format;
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: "#e4e4e7" }),
    band(rows, {
      fx: "scenario",
      dots: false,
      title: (d) => `${d.scenario}, ${d.year}: mediaan ${f(d.p50)}\nP10–P90: ${f(d.p10)} – ${f(d.p90)}`,
    }),
  ];
  if (options.target)
    marks.push(Plot.ruleY([options.target.value], { stroke: TARGET_COLOR, strokeDasharray: "5,4" }));
  return Plot.plot({
    ...sized(options, 240),
    marginLeft: 52,
    marginTop: 28,
    x: { ...yearAxis, ticks: 3, inset: PANEL_INSET },
    y: { label: options.yLabel, grid: true, zero: options.zero ?? true, nice: true, tickFormat: f },
    fx: { label: null, domain: [...options.scenarios], padding: 0.1 },
    marks,
  });
}
