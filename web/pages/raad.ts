import { ENGINE_VERSION, formatCount, type Scenario } from "../../engine/index";
import { chanceChart, chanceTable } from "../charts/chance-by-year";
import { compareChart, type ScenarioRow } from "../charts/compare";
import { countFormat, metricRows, shareFormat } from "../charts/defaults";
import { differenceChart } from "../charts/difference";
import { figureFrame } from "../charts/frame";
import { shortfallChart, shortfallReading, shortfallRows, shortfallTable } from "../charts/shortfall";
import { tornadoChart } from "../charts/tornado";
import { type Compared, differenceRows, type Scored, type TornadoResult } from "../client/comparison";
import type { Cell } from "../common/csv";
import { h } from "../common/dom";
import { changesFromBaseline } from "../controls/editing";
import { scenarioCheckboxes } from "../controls/scenario-picker";
import {
  differenceReading,
  firstLookText,
  newbuildWhy,
  printWarning,
  probabilityText,
  scoreMatrix,
  tornadoFormat,
  tornadoReading,
  tornadoTitle,
} from "../figures/raad";
import { builtinScenario } from "../scenario/builtin";
import { scenarioChoices } from "../scenario/choices";
import type { KeyValueStorage } from "../scenario/storage";
import "../styles/page.css";
import "../styles/report.css";
import "../styles/raad.css";

/**
 * Checkboxes for two to four scenarios, shipped or saved in the planners' notebook; an input for the
 * notebook's `view()`: its value is the list of chosen scenarios, and it only reports a choice of two to four.
 */
export function councilPicker(
  storage: KeyValueStorage,
  initial: readonly string[] = DEFAULT_COUNCIL_SCENARIOS,
  linked?: Scenario,
): HTMLElement & { value: Scenario[] } {
  const picker = scenarioCheckboxes(storage, {
    initial,
    min: 2,
    max: 4,
    legend: "Scenario's (twee tot vier)",
    outOfRange: linked
      ? `Kies twee tot vier scenario's om te vergelijken; sla in de bouwplanning een tweede scenario van ${linked.municipality.name} op om het naast dit scenario te leggen.`
      : "Kies twee tot vier scenario's om te vergelijken.",
    label: (c) => (c.kind === "saved" ? `${c.label} (opgeslagen)` : c.label),
    // A scenario from a link is compared with its own municipality's scenarios only.
    ...(linked ? { linked, municipality: linked.municipality.name } : {}),
  });
  // A choice of two to four goes into the address, so the page can be shared and restored; the
  // checkboxes stop an out-of-range choice before this listener hears it.
  picker.addEventListener("input", () => {
    const keys = [...picker.querySelectorAll<HTMLInputElement>('input[name="scenario"]:checked')].map(
      (box) => box.value,
    );
    writeCouncilState({ scenarios: keys });
  });
  // A link with another choice pasted into this tab changes only the fragment: open it afresh. (The
  // page's own writes use replaceState, which does not fire hashchange.)
  if (typeof window !== "undefined")
    window.addEventListener("hashchange", () => location.reload(), { once: true });
  return picker;
}

export const DEFAULT_COUNCIL_SCENARIOS = ["builtin:basis", "builtin:vertraging"] as const;

/** What the council's address keeps: the scenarios compared (picker keys) and the difference's pair. */
export interface CouncilState {
  scenarios?: string[];
  pair?: [number, number];
}

const BUILTIN = "builtin:";
/**
 * A comma inside a saved scenario's name, as it stands in the list once the address is decoded: the
 * list separates keys by commas, so a name's own comma is written encoded twice ("Plan A, B" →
 * `Plan%20A%252C%20B`) and comes out of URLSearchParams as this text.
 */
const COMMA = "%2C";

/**
 * The council's state from an address's fragment or query: `#scenarios=basis,vertraging&verschil=1,0`
 * (built-in scenarios by their bare id, saved ones by their full key). Anything unreadable is left out.
 */
export function readCouncilState(address: string): CouncilState {
  const params = new URLSearchParams(address.replace(/^[#?]/, ""));
  const state: CouncilState = {};
  const scenarios = params.get("scenarios");
  if (scenarios) {
    const keys = scenarios
      .split(",")
      .map((k) => k.replaceAll(COMMA, ",").trim())
      .filter((k) => k !== "")
      .map((k) => (k.includes(":") ? k : `${BUILTIN}${k}`));
    if (keys.length > 0) state.scenarios = [...new Set(keys)];
  }
  const pair = params.get("verschil")?.split(",").map(Number);
  if (pair && pair.length === 2 && pair.every((i) => Number.isInteger(i) && i >= 0) && pair[0] !== pair[1])
    state.pair = [pair[0], pair[1]];
  return state;
}

/** The fragment for a council state, without "#": built-in scenarios by their bare id. */
export function councilFragment(state: CouncilState): string {
  const parts: string[] = [];
  if (state.scenarios)
    parts.push(
      `scenarios=${state.scenarios
        .map((k) =>
          k.startsWith(BUILTIN) ? k.slice(BUILTIN.length) : encodeURIComponent(k).replaceAll(COMMA, "%252C"),
        )
        .join(",")}`,
    );
  if (state.pair) parts.push(`verschil=${state.pair.join(",")}`);
  return parts.join("&");
}

/**
 * The scenarios the page opens with: those in its address, else Basis and Vertraging. Opened from a
 * scenario link, that scenario and (up to three) saved ones of its municipality.
 */
export function initialCouncilScenarios(
  address: string,
  linked?: Scenario,
  storage?: KeyValueStorage,
): string[] {
  if (linked)
    return ["link", ...scenarioChoices(storage, linked.municipality.name).map((c) => c.key)].slice(0, 4);
  return readCouncilState(address).scenarios ?? [...DEFAULT_COUNCIL_SCENARIOS];
}

/** Writes part of the council's state into the address, keeping the rest, without a new history entry. */
function writeCouncilState(patch: CouncilState): void {
  if (typeof location === "undefined" || typeof history === "undefined") return;
  // A page opened from a scenario link keeps the link as its address: a reload shows that scenario again.
  if (location.hash.startsWith("#scenario=")) return;
  const state = { ...readCouncilState(location.hash || location.search), ...patch };
  history.replaceState(history.state, "", `${location.pathname}${location.search}#${councilFragment(state)}`);
}

/** Which two scenarios the difference is taken of: A and B, B − A. */
export function pairPicker(
  compared: readonly Compared[],
  restored: CouncilState["pair"] = typeof location === "undefined"
    ? undefined
    : readCouncilState(location.hash || location.search).pair,
): HTMLElement & { value: [number, number] } {
  const start: [number, number] = restored?.every((i) => i < compared.length) ? restored : [0, 1];
  const select = (name: string, selected: number) =>
    h(
      "select",
      { name },
      ...compared.map((c, i) => h("option", { value: String(i), selected: i === selected }, c.label)),
    );
  const a = select("verschil-a", start[0]);
  const b = select("verschil-b", start[1]);
  const element = h(
    "div",
    { class: "ws-row" },
    h("label", {}, "Verschil van ", b),
    h("label", {}, " min ", a),
  ) as unknown as HTMLElement & { value: [number, number] };
  element.value = start;
  element.addEventListener("input", () => {
    element.value = [Number(a.value), Number(b.value)];
    writeCouncilState({ pair: element.value });
  });
  return element;
}

const scenarioRows = (compared: readonly Compared[], id: string): ScenarioRow[] =>
  compared.flatMap((c) => metricRows(c.summary, id).map((r) => ({ ...r, scenario: c.label })));

/** What an exported image of a comparison says it shows: the scenarios, their seed and runs. */
const exported = (compared: readonly Compared[]) => ({
  shows: compared
    .map((c) => c.label)
    .join(", ")
    .replace(/, ([^,]*)$/, " en $1"),
  seed: compared[0]?.summary.meta.seed,
  runs: compared[0]?.summary.meta.runs,
});

const hashOf = (compared: readonly Compared[]) => compared.map((c) => c.summary.meta.scenarioHash).join("+");

function longTable(rows: readonly ScenarioRow[], metric: string, label: string): Cell[][] {
  return [
    ["scenario", "metriek (id)", "omschrijving", "jaar", "mediaan", "P10", "P90"],
    ...rows.map((r) => [r.scenario, metric, label, r.year, r.p50, r.p10, r.p90]),
  ];
}

export const COMPARED_METRICS = {
  realisatie: {
    metric: "opgave.realised",
    title: "Realisatie van de opgave",
    yLabel: "woningen (cumulatief)",
    format: countFormat,
    /** A line at the opgave, as the scenarios' own target says it. */
    target: "opgave",
    zero: true,
  },
  sociaal: {
    metric: "share.sociale_huur",
    title: "Aandeel sociale huur in de voorraad",
    yLabel: "aandeel sociale huur",
    format: shareFormat,
    target: undefined,
    /** The share moves by tenths of a percent: from zero the lines would lie flat on the top edge. */
    zero: false,
  },
} as const;

/** The caption of a side-by-side comparison; where the axis does not start at zero, it says so. */
export function comparisonCaption(zero: boolean): string {
  const base = "Per scenario de mediaan (lijn) en 80% van de runs (band), op dezelfde as.";
  return zero
    ? base
    : `${base} Let op: de as begint niet bij nul maar past op de uitkomsten, zodat kleine verschillen tussen de scenario's zichtbaar zijn.`;
}

export function comparisonFigure(
  id: keyof typeof COMPARED_METRICS,
  compared: readonly Compared[],
  options: { width?: number; height?: number } = {},
): HTMLElement {
  const spec = COMPARED_METRICS[id];
  const rows = scenarioRows(compared, spec.metric);
  const target = spec.target && compared[0].summary.targets.find((t) => t.id === spec.target);
  return figureFrame(
    {
      title: spec.title,
      caption: comparisonCaption(spec.zero),
      render: () =>
        compareChart(rows, {
          ...options,
          ...spec,
          target: target
            ? { value: target.threshold, label: `opgave ${formatCount(target.threshold)}` }
            : undefined,
          scenarios: compared.map((c) => c.label),
        }),
      table: () =>
        longTable(rows, spec.metric, compared[0]?.summary.metricInfo[spec.metric]?.label ?? spec.title),
    },
    undefined,
    undefined,
    { id: `vergelijk_${id}`, scenarioName: "vergelijking", hash: hashOf(compared), ...exported(compared) },
  );
}

/** Every target's chance per year, a line per scenario in each target's panel. */
export function chanceFigure(
  compared: readonly Compared[],
  options: { width?: number; height?: number } = {},
): HTMLElement {
  const sources = compared.map((c) => ({ scenario: c.label, targets: c.summary.targets }));
  return figureFrame(
    {
      title: "Kans per jaar",
      caption:
        "Per doel en scenario de kans dat het doel in dat jaar gehaald is (het aandeel van de runs); bij een doel zonder jaar in de overeenkomst (de groei van het aantal inwoners) de kans dat het dan al bereikt is. De stip staat in het jaar dat de overeenkomst noemt, met de kans in dat jaar; de stippellijn markeert dat jaar.",
      render: () => chanceChart(sources, { ...options, scenarios: compared.map((c) => c.label) }),
      table: () => chanceTable(sources),
    },
    undefined,
    undefined,
    { id: "kans_per_jaar", scenarioName: "vergelijking", hash: hashOf(compared), ...exported(compared) },
  );
}

export function differenceFigure(
  compared: readonly Compared[],
  [ia, ib]: [number, number],
  options: { width?: number; height?: number } = {},
): HTMLElement {
  const [a, b] = [compared[ia], compared[ib]];
  const rows = differenceRows(a, b, "opgave.realised");
  return figureFrame(
    {
      title: `Verschil in realisatie: ${b.label} min ${a.label}`,
      caption:
        "Per run het verschil tussen de twee scenario's met dezelfde toevalsgetallen; lijn: mediaan, band: 80% van de runs. Onder de nul: minder woningen.",
      render: () =>
        differenceChart(rows, { ...options, yLabel: "verschil in woningen", format: countFormat }),
      table: () => [["jaar", "mediaan", "P10", "P90"], ...rows.map((r) => [r.year, r.p50, r.p10, r.p90])],
      headline: () => differenceReading(a, b, rows, a.scenario.opgave.deadlineYear, "woningen"),
    },
    undefined,
    undefined,
    {
      id: "verschil",
      scenarioName: `${b.label}-min-${a.label}`,
      hash: hashOf([a, b]),
      ...exported([a, b]),
    },
  );
}

/**
 * Which projects decide the opgave in the first chosen scenario, as the planners' notebook shows it: the
 * completions come from the comparison's own runs in the pool.
 */
export function projectsFigure(c: Compared, options: { width?: number; height?: number } = {}): HTMLElement {
  const deadlineYear = c.scenario.opgave.deadlineYear;
  const rows = shortfallRows(c.scenario.projects, c.spread, deadlineYear);
  return figureFrame(
    {
      title: `Welke projecten bepalen de opgave? (${c.label})`,
      caption: `Per project gepland vóór het eind van ${deadlineYear}: woningen die het naar verwachting niet op tijd oplevert (zijn woningen × de kans op uitval of te late oplevering), de tien grootste.`,
      render: () => shortfallChart(rows, { ...options, deadlineYear }),
      table: () => shortfallTable(rows),
      headline: () => shortfallReading(rows, deadlineYear),
    },
    undefined,
    undefined,
    {
      id: "projecten_opgave",
      scenarioName: c.label,
      hash: c.summary.meta.scenarioHash,
      ...exported([c]),
      shows: undefined,
    },
  );
}

export function tornadoFigure(
  t: TornadoResult,
  scenarioName: string,
  options: { width?: number; height?: number } = {},
): HTMLElement {
  return figureFrame(
    {
      title: `Gevoeligheid: ${tornadoTitle(t).toLowerCase()}`,
      caption: `Elke aanname op de helft (groen) en anderhalf keer (oranje) haar waarde in ${scenarioName}, de rest gelijk; de grootste invloed bovenaan.`,
      render: () =>
        tornadoChart(t.bars, t.base, {
          ...options,
          xLabel: tornadoTitle(t).toLowerCase(),
          format: tornadoFormat(t),
        }),
      table: () => [
        ["aanname", "laag (× ½)", "hoog (× 1½)", "verschil"],
        ...t.bars.map((b) => [b.label, b.low, b.high, b.swing]),
      ],
      headline: () => tornadoReading(t),
    },
    undefined,
    undefined,
    { id: `tornado_${t.outcome.metric}`, scenarioName: scenarioName, hash: `${t.outcome.metric}:${t.base}` },
  );
}

/** The scorecard of every target, a column per scenario: median, probability and a traffic light. */
export function scoreMatrixTable(
  compared: readonly Compared[],
  /** While the comparison is a first look (or stays one), every row says so. */
  scored?: Pick<Scored, "state" | "runs">,
): HTMLTableElement {
  const preliminary = scored !== undefined && scored.state !== "klaar";
  const rows = scoreMatrix(compared);
  const head = h(
    "tr",
    {},
    h("th", {}, "Doel"),
    h("th", {}, "Jaar"),
    ...compared.map((c) => h("th", { colSpan: 2, scope: "colgroup" }, c.label)),
  );
  const why = newbuildWhy(compared);
  const body = rows.flatMap((r) => [
    h(
      "tr",
      { dataset: { target: r.id } },
      h(
        "td",
        {},
        r.label,
        ...(preliminary
          ? [
              " ",
              h("small", { class: "ws-preliminary" }, `voorlopig, ${formatCount(scored?.runs ?? 0)} runs`),
            ]
          : []),
      ),
      h("td", {}, String(r.year)),
      ...r.cells.flatMap((cell) => [
        h("td", { class: "ws-num" }, cell.medianText),
        h(
          "td",
          {
            class: `ws-light ${cell.light ? `ws-light--${cell.light.color}` : ""}`,
            dataset: { scenario: cell.scenario, probability: String(cell.probability ?? "") },
            title: cell.light
              ? `${cell.light.label}: kans ${probabilityText(cell.probability)}`
              : "niet berekend voor dit scenario",
          },
          probabilityText(cell.probability),
        ),
      ]),
    ),
    ...(why && r.id === "nieuwbouw_sociaal"
      ? [
          h(
            "tr",
            { class: "ws-why", dataset: { why: r.id } },
            h("td", { colSpan: 2 + 2 * compared.length }, h("small", {}, why.text)),
          ),
        ]
      : []),
  ]);
  return h(
    "table",
    { class: "ws-scorecard ws-score-matrix" },
    h(
      "thead",
      {},
      head,
      h(
        "tr",
        {},
        h("th", {}),
        h("th", {}),
        ...compared.flatMap(() => [h("th", {}, "mediaan"), h("th", {}, "kans")]),
      ),
    ),
    h("tbody", {}, ...body),
  );
}

/** What every printed page says at its top: what this is, when, which scenarios, seed and engine. */
export function reportHeader(
  compared: readonly Compared[],
  date: Date,
  page: number,
  pages: number,
  /** A first look: every page says so beside its runs. */
  preliminary = false,
): HTMLElement {
  const { seed, runs } = compared[0].summary.meta;
  const day = date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  return h(
    "header",
    { class: "ws-page-header" },
    h(
      "strong",
      {},
      `Woonscenario ${compared[0].scenario.municipality.name} — scenario's vergeleken voor de raad`,
    ),
    h(
      "span",
      {},
      `${day} · ${compared.map((c) => c.label).join(" / ")} · seed ${seed} · ${formatCount(runs)} runs${preliminary ? " (voorlopig)" : ""} · engine ${ENGINE_VERSION} · pagina ${page} van ${pages}`,
    ),
  );
}

export const REPORT_PAGES = 3;

/**
 * The print layout: three A4 landscape pages, each a block with its own header, sized to fit one page
 * (a chart never splits over two). Hidden on screen; the only thing printed.
 */
export function councilReport(
  scored: Scored,
  pair: [number, number],
  tornados: readonly TornadoResult[],
  date = new Date(),
): HTMLElement {
  const compared = scored.compared;
  const warning = printWarning(scored);
  const page = (n: number, ...content: Node[]) =>
    h(
      "section",
      { class: "ws-page", dataset: { page: String(n) } },
      reportHeader(compared, date, n, REPORT_PAGES, scored.state !== "klaar"),
      ...content,
    );
  const wide = { width: 1000, height: 250 };
  const half = { width: 490 };
  return h(
    "div",
    { class: "ws-report" },
    page(
      1,
      h("h2", {}, "Doelen van de overeenkomst per scenario"),
      warning
        ? h("p", { class: "ws-message ws-message--fout ws-report-missing", role: "alert" }, warning)
        : h("span", { hidden: true }),
      scoreMatrixTable(compared, scored),
      h(
        "p",
        { class: "ws-small" },
        "Kans: aandeel van de runs waarin het doel in het genoemde jaar gehaald wordt. Groen vanaf 80%, oranje vanaf 50%, anders rood.",
      ),
      ...baselineChanges(compared),
    ),
    page(2, comparisonFigure("realisatie", compared, wide), comparisonFigure("sociaal", compared, wide)),
    page(
      3,
      differenceFigure(compared, pair, { width: 1000, height: 180 }),
      h(
        "div",
        { class: "ws-side-by-side" },
        ...tornados.map((t) => tornadoFigure(t, compared[0].label, half)),
      ),
    ),
  );
}

/**
 * Each printed scenario with what it assumes differently from the baseline, in the planners' words. The
 * shipped baseline is one municipality's: another municipality's scenarios are set against the first.
 */
function baselineChanges(compared: readonly Compared[]): Node[] {
  const shipped = builtinScenario("basis");
  const first = compared[0].scenario;
  const basis = shipped.municipality.name === first.municipality.name ? shipped : first;
  return [
    h("h2", {}, `Wat elk scenario anders aanneemt dan ${basis.name}`),
    changesFromBaseline(basis, compared),
  ];
}

export function printButton(): HTMLElement {
  return h("button", { type: "button", name: "afdrukken", onclick: () => print() }, "Afdrukken (A4 liggend)");
}

/** A line above the scorecard while the comparison is a first look or lacks the rest; hidden when all runs are in. */
export function comparisonNote(scored: Scored): HTMLElement {
  const text = firstLookText(scored);
  return h(
    "p",
    {
      class: `ws-message ws-message--${scored.state === "mislukt" ? "fout" : "info"}`,
      role: "status",
      hidden: text === "",
      dataset: { comparison: scored.state },
    },
    text,
  );
}
