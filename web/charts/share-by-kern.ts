import * as Plot from "@observablehq/plot";
import type { SummaryJson } from "../../engine/index";
import { type ChartOptions, metricRows, shareFormat, sized, yearAxis } from "./defaults";
import { kernenOf } from "./kernen";

export interface ShareRow {
  kern: string;
  year: number;
  p10: number;
  p50: number;
  p90: number;
}

const MUNICIPALITY = "hele gemeente";

export function shareRows(summary: SummaryJson): ShareRow[] {
  const series = [
    ...kernenOf(summary).map((kern) => ({ kern, id: `share.sociale_huur@${kern}` })),
    { kern: MUNICIPALITY, id: "share.sociale_huur" },
  ];
  return series.flatMap(({ kern, id }) =>
    metricRows(summary, id).map((r) => ({ kern, year: r.year, p10: r.p10, p50: r.p50, p90: r.p90 })),
  );
}

/** Social rent's share of the stock per village over time (median, with the P10–P90 band). */
export function shareByKernChart(
  summary: SummaryJson,
  options: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  const rows = shareRows(summary);
  const kernen = [...kernenOf(summary), MUNICIPALITY];
  return Plot.plot({
    ...sized(options, 300),
    marginLeft: 48,
    x: yearAxis,
    y: {
      label: "aandeel sociale huur in de voorraad",
      grid: true,
      zero: true,
      nice: true,
      tickFormat: shareFormat,
    },
    color: { legend: true, domain: kernen, scheme: "tableau10" },
    marks: [
      Plot.areaY(rows, { x: "year", y1: "p10", y2: "p90", fill: "kern", fillOpacity: 0.12 }),
      Plot.lineY(
        rows.filter((d) => d.kern !== MUNICIPALITY),
        { x: "year", y: "p50", stroke: "kern", strokeWidth: 1.8 },
      ),
      Plot.lineY(
        rows.filter((d) => d.kern === MUNICIPALITY),
        { x: "year", y: "p50", stroke: "kern", strokeWidth: 2.5, strokeDasharray: "6,3" },
      ),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "year",
          y: "p50",
          title: (d: ShareRow) =>
            `${d.kern} ${d.year}: ${shareFormat(d.p50)} (P10–P90 ${shareFormat(d.p10)} – ${shareFormat(d.p90)})`,
        }),
      ),
    ],
  });
}
