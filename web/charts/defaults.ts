import {
  formatCount,
  formatShare,
  SEGMENT_LABELS,
  SEGMENTS,
  type Segment,
  type SummaryJson,
  type YearStats,
} from "../../engine/index";

/** What every chart builder accepts, with its defaults in this one place. */
export interface ChartOptions {
  width?: number;
  height?: number;
}

export const DEFAULT_WIDTH = 640;

export function sized(options: ChartOptions, height = 260): { width: number; height: number } {
  const width = Math.max(280, options.width ?? DEFAULT_WIDTH);
  return { width, height: options.height ?? height };
}

/** Colours per segment, the same in every chart: social rent stands out, the dear segment recedes. */
export const SEGMENT_COLORS: Record<Segment, string> = {
  sociale_huur: "#c2410c",
  middenhuur: "#2563eb",
  betaalbare_koop: "#0d9488",
  duur: "#94a3b8",
};

export const SEGMENT_SCALE = {
  domain: SEGMENTS.map((s) => SEGMENT_LABELS[s]),
  range: SEGMENTS.map((s) => SEGMENT_COLORS[s]),
};

export const BAND_COLOR = "#2563eb";
export const TARGET_COLOR = "#b91c1c";
/** What a result is compared with (the starting point, the previous calculation): grey, dashed. */
export const REFERENCE_COLOR = "#71717a";

/** Years as years: Dutch grouping would print 2025 as "2.025". */
export const yearAxis = { label: null, tickFormat: (d: number) => String(d), ticks: 6 } as const;

export const countFormat = (d: number) => formatCount(d);
export const shareFormat = (d: number) => formatShare(d).replace(",0%", "%");

/** The yearly statistics of one metric; an empty list when the engine does not (yet) report it. */
/** A metric's rows by year; years in which no run had a value (a sparse metric) are left out. */
export function metricRows(summary: SummaryJson, id: string): YearStats[] {
  return (summary.metrics[id] ?? []).filter((r) => r.runs !== 0);
}

export function targetById(summary: SummaryJson, id: string) {
  return summary.targets.find((t) => t.id === id);
}
