import * as Plot from "@observablehq/plot";
import { formatProbability, readTarget, type SummaryTarget } from "../../engine/index";
import { BAND_COLOR, type ChartOptions, sized } from "./defaults";

/**
 * "Kans per jaar": per target the chance, over the runs, that it is met in each year (for a `reach`
 * target: reached by then), one small panel per target on a shared 0–100% axis, one line per scenario.
 * A dot marks the year the agreement reads the target in. Thirteen lines in one panel cannot be told
 * apart, and a scorecard's single year hides a dip before or after it: hence a panel each.
 */

export interface ChanceSource {
  scenario: string;
  targets: readonly SummaryTarget[];
}

export interface ChanceRow {
  target: string;
  scenario: string;
  year: number;
  probability: number;
}

export interface ChancePanel {
  target: string;
  label: string;
  deadlineYear: number;
  yearBasis: string;
}

/** A target's chance in the year the agreement reads it in, and where its label goes (see spreadLabels). */
export interface DeadlinePoint extends ChanceRow {
  labelY: number;
}

export function chanceRows(sources: readonly ChanceSource[]): ChanceRow[] {
  return sources.flatMap(({ scenario, targets }) =>
    targets.flatMap((t) =>
      t.byYear.map((r) => ({ target: t.id, scenario, year: r.year, probability: r.probability })),
    ),
  );
}

/** Every target of any source, in the order they first appear (the scorecard's order). */
export function chancePanels(sources: readonly ChanceSource[]): ChancePanel[] {
  const panels = new Map<string, ChancePanel>();
  for (const { targets } of sources)
    for (const t of targets)
      if (!panels.has(t.id))
        // The year of the row the scorecard reads: the last simulated one when the deadline lies beyond.
        panels.set(t.id, {
          target: t.id,
          label: t.label,
          deadlineYear: readTarget(t).row.year,
          yearBasis: t.yearBasis,
        });
  return [...panels.values()];
}

/**
 * The chart's table for CSV: per scenario (when there are several), target and year the chance, and the
 * year the agreement reads the target in.
 */
export function chanceTable(sources: readonly ChanceSource[]): (string | number)[][] {
  const panels = new Map(chancePanels(sources).map((p) => [p.target, p]));
  const several = sources.length > 1;
  return [
    [...(several ? ["scenario"] : []), "doel", "jaar van de overeenkomst", "jaar", "kans"],
    ...chanceRows(sources).map((r) => {
      const p = panels.get(r.target)!;
      return [...(several ? [r.scenario] : []), p.label, p.deadlineYear, r.year, r.probability];
    }),
  ];
}

/**
 * Positions for labels at `values` (sorted or not) that keep at least `gap` apart within [lo, hi], each
 * as near its value as that allows: pushed up from below, then back down from the top. Returned in the
 * order of `values`.
 */
export function spreadLabels(values: readonly number[], gap: number, lo = 0, hi = 1): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const placed = new Array<number>(values.length);
  let below = -Infinity;
  for (const i of order) {
    placed[i] = Math.max(Math.min(Math.max(values[i], lo), hi), below + gap);
    below = placed[i];
  }
  let above = Infinity;
  for (const i of [...order].reverse()) {
    placed[i] = Math.min(placed[i], hi, above - gap);
    above = placed[i];
  }
  return placed;
}

/** On a panel 100 px high, labels 16 px apart and clear of the panel's edges. */
const LABEL_GAP = 0.16;
const LABEL_EDGE = 0.07;

/** Each target's chance in its deadline year (the row the scorecard reads), per scenario. */
export function deadlinePoints(sources: readonly ChanceSource[]): DeadlinePoint[] {
  const points = sources.flatMap(({ scenario, targets }) =>
    targets.map((t) => {
      const { row } = readTarget(t);
      return { target: t.id, scenario, year: row.year, probability: row.probability, labelY: 0 };
    }),
  );
  for (const target of new Set(points.map((p) => p.target))) {
    const same = points.filter((p) => p.target === target);
    const ys = spreadLabels(
      same.map((p) => p.probability),
      LABEL_GAP,
      LABEL_EDGE,
      1 - LABEL_EDGE,
    );
    same.forEach((p, i) => {
      p.labelY = ys[i];
    });
  }
  return points;
}

export interface ChanceOptions extends ChartOptions {
  /** The scenarios in legend order; one scenario is drawn in the band colour, without a legend. */
  scenarios: readonly string[];
}

const PANEL_HEIGHT = 100;
const MIN_PANEL_WIDTH = 160;
const MAX_COLUMNS = 4;
const FONT_SIZE = 12;
/** In ems, as Plot's text mark takes it. */
const LINE_HEIGHT = 1.15;
/** Room under each panel for its own year ticks, and between columns so the ticks never meet. */
const AXIS_SPACE = 24;
const COLUMN_GAP = 24;
const MARGIN_LEFT = 40;

/**
 * How many lines a title needs at `lineWidth` ems, wrapping at spaces as Plot does, with a character
 * taken as 0.6 em: a little wider than Plot's own estimate, so the room kept is never too small.
 */
function titleLines(text: string, lineWidth: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(" ")) {
    const w = 0.6 * word.length;
    if (used > 0 && used + 0.3 + w > lineWidth) {
      lines++;
      used = w;
    } else used += (used > 0 ? 0.3 : 0) + w;
  }
  return lines;
}

export function chanceChart(
  sources: readonly ChanceSource[],
  options: ChanceOptions,
): SVGSVGElement | HTMLElement {
  const rows = chanceRows(sources);
  const panels = chancePanels(sources);
  const points = deadlinePoints(sources);
  const { width } = sized(options);
  const columns = Math.max(
    1,
    Math.min(
      MAX_COLUMNS,
      panels.length,
      Math.floor((width - MARGIN_LEFT + COLUMN_GAP) / (MIN_PANEL_WIDTH + COLUMN_GAP)),
    ),
  );
  const panelWidth = (width - MARGIN_LEFT - 8 - COLUMN_GAP * (columns - 1)) / columns;
  // Plot wraps by a regular face's widths; the bold title in the page's face is some 30% wider.
  const lineWidth = (0.78 * panelWidth) / FONT_SIZE;
  const titleSpace =
    6 + FONT_SIZE * LINE_HEIGHT * Math.max(...panels.map((p) => titleLines(p.label, lineWidth)), 1);
  const gap = AXIS_SPACE + titleSpace;
  const nRows = Math.ceil(panels.length / columns);
  const place = new Map(panels.map((p, i) => [p.target, { fx: i % columns, fy: Math.floor(i / columns) }]));
  const fx = (d: { target: string }) => place.get(d.target)?.fx;
  const fy = (d: { target: string }) => place.get(d.target)?.fy;
  const years = rows.map((r) => r.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  // Three or so years a panel, one in from either end: the ends of neighbouring panels stay apart.
  const yearTicks = Array.from({ length: Math.ceil((last - first - 1) / 4) }, (_, i) => first + 1 + 4 * i);
  const byTarget = new Map(panels.map((p) => [p.target, p]));
  const color: Plot.ScaleOptions =
    options.scenarios.length === 1 ? { range: [BAND_COLOR] } : { scheme: "tableau10", legend: true };
  const several = options.scenarios.length > 1;
  return Plot.plot({
    ...sized(options, titleSpace + nRows * PANEL_HEIGHT + (nRows - 1) * gap + AXIS_SPACE),
    marginTop: titleSpace,
    marginBottom: AXIS_SPACE,
    marginLeft: MARGIN_LEFT,
    marginRight: 8,
    fx: {
      axis: null,
      domain: [...Array(columns).keys()],
      paddingInner: COLUMN_GAP / (panelWidth + COLUMN_GAP),
      paddingOuter: 0,
    },
    fy: {
      axis: null,
      domain: [...Array(nRows).keys()],
      paddingInner: gap / (PANEL_HEIGHT + gap),
      paddingOuter: 0,
    },
    x: { domain: [first, last], label: null },
    y: { domain: [0, 1], label: null, ticks: [0, 0.5, 1], tickFormat: formatProbability, grid: true },
    color: { domain: [...options.scenarios], ...color },
    marks: [
      Plot.frame({ stroke: "#e4e4e7" }),
      Plot.axisX({ ticks: yearTicks, tickFormat: String, facetAnchor: null, label: null }),
      Plot.text(panels, {
        fx,
        fy,
        text: "label",
        // For screen readers and tests: which texts are the panels' titles.
        ariaLabel: "label",
        ariaDescription: "doel",
        frameAnchor: "top-left",
        lineAnchor: "bottom",
        dy: -6,
        lineWidth,
        lineHeight: LINE_HEIGHT,
        fontSize: FONT_SIZE,
        fontWeight: 600,
      }),
      // The year the agreement reads the target in, also where the chance there is nil.
      Plot.ruleX(panels, { fx, fy, x: "deadlineYear", stroke: "#a1a1aa", strokeDasharray: "2,3" }),
      Plot.lineY(rows, { fx, fy, x: "year", y: "probability", stroke: "scenario", strokeWidth: 1.8 }),
      Plot.dot(points, { fx, fy, x: "year", y: "probability", fill: "scenario", stroke: "white", r: 4 }),
      Plot.text(points, {
        fx,
        fy,
        x: "year",
        y: "labelY",
        text: (d: DeadlinePoint) => formatProbability(d.probability),
        ariaDescription: "kans in het jaar van de overeenkomst",
        fill: "scenario",
        stroke: "white",
        strokeWidth: 3,
        textAnchor: "end",
        dx: -7,
        fontWeight: 600,
        fontSize: 11,
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          fx,
          fy,
          x: "year",
          y: "probability",
          title: (d: ChanceRow) => {
            const p = byTarget.get(d.target);
            const at = p && d.year === p.deadlineYear ? `\njaar van de overeenkomst: ${p.yearBasis}` : "";
            return `${several ? `${d.scenario}, ` : ""}${d.year}: kans ${formatProbability(d.probability)}${at}`;
          },
        }),
      ),
    ],
  });
}
