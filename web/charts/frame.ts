import { formatCount, STATISTICS, type SummaryJson } from "../../engine/index";
import type { Cell } from "../common/csv";
import { h } from "../common/dom";
import { chartSvg, download, downloadCsv, svgToPng } from "../common/export";

let firstDrawn = false;
let firstFullDrawn = false;

/**
 * The one shape of a figure in every notebook: a title, a caption, a chart drawn from a result, the
 * table behind it (for CSV) and, where it has one, the sentence with its key number. `R` is what the
 * notebook draws from (a run result, a summary, a comparison), `O` the chart options it passes on.
 */
export interface FigureSpec<R, O> {
  title: string;
  caption: string;
  /** False for a figure that is a table itself: it exports as CSV only. */
  image?: boolean;
  render(result: R, options: O): Element;
  table(result: R, options: O): Cell[][];
  /** A sentence with the figure's key number, above the chart; its value is kept for tests and tools. */
  headline?(result: R, options: O): { text: string; value: number } | undefined;
  /**
   * What the chart's band means, written under an exported image; by default, when the chart draws a
   * band, the band of the runs (P10–P90). Figures whose band is over households say so here.
   */
  band?: string;
  /** The metrics behind the chart: with them the figure offers the values of every run as CSV. */
  metrics?(result: R, options: O): string[];
}

/** Which result a framed figure shows: for file names, and so tests and readers tell an old chart from a new one. */
export interface Shown {
  id: string;
  scenarioName: string;
  hash: string;
  /** A first look at fewer runs, replaced when all runs are in. */
  preliminary?: boolean;
  /** The scenario or scenarios an exported image names, when not just `scenarioName` (a comparison). */
  shows?: string;
  /** Seed and runs behind the figure, written under an exported image. */
  seed?: number;
  runs?: number;
  /** The values of every run of these metrics as a table, where the page keeps them (for analysts). */
  perRun?: (ids: readonly string[]) => Cell[][];
}

/** The band of the runs, in words, for an exported image of a chart that draws one. */
export const RUNS_BAND =
  "Lijn: de mediaan van de runs (de helft komt hoger uit, de helft lager). Band: van P10 tot P90, in 8 van de 10 runs ligt de uitkomst daarbinnen.";

/** A figure drawn from `result` and framed: title, sentence, chart, caption, export buttons. */
export function figureFrame<R, O>(spec: FigureSpec<R, O>, result: R, options: O, shown: Shown): HTMLElement {
  return frame({
    ...shown,
    title: spec.title,
    caption: spec.caption,
    image: spec.image ?? true,
    chart: spec.render(result, options),
    table: () => spec.table(result, options),
    headline: spec.headline?.(result, options),
    band: spec.band,
    metrics: spec.metrics && (() => spec.metrics!(result, options)),
  });
}

/** Column names of a metric table, in the words of the notebooks. */
export const METRIC_COLUMNS = [
  "metriek (id)",
  "omschrijving",
  "eenheid",
  "jaar",
  "gemiddelde",
  "P5",
  "P10",
  "P25",
  "P50 (mediaan)",
  "P75",
  "P90",
  "P95",
] as const;

/** Yearly statistics of metrics in long form, the way `yearly.csv` of the command line has them. */
export function metricTable(summary: SummaryJson, ids: readonly string[]): Cell[][] {
  const rows: Cell[][] = [[...METRIC_COLUMNS]];
  for (const id of ids) {
    const info = summary.metricInfo[id];
    for (const r of summary.metrics[id] ?? [])
      rows.push([id, info?.label ?? id, info?.unit ?? "", r.year, ...STATISTICS.map((s) => r[s])]);
  }
  return rows;
}

/** The day of an export, as a reader writes it: "3 december 2026". */
export const exportDate = (date = new Date()) =>
  date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

/**
 * What an exported image says under its chart, so it can travel without the page: the caption, what
 * the band means, and which scenario, runs and seed it shows, made on which day.
 */
export function exportNotes(
  spec: Pick<Framed, "caption" | "band" | "scenarioName" | "shows" | "seed" | "runs">,
  hasBand: boolean,
  date = new Date(),
): string[] {
  const band = spec.band ?? (hasBand ? RUNS_BAND : undefined);
  const made = [
    spec.shows ? `Scenario's: ${spec.shows}` : `Scenario: ${spec.scenarioName}`,
    spec.runs !== undefined ? `${formatCount(spec.runs)} runs` : undefined,
    spec.seed !== undefined ? `seed ${spec.seed}` : undefined,
    `gemaakt op ${exportDate(date)} met woonscenario`,
  ].filter(Boolean);
  return [spec.caption, ...(band ? [band] : []), made.join(" · ")];
}

interface Framed extends Shown {
  title: string;
  caption: string;
  image: boolean;
  chart: Element;
  table: () => Cell[][];
  headline?: { text: string; value: number };
  band?: string;
  metrics?: () => string[];
}

/** Any chart, framed the same way in every notebook. */
function frame(spec: Framed): HTMLElement {
  const { id, chart } = spec;
  const name = `${id}-${spec.scenarioName}`.replace(/[^\p{L}\p{N}_-]+/gu, "_");
  const image = () =>
    chartSvg(chart, spec.title, exportNotes(spec, chart.querySelector('[aria-label="area"]') !== null));
  const perRun = spec.perRun;
  const metrics = spec.metrics;
  const buttons = [
    spec.image &&
      h(
        "button",
        {
          type: "button",
          onclick: () => download(`${name}.svg`, new Blob([image().text], { type: "image/svg+xml" })),
        },
        "SVG",
      ),
    spec.image &&
      h(
        "button",
        {
          type: "button",
          onclick: async () => download(`${name}.png`, await svgToPng(image())),
        },
        "PNG",
      ),
    h("button", { type: "button", onclick: () => downloadCsv(`${name}.csv`, spec.table()) }, "CSV"),
    perRun &&
      metrics &&
      h(
        "button",
        {
          type: "button",
          name: "per-run",
          title: "De waarde van elke run apart, voor wie zelf wil rekenen",
          onclick: () => downloadCsv(`${name}-per-run.csv`, perRun(metrics())),
        },
        "CSV per run",
      ),
  ];
  const headline = spec.headline;
  const figure = h(
    "figure",
    { class: "ws-figure", dataset: { chart: id, scenarioHash: spec.hash } },
    h(
      "header",
      {},
      h("h3", {}, spec.title),
      h("div", { class: "ws-export", "aria-label": "Bewaar als" }, ...buttons),
    ),
    headline && h("p", { class: "ws-headline", dataset: { value: String(headline.value) } }, headline.text),
    chart,
    h("figcaption", {}, spec.caption),
  );
  // Marks for the speed measurements: when the first chart appeared, and when each was redrawn.
  performance.mark(`woonscenario:grafiek:${id}`);
  if (!firstDrawn) {
    firstDrawn = true;
    performance.mark("woonscenario:eerste-grafiek");
  }
  if (!firstFullDrawn && !spec.preliminary) {
    firstFullDrawn = true;
    performance.mark("woonscenario:eerste-volledige-grafiek");
  }
  return figure;
}
