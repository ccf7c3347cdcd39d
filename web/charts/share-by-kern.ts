import * as Plot from "@observablehq/plot";
import type { SummaryJson, YearStats } from "../../engine/index";
import { type ChartOptions, metricRows, shareFormat, sized, yearAxis } from "./defaults";
import { kernenOf } from "./kernen";
import { band } from "./marks";

export type ShareRow = YearStats & { kern: string };

const MUNICIPALITY = "hele gemeente";

export function shareRows(summary: SummaryJson): ShareRow[] {
  const series = [
    ...kernenOf(summary).map((kern) => ({ kern, id: `share.sociale_huur@${kern}` })),
    { kern: MUNICIPALITY, id: "share.sociale_huur" },
  ];
  return series.flatMap(({ kern, id }) => metricRows(summary, id).map((r) => ({ ...r, kern })));
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
      band(
        rows.filter((d) => d.kern !== MUNICIPALITY),
        { color: "kern", fillOpacity: 0.12, strokeWidth: 1.8, dots: false },
      ),
      band(
        rows.filter((d) => d.kern === MUNICIPALITY),
        { color: "kern", fillOpacity: 0.12, strokeWidth: 2.5, strokeDasharray: "6,3", dots: false },
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
