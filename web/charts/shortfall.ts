import * as Plot from "@observablehq/plot";
import { type CompletionSpread, formatCount, formatProbability, type Project } from "../../engine/index";
import { BAND_COLOR, type ChartOptions, sized } from "./defaults";

/**
 * "Welk project bepaalt het meest of we de opgave halen?": per project planned by the opgave's deadline,
 * the homes it is expected to miss the deadline with (its homes × the chance it is not completed by
 * then, dropped out or late). The projects with the largest expected shortfall are where the 1.225 is
 * won or lost; projects planned after the deadline were never meant to count and are left out.
 */
export interface ShortfallRow extends CompletionSpread {
  name: string;
  shortfall: number;
}

export const SHORTFALL_TOP = 10;

export function shortfallRows(
  projects: readonly Project[],
  spread: readonly CompletionSpread[],
  deadlineYear: number,
): ShortfallRow[] {
  const names = new Map(projects.map((p) => [p.id, `${p.id} ${p.name}`]));
  return spread
    .filter((s) => names.has(s.id) && s.planned < deadlineYear + 1)
    .map((s) => ({ ...s, name: names.get(s.id) ?? s.id, shortfall: s.units * (1 - s.onTime) }))
    .filter((r) => r.shortfall >= 0.5)
    .sort((x, y) => y.shortfall - x.shortfall || x.id.localeCompare(y.id))
    .slice(0, SHORTFALL_TOP);
}

/** The rows as a table for CSV, the same in every notebook that shows them. */
export function shortfallTable(rows: readonly ShortfallRow[]): (string | number)[][] {
  return [
    ["project", "woningen", "kans op tijd", "verwacht niet op tijd"],
    ...rows.map((r) => [r.name, r.units, r.onTime, r.shortfall]),
  ];
}

export function shortfallReading(
  rows: readonly ShortfallRow[],
  deadlineYear: number,
): { text: string; value: number } | undefined {
  const top = rows[0];
  if (!top) return undefined;
  return {
    text: `Het meest hangt af van ${top.name}: ${formatCount(top.units)} woningen, ${formatProbability(top.onTime)} kans dat ze er eind ${deadlineYear} staan; naar verwachting ${formatCount(top.shortfall)} woningen minder dan gepland.`,
    value: top.shortfall,
  };
}

export function shortfallChart(
  rows: readonly ShortfallRow[],
  options: ChartOptions & { deadlineYear: number },
): SVGSVGElement | HTMLElement {
  const size = sized(options, 40 + 28 * rows.length);
  // On a phone the names and the chance would leave no room for the bars: the id and the homes only.
  const narrow = size.width < 560;
  const label = (r: ShortfallRow) => (narrow ? r.id : r.name);
  return Plot.plot({
    ...size,
    marginLeft: narrow ? 44 : 220,
    marginRight: narrow ? 70 : 160,
    x: { label: `woningen niet op tijd voor eind ${options.deadlineYear} (verwacht) →`, grid: true },
    y: { label: null, domain: rows.map(label) },
    marks: [
      Plot.barX(rows, {
        y: label,
        x: "shortfall",
        fill: BAND_COLOR,
        fillOpacity: 0.6,
        insetTop: 4,
        insetBottom: 4,
      }),
      Plot.text(rows, {
        y: label,
        x: "shortfall",
        text: (r: ShortfallRow) =>
          narrow
            ? `${formatCount(r.shortfall)} van ${formatCount(r.units)}`
            : `${formatCount(r.shortfall)} van ${formatCount(r.units)} · ${formatProbability(r.onTime)} op tijd`,
        dx: 6,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
}
