import { STATISTICS, type SummaryJson } from "../../engine/index";
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
}

/** Which result a framed figure shows: for file names, and so tests and readers tell an old chart from a new one. */
export interface Shown {
  id: string;
  scenarioName: string;
  hash: string;
  /** A first look at fewer runs, replaced when all runs are in. */
  preliminary?: boolean;
}

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
  });
}

/** Yearly statistics of metrics in long form, the way `yearly.csv` of the command line has them. */
export function metricTable(summary: SummaryJson, ids: readonly string[]): Cell[][] {
  const rows: Cell[][] = [["metriek", "jaar", ...STATISTICS]];
  for (const id of ids)
    for (const r of summary.metrics[id] ?? []) rows.push([id, r.year, ...STATISTICS.map((s) => r[s])]);
  return rows;
}

interface Framed extends Shown {
  title: string;
  caption: string;
  image: boolean;
  chart: Element;
  table: () => Cell[][];
  headline?: { text: string; value: number };
}

/** Any chart, framed the same way in every notebook. */
function frame(spec: Framed): HTMLElement {
  const { id, chart } = spec;
  const name = `${id}-${spec.scenarioName}`.replace(/[^\p{L}\p{N}_-]+/gu, "_");
  const buttons = [
    spec.image &&
      h(
        "button",
        {
          type: "button",
          onclick: () =>
            download(`${name}.svg`, new Blob([chartSvg(chart, spec.title).text], { type: "image/svg+xml" })),
        },
        "SVG",
      ),
    spec.image &&
      h(
        "button",
        {
          type: "button",
          onclick: async () => download(`${name}.png`, await svgToPng(chartSvg(chart, spec.title))),
        },
        "PNG",
      ),
    h("button", { type: "button", onclick: () => downloadCsv(`${name}.csv`, spec.table()) }, "CSV"),
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
