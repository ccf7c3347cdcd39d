import type { Cell } from "../common/csv";
import { h } from "../common/dom";
import { chartSvg, download, downloadCsv, svgToPng } from "../common/export";

let firstDrawn = false;
let firstFullDrawn = false;

export interface FrameSpec {
  id: string;
  title: string;
  caption: string;
  image: boolean;
  chart: Element;
  table: () => Cell[][];
  headline?: { text: string; value: number };
  /** For the names of saved files. */
  scenarioName: string;
  /** The result shown, so tests and readers can tell an old chart from a new one. */
  hash: string;
  preliminary?: boolean;
}

/** Any chart, framed the same way in every notebook: title, sentence, chart, caption, export buttons. */
export function chartFrame(spec: FrameSpec): HTMLElement {
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
  const frame = h(
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
  return frame;
}
