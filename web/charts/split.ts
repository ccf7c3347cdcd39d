import * as Plot from "@observablehq/plot";
import type { SummaryJson } from "../../engine/index";
import {
  type ChartOptions,
  countFormat,
  metricRows,
  SEGMENT_COLORS,
  shareFormat,
  sized,
  yearAxis,
} from "./defaults";

/** The 30-40-30 groups of new building: social rent, the affordable middle, and the dear rest. */
export const SPLIT_GROUPS = [
  { label: "sociale huur (30%)", segments: ["sociale_huur"], color: SEGMENT_COLORS.sociale_huur },
  {
    label: "middenhuur en betaalbare koop (40%)",
    segments: ["middenhuur", "betaalbare_koop"],
    color: SEGMENT_COLORS.middenhuur,
  },
  { label: "duur (30%)", segments: ["duur"], color: SEGMENT_COLORS.duur },
] as const;

export interface SplitRow {
  year: number;
  group: string;
  homes: number;
}

/**
 * Mean completions per group and year. Means, not medians: means add up, so the groups of a year
 * sum to its mean total and the shares are shares of something real. Years without completions drop out.
 */
export function splitRows(summary: SummaryJson): SplitRow[] {
  const rows: SplitRow[] = [];
  for (const year of summary.years) {
    const at = (segment: string) =>
      metricRows(summary, `completions.${segment}`).find((r) => r.year === year)?.mean ?? 0;
    const groups = SPLIT_GROUPS.map((g) => ({
      year,
      group: g.label,
      homes: g.segments.reduce((a, s) => a + at(s), 0),
    }));
    if (groups.some((g) => g.homes > 0)) rows.push(...groups);
  }
  return rows;
}

/** The 30-40-30 split of each year's completions, against the agreement's 30% and 70% boundaries. */
export function splitChart(summary: SummaryJson, options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const rows = splitRows(summary);
  return Plot.plot({
    ...sized(options),
    marginLeft: 48,
    // Eleven bars on a phone leave no room for four-digit years: write ’26.
    x: {
      ...yearAxis,
      type: "band",
      tickFormat: (d: number) => ((options.width ?? 640) < 560 ? `’${String(d).slice(2)}` : String(d)),
    },
    y: { label: "aandeel van de opleveringen (gemiddeld)", tickFormat: shareFormat, domain: [0, 1] },
    color: {
      legend: true,
      domain: SPLIT_GROUPS.map((g) => g.label),
      range: SPLIT_GROUPS.map((g) => g.color),
    },
    marks: [
      Plot.barY(
        rows,
        Plot.stackY({
          offset: "normalize",
          order: SPLIT_GROUPS.map((g) => g.label),
          x: "year",
          y: "homes",
          fill: "group",
          title: (d: SplitRow) => `${d.year}, ${d.group}: gemiddeld ${countFormat(d.homes)} woningen`,
        }),
      ),
      Plot.ruleY([0.3, 0.7], { stroke: "white", strokeDasharray: "4,3", strokeWidth: 1.5 }),
    ],
  });
}
