import {
  type CalibrationJson,
  type CalibrationRow,
  calibrate,
  coverage,
  type FigureSource,
  figureSources,
  figureValue,
  formatCalibrationValue,
  formatCount,
  formatShare,
  planningScope,
  prepare,
  type Scenario,
  type SourceBasis,
  type SummaryJson,
  simulate,
  toSummaryJson,
} from "../../engine/index";
import { startBrowserSession } from "../client/spawn-worker";
import { h, message } from "../common/dom";
import { builtinScenario } from "../scenario/builtin";
import { type FigureUnit, figureName, formatFigure, THEMES } from "../scenario/figure-names";
import { shownScenario } from "../scenario/shown";
import type { KeyValueStorage } from "../scenario/storage";
import { scenarioTexts } from "../scenario/texts";
import "../styles/page.css";
import "../styles/methode.css";

/**
 * The method notebook's pieces: the scenario's assumptions with a Dutch name, value, unit and source,
 * grouped by theme, and the diagram of stocks and flows. The figures and their sources come from the
 * scenario itself (engine/provenance.ts); names, themes and units from their place in it
 * (web/scenario/figure-names.ts).
 */

export const BASIS_LABELS: Record<SourceBasis | "none", string> = {
  agreement: "overeenkomst",
  official: "officieel",
  estimate: "schatting",
  none: "geen bron",
};

export interface AssumptionRow extends FigureSource {
  theme: string;
  /** The Dutch name; the path when no rule names the place (the method test fails on those). */
  name: string;
  named: boolean;
  unit: FigureUnit;
  valueText: string;
  basisLabel: string;
  /** Source and note together: where the figure comes from or, for an estimate, why it is what it is. */
  sourceText: string;
}

const UNNAMED: FigureUnit = { kind: "count", label: "" };

export function assumptionRows(scenario: Scenario): AssumptionRow[] {
  return figureSources(scenario)
    .filter((f) => !f.path.startsWith("simulation"))
    .map((f) => {
      const named = figureName(f.path, scenario);
      const unit = named?.unit ?? UNNAMED;
      return {
        ...f,
        theme: named?.theme ?? "Overig",
        name: named?.name ?? f.path,
        named: named !== undefined,
        unit,
        valueText: formatFigure(f.value, unit),
        basisLabel: BASIS_LABELS[f.basis ?? "none"],
        sourceText: [f.source, f.note].filter(Boolean).join(" — "),
      };
    });
}

/** How many figures per basis, for the sentence above the table. */
export function basisCounts(rows: readonly AssumptionRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.basisLabel] = (counts[r.basisLabel] ?? 0) + 1;
  return counts;
}

/** What a search looks in: the name, the value as written, its unit, the source, and the place. */
const haystack = (r: AssumptionRow) =>
  [r.name, r.valueText, r.unit.label, r.basisLabel, r.sourceText, r.path].join(" ").toLowerCase();

/** The rows a search text and a basis leave: every word of the search must occur somewhere in the row. */
export function filterRows(
  rows: readonly AssumptionRow[],
  search: string,
  basis: SourceBasis | "all",
): AssumptionRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (r) => (basis === "all" || r.basis === basis) && words.every((w) => haystack(r).includes(w)),
  );
}

/**
 * The table of assumptions, one collapsible part per theme, with a search box and a filter by basis
 * above it. Long sources wrap inside the page's width.
 */
export function assumptionTable(scenario: Scenario): HTMLElement {
  const rows = assumptionRows(scenario);
  const counts = basisCounts(rows);
  const themes = [...THEMES, "Overig"].filter((t) => rows.some((r) => r.theme === t));
  const trs = new Map<AssumptionRow, HTMLTableRowElement>();
  const parts = themes.map((theme) => {
    const part = rows.filter((r) => r.theme === theme);
    const count = h("span", { class: "ws-count" }, `(${part.length})`);
    const details = h(
      "details",
      {
        open: theme === "Opgave en doelen" || theme === "Bouwpijplijn: vertraging en uitval",
        dataset: { theme },
      },
      h("summary", {}, `${theme} `, count),
      h(
        "table",
        { class: "ws-table ws-fit ws-assumption-table" },
        h(
          "colgroup",
          {},
          ...["ws-col-name", "ws-col-value", "ws-col-unit", "ws-col-basis", "ws-col-source"].map((c) =>
            h("col", { class: c }),
          ),
        ),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["aanname", "waarde", "eenheid", "basis", "bron of onderbouwing"].map((t) => h("th", {}, t)),
          ),
        ),
        h(
          "tbody",
          {},
          ...part.map((r) => {
            const tr = h(
              "tr",
              { dataset: { basis: r.basis ?? "none", path: r.path }, title: r.path },
              h("td", { class: "ws-name" }, r.name),
              h("td", { class: "ws-num" }, r.valueText),
              h("td", { class: "ws-unit" }, r.unit.label),
              h("td", { class: `ws-basis ws-basis--${r.basis ?? "none"}` }, r.basisLabel),
              h("td", { class: "ws-source" }, r.sourceText || "geen bron"),
            );
            trs.set(r, tr);
            return tr;
          }),
        ),
      ),
    );
    return { theme, part, details, count };
  });
  const search = h("input", {
    type: "search",
    name: "zoek-aanname",
    placeholder: `Zoek, bijvoorbeeld: uitval, huurtoeslag, ${scenarioTexts(scenario).exampleKern}`,
    "aria-label": "Zoek in de aannames",
  });
  const basis = h(
    "select",
    { name: "basis", "aria-label": "Toon alleen aannames met deze basis" },
    h("option", { value: "all" }, "alle bases"),
    ...(["agreement", "official", "estimate"] as const).map((b) =>
      h("option", { value: b }, `${BASIS_LABELS[b]} (${formatCount(counts[BASIS_LABELS[b]] ?? 0)})`),
    ),
  );
  const shown = h("p", { class: "ws-shown", role: "status" });
  const apply = () => {
    const term = search.value.trim();
    const visible = new Set(filterRows(rows, term, basis.value as SourceBasis | "all"));
    for (const [r, tr] of trs) tr.hidden = !visible.has(r);
    for (const p of parts) {
      const n = p.part.filter((r) => visible.has(r)).length;
      p.details.hidden = n === 0;
      p.count.textContent = n === p.part.length ? `(${n})` : `(${n} van ${p.part.length})`;
      // A search opens every theme with a hit; clearing it leaves them as the reader left them.
      if (term && n > 0) p.details.open = true;
    }
    shown.textContent =
      visible.size === rows.length
        ? ""
        : visible.size === 0
          ? "Geen aanname gevonden."
          : `${formatCount(visible.size)} van ${formatCount(rows.length)} aannames.`;
  };
  search.addEventListener("input", apply);
  basis.addEventListener("change", apply);
  return h(
    "div",
    { class: "ws-assumptions", dataset: { figures: String(rows.length) } },
    h(
      "p",
      {},
      `${scenario.name}: ${formatCount(rows.length)} cijfers, waarvan ${Object.entries(counts)
        .map(([k, n]) => `${formatCount(n)} ${k}`)
        .join(", ")}.`,
    ),
    h("div", { class: "ws-row ws-assumption-filter" }, search, basis),
    shown,
    ...parts.map((p) => p.details),
  );
}

const SVG = "http://www.w3.org/2000/svg";

function svgEl(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Stocks and flows (the targets box names the scenario's opgave and social share): the projects pipeline feeds the stock per segment; sales, acquisition, demolition
 * and splitting move homes between segments; vacancies of social homes go to home-seekers in the
 * allocation, and the rent they pay gives housing costs and payment risk.
 */
export function stocksAndFlows(scenario: Scenario): SVGSVGElement {
  const svg = svgEl("svg", {
    viewBox: "0 0 760 330",
    role: "img",
    "aria-label": "Schema van voorraden en stromen in het model",
    class: "ws-diagram",
  }) as SVGSVGElement;
  const defs = svgEl("defs", {});
  const marker = svgEl("marker", {
    id: "ws-pijl",
    viewBox: "0 0 10 10",
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: "auto",
  });
  marker.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#3f3f46" }));
  defs.append(marker);
  svg.append(defs);
  const box = (x: number, y: number, w: number, hh: number, title: string, sub: string, fill: string) => {
    svg.append(svgEl("rect", { x, y, width: w, height: hh, rx: 6, fill, stroke: "#3f3f46" }));
    svg.append(
      svgEl(
        "text",
        { x: x + w / 2, y: y + 22, "text-anchor": "middle", "font-weight": 600, "font-size": 14 },
        title,
      ),
    );
    sub.split("\n").forEach((line, i) => {
      svg.append(
        svgEl("text", { x: x + w / 2, y: y + 40 + 15 * i, "text-anchor": "middle", "font-size": 12 }, line),
      );
    });
  };
  const arrow = (x1: number, y1: number, x2: number, y2: number, label: string, dy = -6, dx = 0) => {
    svg.append(
      svgEl("line", {
        x1,
        y1,
        x2,
        y2,
        stroke: "#3f3f46",
        "stroke-width": 1.6,
        "marker-end": "url(#ws-pijl)",
      }),
    );
    svg.append(
      svgEl(
        "text",
        {
          x: (x1 + x2) / 2 + dx,
          y: (y1 + y2) / 2 + dy,
          "text-anchor": dx > 0 ? "start" : "middle",
          "font-size": 12,
          fill: "#3f3f46",
        },
        label,
      ),
    );
  };
  box(
    10,
    20,
    200,
    90,
    "Bouwpijplijn",
    "projecten: in aanbouw, hard,\nzacht, ambitie; vertraging,\nuitval, bezwaar, schokken",
    "#eff6ff",
  );
  box(
    290,
    20,
    220,
    120,
    "Woningvoorraad",
    "per kern × segment × eigenaar:\nsociale huur, middenhuur,\nbetaalbare koop, duur",
    "#fff7ed",
  );
  const homes = formatCount(figureValue(scenario.opgave.homes));
  const social = formatShare(figureValue(scenario.targets.socialShareNewBuild)).replace(",0%", "%");
  box(
    580,
    20,
    170,
    90,
    "Doelen",
    `${homes} woningen, ${social}\nsociaal in de nieuwbouw,\nkans per jaar`,
    "#f0fdf4",
  );
  box(
    290,
    200,
    220,
    110,
    "Toewijzing",
    "vrijgekomen sociale huur →\nurgent, statushouder,\ndoorstromer, vrij, regulier",
    "#faf5ff",
  );
  box(
    580,
    200,
    170,
    110,
    "Betaalbaarheid",
    "huur, energie,\nhuurtoeslag → huurquote,\nbetaalrisico",
    "#fdf2f8",
  );
  box(
    10,
    200,
    200,
    110,
    "Woningzoekenden",
    "inschrijving per jaar;\nwachten tot een passende\nwoning vrijkomt",
    "#f4f4f5",
  );
  arrow(210, 65, 288, 65, "opleveringen");
  arrow(510, 65, 578, 65, "toetsen");
  arrow(400, 140, 400, 198, "mutatie, nieuwbouw", 4, 8);
  arrow(210, 255, 288, 255, "wachtrij");
  arrow(510, 255, 578, 255, "huurders");
  // Flows within the stock: sales and acquisitions between segments, demolition out, splitting in.
  svg.append(
    svgEl("text", { x: 400, y: 160, "text-anchor": "middle", "font-size": 11, fill: "#52525b" }, ""),
  );
  svg.append(
    svgEl(
      "text",
      { x: 400, y: 134, "text-anchor": "middle", "font-size": 11, fill: "#9a3412" },
      "verkoop ⇄ aankoop · sloop · splitsing",
    ),
  );
  return svg;
}

/** A quick run of the building plan (200 runs) to show a band and a probability on a real chart. */
export function exampleSummary(scenario: Scenario): SummaryJson {
  const sim = simulate(planningScope(scenario), { runs: 200, seed: scenario.simulation.seed });
  return toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
}

/** The scenario of the link the page was opened with, else the one the user works on in the planners' notebook, else the baseline. */
export function currentScenario(storage: KeyValueStorage, hash = ""): Promise<Scenario> {
  return shownScenario(storage, hash);
}

/** Runs behind the calibration table: the whole model, enough for a stable median in a second or two. */
export const CALIBRATION_RUNS = 300;

/**
 * The calibration table of the scenario (the baseline's when the scenario has no references of its
 * own): the whole model runs in the page's workers, and the table fills in when it is done, the same
 * rows `woonscenario calibrate` prints.
 */
export function calibrationView(scenario: Scenario): HTMLElement {
  const own = (scenario.calibration?.length ?? 0) > 0;
  const subject = own ? scenario : builtinScenario("basis");
  // Another municipality's references would not say whether this scenario fits its own place.
  if (!own && subject.municipality.name !== scenario.municipality.name)
    return h(
      "div",
      { class: "ws-calibration", dataset: { state: "klaar" } },
      message(
        "info",
        `Dit scenario van ${scenario.municipality.name} heeft geen referenties om naast te leggen.`,
      ),
    );
  const slot = h(
    "div",
    { class: "ws-calibration", dataset: { state: "rekent" } },
    h("p", { class: "ws-message ws-message--info", role: "status" }, "Het model rekent de kalibratie door …"),
  );
  const session = startBrowserSession();
  session.result.subscribe((result) => {
    if (!result || result.preliminary) return;
    const calibration = calibrate(subject, result.summary);
    slot.replaceChildren(
      ...(own
        ? []
        : [h("p", {}, `Dit scenario heeft geen eigen referenties; hieronder die van ${subject.name}.`)]),
      calibrationTableElement(calibration),
    );
    slot.dataset.state = "klaar";
  });
  session.problem.subscribe((text) => {
    if (text) slot.replaceChildren(message("fout", text));
  });
  void session.request({ ...subject, simulation: { ...subject.simulation, runs: CALIBRATION_RUNS } });
  return slot;
}

/** The calibration as a table: reference with source and date, the run's median and band, tolerance, verdict. */
export function calibrationTableElement(calibration: CalibrationJson): HTMLElement {
  const f = (r: CalibrationRow, x: number) => formatCalibrationValue(r.unit, x);
  const inside = calibration.rows.filter((r) => r.verdict === "binnen de marge").length;
  return h(
    "div",
    {},
    h(
      "p",
      {},
      `${inside} van ${calibration.rows.length} regels binnen de marge (${formatCount(calibration.meta.runs)} runs, seed ${calibration.meta.seed}).`,
    ),
    h(
      "div",
      { class: "ws-table-scroll" },
      h(
        "table",
        { class: "ws-table ws-fit ws-calibration-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...[
              "wat",
              "jaar",
              "referentie",
              "bron",
              "model: mediaan",
              "80% van de runs",
              "marge",
              "oordeel",
            ].map((t) => h("th", {}, t)),
          ),
        ),
        h(
          "tbody",
          {},
          ...calibration.rows.map((r) =>
            h(
              "tr",
              { dataset: { row: r.id, verdict: r.verdict } },
              h("td", {}, r.label),
              h("td", { class: "ws-num" }, String(r.year)),
              h("td", { class: "ws-num" }, f(r, r.reference.value)),
              h(
                "td",
                { class: "ws-source" },
                `${r.reference.source ?? "geen bron"} (${r.reference.date})${r.note ? ` ${r.note}` : ""}`,
              ),
              h("td", { class: "ws-num" }, f(r, r.median)),
              h(
                "td",
                { class: "ws-num" },
                `${f(r, r.p10)} – ${f(r, r.p90)}${r.over === "runs" ? "" : " (huishoudens en runs)"}`,
              ),
              h(
                "td",
                { class: "ws-num" },
                r.tolerance.min === r.tolerance.max
                  ? f(r, r.tolerance.min)
                  : `${f(r, r.tolerance.min)} – ${f(r, r.tolerance.max)}`,
              ),
              h(
                "td",
                { class: `ws-verdict ws-verdict--${r.verdict === "binnen de marge" ? "ok" : "niet"}` },
                r.verdict,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Where the agreement's commitments sit in the model: a table of what is in it, a list of what is not. */
export function coverageView(scenario: Scenario): HTMLElement {
  const commitments = scenario.agreement?.commitments ?? [];
  if (commitments.length === 0)
    return h("p", {}, "Dit scenario noemt de afspraken van zijn overeenkomst niet (agreement.commitments).");
  const { layout, targets } = prepare(scenario);
  const result = coverage(commitments, layout, targets, scenario);
  return h(
    "div",
    {
      class: "ws-coverage",
      dataset: { modelled: String(result.modelled.length), notModelled: String(result.notModelled.length) },
    },
    h("h3", {}, `In het model (${result.modelled.length})`),
    h(
      "div",
      { class: "ws-table-scroll" },
      h(
        "table",
        { class: "ws-table ws-fit" },
        h("thead", {}, h("tr", {}, ...["afspraak", "waar", "in het model als"].map((t) => h("th", {}, t)))),
        h(
          "tbody",
          {},
          ...result.modelled.map((r) =>
            h(
              "tr",
              {},
              h("td", {}, r.text, r.note ? h("div", { class: "ws-note" }, r.note) : false),
              h("td", {}, r.chapter),
              h("td", {}, h("ul", {}, ...r.modelledAs.map((m) => h("li", {}, m.label)))),
            ),
          ),
        ),
      ),
    ),
    h("h3", { id: "niet-in-het-model" }, `Niet in het model (${result.notModelled.length})`),
    h(
      "ul",
      { class: "ws-not-modelled" },
      ...result.notModelled.map((r) =>
        h("li", {}, h("strong", {}, `${r.chapter}: ${r.text}. `), r.note ?? ""),
      ),
    ),
    ...result.problems.map((p) => message("fout", `${p.path}: ${p.message}`)),
  );
}
