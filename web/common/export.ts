import { type Cell, toCsv } from "./csv";

/**
 * Saving what the page shows: a chart as SVG or PNG, a table as CSV for Dutch Excel. Everything is
 * made in the browser and handed to the user as a download; nothing is sent anywhere.
 */

export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(filename: string, rows: readonly (readonly Cell[])[]): void {
  download(filename, new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Text broken into lines of at most `max` characters, at spaces (a longer word keeps its own line). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const NOTE_SIZE = 11;
const NOTE_LINE = 15;

/**
 * A chart as a standalone SVG document: the plot's own SVG, with a white background, the legend's
 * swatches (HTML in the page) redrawn as SVG beneath it, fonts that need no web font, and beneath all
 * that the `notes` (caption, what the band means, scenario, seed, runs, date), wrapped to the width.
 */
export function chartSvg(
  chart: Element,
  title: string,
  notes: readonly string[] = [],
): { text: string; width: number; height: number } {
  const plot = chart instanceof SVGSVGElement ? chart : chart.querySelector<SVGSVGElement>(":scope > svg");
  if (!plot) throw new Error("Deze grafiek heeft geen SVG om te bewaren");
  const width = Number(plot.getAttribute("width"));
  const plotHeight = Number(plot.getAttribute("height"));
  const swatches = [...chart.querySelectorAll("[class$='-swatch']")].map((s) => ({
    color: s.querySelector("rect,path,circle")?.getAttribute("fill") ?? "#999",
    label: s.textContent?.trim() ?? "",
  }));
  const top = 28;
  const legendHeight = swatches.length > 0 ? 18 * Math.ceil(swatches.length / 3) + 8 : 0;
  // About 0.55 em per character of a sans-serif at this size: a safe measure without a canvas.
  const perLine = Math.max(30, Math.floor((width - 16) / (NOTE_SIZE * 0.55)));
  const noteLines = notes.map((n) => wrapText(n, perLine));
  const notesHeight =
    noteLines.length > 0 ? 8 + NOTE_LINE * noteLines.flat().length + 4 * noteLines.length : 0;
  const height = top + plotHeight + legendHeight + notesHeight;
  const doc = document.createElementNS(SVG_NS, "svg");
  doc.setAttribute("xmlns", SVG_NS);
  doc.setAttribute("width", String(width));
  doc.setAttribute("height", String(height));
  doc.setAttribute("viewBox", `0 0 ${width} ${height}`);
  doc.setAttribute("font-family", "system-ui, sans-serif");
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    doc.append(el);
    return el;
  };
  add("rect", { width, height, fill: "white" });
  add("text", { x: 8, y: 19, "font-size": 15, "font-weight": 600 }, title);
  const copy = plot.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("y", String(top));
  doc.append(copy);
  swatches.forEach((s, i) => {
    const x = 8 + (i % 3) * Math.floor((width - 16) / 3);
    const y = top + plotHeight + 8 + 18 * Math.floor(i / 3);
    add("rect", { x, y, width: 12, height: 12, fill: s.color });
    add("text", { x: x + 17, y: y + 10, "font-size": 11 }, s.label);
  });
  let y = top + plotHeight + legendHeight + 8;
  noteLines.forEach((lines, i) => {
    const last = i === noteLines.length - 1;
    for (const line of lines) {
      y += NOTE_LINE;
      add(
        "text",
        {
          x: 8,
          y: y - 3,
          "font-size": NOTE_SIZE,
          fill: last ? "#52525b" : "#27272a",
          class: "ws-export-note",
        },
        line,
      );
    }
    y += 4;
  });
  return { text: new XMLSerializer().serializeToString(doc), width, height };
}

export async function svgToPng(
  svg: { text: string; width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG maken mislukt"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
