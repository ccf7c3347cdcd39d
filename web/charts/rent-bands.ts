import * as Plot from "@observablehq/plot";
import { type ChartOptions, countFormat, SEGMENT_COLORS, sized } from "./defaults";
import type { BandRow } from "./readings";

/** Social homes up to each rent limit against the home-seekers who should get a home that cheap. */
export function rentBandsChart(
  rows: readonly BandRow[],
  options: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    ...sized(options, 240),
    marginLeft: 160,
    marginRight: 50,
    x: { label: "aantal (gemiddeld over de runs)", grid: true, tickFormat: countFormat },
    y: { label: null, domain: ["woningen", "woningzoekenden"], axis: null },
    fy: { label: null, domain: [...new Set(rows.map((r) => r.limit))] },
    color: {
      legend: true,
      domain: ["woningen", "woningzoekenden"],
      range: [SEGMENT_COLORS.sociale_huur, "#0f766e"],
    },
    marks: [
      Plot.barX(rows, { fy: "limit", y: "kind", x: "count", fill: "kind", insetTop: 2, insetBottom: 2 }),
      Plot.text(rows, {
        fy: "limit",
        y: "kind",
        x: "count",
        text: (d: BandRow) => countFormat(d.count),
        dx: 4,
        textAnchor: "start",
        fontSize: 11,
      }),
      Plot.ruleX([0]),
    ],
  });
}
