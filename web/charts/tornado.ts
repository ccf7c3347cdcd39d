import * as Plot from "@observablehq/plot";
import type { TornadoBar } from "../../engine/index";
import { type ChartOptions, sized } from "./defaults";

/**
 * Which assumption moves the outcome most: per assumption a bar from the outcome with the assumption
 * at half to the outcome at one and a half times its value, the largest swing on top, around the
 * scenario's own outcome (the line).
 */
export function tornadoChart(
  bars: readonly TornadoBar[],
  base: number,
  options: ChartOptions & { xLabel: string; format: (d: number) => string },
): SVGSVGElement | HTMLElement {
  const rows = bars.flatMap((b) => [
    { label: b.label, setting: "× ½", from: base, to: b.low },
    { label: b.label, setting: "× 1½", from: base, to: b.high },
  ]);
  const size = sized(options, 40 + 28 * bars.length);
  const chart = Plot.plot({
    ...size,
    // The labels are long; on a phone they may take a little under half the width.
    marginLeft: Math.min(260, Math.round(size.width * 0.45)),
    marginRight: 20,
    x: { label: options.xLabel, grid: true, tickFormat: options.format },
    y: { label: null, domain: bars.map((b) => b.label) },
    color: { legend: true, domain: ["× ½", "× 1½"], range: ["#0d9488", "#c2410c"] },
    marks: [
      Plot.barX(rows, { y: "label", x1: "from", x2: "to", fill: "setting", insetTop: 4, insetBottom: 4 }),
      Plot.ruleX([base], { stroke: "#18181b" }),
    ],
  });
  // The order drawn, top to bottom, for tests and tools.
  chart.setAttribute("data-order", bars.map((b) => b.assumption).join(" "));
  return chart;
}
